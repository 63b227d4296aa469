import type { CatalogueItem } from './item'
import { searchCatalogue } from './search'

const it_ = (id: string, name: string, initials: string, active = true): CatalogueItem => ({ id, name, initials, active, category: 'treatment', priceFen: 10_000 })
const CATALOGUE = [
  it_('a', '特价洁牙', 'tjjy'),
  it_('b', '洁牙', 'jy'),
  it_('c', '牙线', 'yx'),
  it_('d', '电动牙刷', 'ddys'),
  it_('e', '旧款洁牙套餐', 'jkjytc', false),
  it_('f', '基础检查', 'jcjc'),
]
const names = (q: string) => searchCatalogue(CATALOGUE, q).map((i) => i.name)

describe('searching the price list at the desk', () => {
  test('initials that start with the query come first, then names containing it', () => {
    expect(names('jy')).toEqual(['洁牙', '特价洁牙'])
    expect(names('j')).toEqual(['洁牙', '基础检查', '特价洁牙'])
  })

  test('part of the name finds it; a name starting with the query ranks above one containing it', () => {
    expect(names('洁牙')).toEqual(['洁牙', '特价洁牙'])
    expect(names('牙')).toEqual(['牙线', '洁牙', '特价洁牙', '电动牙刷'])
  })

  test('inactive items are never offered', () => {
    expect(names('jk')).toEqual([])
    expect(names('套餐')).toEqual([])
  })

  test('case, width and spaces in the query do not matter; an empty query lists active items', () => {
    expect(names(' J Y ')).toEqual(['洁牙', '特价洁牙'])
    expect(names('ＤＤＹＳ')).toEqual(['电动牙刷'])
    expect(names('')).toHaveLength(5)
    expect(names('zz')).toEqual([])
  })

  test('at most `limit` results', () => {
    expect(searchCatalogue(CATALOGUE, '', 2)).toHaveLength(2)
  })
})
