import { isDomainError } from '../errors'
import { DEFAULT_POLICY } from '../policy'
import { nameKey, parsePriceYuan, priceItemProblems, validatePriceItem, MAX_PRICE_FEN } from './item'

const item = (o: Partial<{ name: string; category: string; priceFen: number; active: boolean }> = {}) =>
  ({ name: '洁牙', category: 'treatment', priceFen: 28_000, active: true, ...o })
const fieldsOf = (o: Parameters<typeof item>[0]) => priceItemProblems(item(o), DEFAULT_POLICY).map((p) => p.field)

describe('price list item validation (issue 13)', () => {
  test('a valid item comes back cleaned', () => {
    expect(validatePriceItem(item({ name: '  冷光   美白 ' }), DEFAULT_POLICY)).toEqual({ name: '冷光 美白', category: 'treatment', priceFen: 28_000, active: true })
  })

  test.each([
    [{ name: '' }, ['name']],
    [{ name: 'x'.repeat(41) }, ['name']],
    [{ name: '洁\u0007牙' }, ['name']],
    [{ category: 'discounted' }, ['category']],
    [{ priceFen: 0 }, ['priceFen']],
    [{ priceFen: -100 }, ['priceFen']],
    [{ priceFen: 12.5 }, ['priceFen']],
    [{ priceFen: MAX_PRICE_FEN + 1 }, ['priceFen']],
    [{ name: '', category: 'x', priceFen: 0 }, ['name', 'category', 'priceFen']],
  ])('%j is refused on %j', (o, fields) => {
    expect(fieldsOf(o)).toEqual(fields)
  })

  test('M1: a membership fee item costs exactly the policy annual fee', () => {
    expect(fieldsOf({ name: '年度会员', category: 'membership_fee', priceFen: DEFAULT_POLICY.membership.annualFeeFen })).toEqual([])
    expect(fieldsOf({ name: '年度会员', category: 'membership_fee', priceFen: 50_000 })).toEqual(['priceFen'])
  })

  test('a refusal is a typed error naming the field in both languages', () => {
    let err: unknown
    try { validatePriceItem(item({ priceFen: 0 }), DEFAULT_POLICY) } catch (e) { err = e }
    expect(isDomainError(err) && err.code).toBe('PRICE_ITEM_INVALID')
    if (!isDomainError(err)) throw new Error('expected a DomainError')
    expect(err.messages.zh).toBe('价格：价格必须大于 0')
    expect(err.messages.en).toBe('Price: The price must be more than zero')
    expect(err.details).toMatchObject({ field: 'priceFen' })
  })

  test('names that differ by case, width or spaces are the same item', () => {
    expect(nameKey('Ｐｈｉｌｉｐｓ 电动牙刷')).toBe(nameKey('philips电动牙刷'))
    expect(nameKey('洁牙')).not.toBe(nameKey('特价洁牙'))
  })
})

describe('parsePriceYuan: yuan text → fen without floating point', () => {
  test.each([['280', 28_000], ['¥1,280.50', 128_050], ['99.5元', 9_950], ['０.０１', 1], ['0.29', 29], ['1000000', MAX_PRICE_FEN], ['1,280.50 ₽', 128_050], ['280卢布', 28_000]])('%s → %d fen', (cell, fen) => {
    expect(parsePriceYuan(cell)).toEqual({ ok: true, fen })
  })
  test.each([['', '价格应为'], ['abc', '价格应为'], ['1.234', '价格应为'], ['-5', '价格应为'], ['0', '必须大于 0'], ['1000000.01', '超过'], ['99999999', '超过']])('%s is refused (%s)', (cell, zh) => {
    const r = parsePriceYuan(cell)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason.zh).toContain(zh)
  })
})
