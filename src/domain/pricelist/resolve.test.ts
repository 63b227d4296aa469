import { DomainError } from '../errors'
import type { StaffRole } from '../../api/contract'
import type { CatalogueItem } from './item'
import { resolveBillItems, type BillLineInput } from './resolve'

const CATALOGUE: CatalogueItem[] = [
  { id: 'pi_clean', name: '洁牙', category: 'treatment', priceFen: 28_000, active: true, initials: 'jy' },
  { id: 'pi_clean_special', name: '特价洁牙', category: 'special_price', priceFen: 9_900, active: true, initials: 'tjjy' },
  { id: 'pi_floss', name: '牙线', category: 'oral_care_product', priceFen: 1_500, active: true, initials: 'yx' },
  { id: 'pi_old', name: '旧款套餐', category: 'treatment', priceFen: 50_000, active: false, initials: 'jktc' },
]

function refusal(lines: BillLineInput[], role: StaffRole): DomainError {
  try {
    resolveBillItems(lines, CATALOGUE, role)
  } catch (e) {
    if (e instanceof DomainError) return e
    throw e
  }
  throw new Error('expected a refusal')
}

describe('resolveBillItems: bill items come from the price list (issue 13; M2, F4)', () => {
  test('a receptionist bills catalogue items: name, price and category are the catalogue\'s', () => {
    expect(resolveBillItems([{ itemId: 'pi_clean_special' }, { itemId: 'pi_floss', quantity: 3 }], CATALOGUE, 'receptionist')).toEqual([
      { name: '特价洁牙', category: 'special_price', amountFen: 9_900 },
      { name: '牙线 ×3', category: 'oral_care_product', amountFen: 4_500 },
    ])
  })

  test('M2/F4: a receptionist cannot re-tag a special-price item as a treatment', () => {
    const e = refusal([{ itemId: 'pi_clean_special', category: 'treatment' } as unknown as BillLineInput], 'receptionist')
    expect(e.code).toBe('BILL_LINE_INVALID')
    expect(e.details).toMatchObject({ line: 0, why: 'catalogue_line_with_fields' })
  })

  test.each<StaffRole>(['receptionist', 'consultant'])('a %s cannot send a free-text line', (role) => {
    const e = refusal([{ itemId: 'pi_clean' }, { name: '洁牙', category: 'treatment', amountFen: 100 }], role)
    expect(e.code).toBe('BILL_FREE_TEXT_FORBIDDEN')
    expect(e.details).toEqual({ line: 1 })
  })

  test.each<StaffRole>(['director', 'admin'])('a %s may add a one-off line with its own category', (role) => {
    expect(resolveBillItems([{ name: ' 外院转诊 拍片 ', category: 'treatment', amountFen: 12_000 }, { itemId: 'pi_clean' }], CATALOGUE, role)).toEqual([
      { name: '外院转诊 拍片', category: 'treatment', amountFen: 12_000 },
      { name: '洁牙', category: 'treatment', amountFen: 28_000 },
    ])
  })

  test('a director\'s one-off line is still checked', () => {
    expect(refusal([{ name: '拍片', category: 'discount', amountFen: 100 }], 'director').details).toMatchObject({ why: 'category' })
    expect(refusal([{ name: '拍片', category: 'treatment', amountFen: 0 }], 'director').details).toMatchObject({ why: 'amount' })
    expect(refusal([{ name: '  ', category: 'treatment', amountFen: 100 }], 'director').details).toMatchObject({ why: 'name' })
  })

  test('an inactive item is refused, by name', () => {
    const e = refusal([{ itemId: 'pi_old' }], 'director')
    expect(e.code).toBe('PRICE_ITEM_INACTIVE')
    expect(e.details).toMatchObject({ name: '旧款套餐' })
  })

  test('an unknown item id is refused', () => {
    expect(refusal([{ itemId: 'pi_clean' }, { itemId: 'pi_nope' }], 'admin').code).toBe('PRICE_ITEM_NOT_FOUND')
  })

  test('quantity is a whole number from 1 to 99; an empty bill is refused', () => {
    for (const quantity of [0, 1.5, 100, -1]) expect(refusal([{ itemId: 'pi_clean', quantity }], 'receptionist').details).toMatchObject({ why: 'quantity' })
    expect(refusal([], 'director').code).toBe('BILL_EMPTY')
  })
})
