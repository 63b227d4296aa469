import { csvTable } from '../import/csv'
import { DEFAULT_POLICY } from '../policy'
import { checkPriceTable } from './table'

const check = (text: string) => checkPriceTable(csvTable(text), DEFAULT_POLICY)

describe('reading a price list file', () => {
  test('good rows become items; each bad row is reported with its row and field', () => {
    const r = check([
      '名称,类别,价格（元）,状态,备注',
      '洁牙,治疗,280,,',
      '特价洁牙,特价,99,启用,',
      ',治疗,100,,',
      '牙线,饮料,15,,',
      '电动牙刷,口腔护理产品,"¥1,299.00",停用,',
      '漱口水,产品,十五,是的,',
      '洁 牙,treatment,300,,',
      '年度会员,会员费,500,,',
      ',,,,',
    ].join('\n'))
    if ('columns' in r) throw new Error('expected rows')
    expect(r.rows).toBe(8)
    expect(r.ignoredColumns).toEqual(['备注'])
    expect(r.items).toEqual([
      { row: 2, name: '洁牙', category: 'treatment', priceFen: 28_000, active: true },
      { row: 3, name: '特价洁牙', category: 'special_price', priceFen: 9_900, active: true },
      { row: 6, name: '电动牙刷', category: 'oral_care_product', priceFen: 129_900, active: false },
    ])
    expect(r.problems.map((p) => `${p.row}:${p.field}`)).toEqual(['4:name', '5:category', '7:priceFen', '7:active', '8:name', '9:priceFen'])
    expect(r.problems.find((p) => p.row === 8)?.reason.zh).toBe('与第 2 行同名')
  })

  test('a header without name, category and price is refused as a whole', () => {
    expect(check('项目,价格\n洁牙,280')).toEqual({ columns: expect.objectContaining({ zh: expect.stringContaining('名称、类别、价格') }) })
  })
})
