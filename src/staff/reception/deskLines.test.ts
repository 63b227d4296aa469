/** The desk's bill lines (issue 13 item 1): picked items merge by quantity; M1 one fee per bill. */
import type { PriceItemView } from '../../api/pricelist'
import { addLine, fromPriceItem, lineAmount, lineInput, withQuantity, type DeskLine } from './deskLines'

const view = (itemId: string, name: string, category: PriceItemView['category'], priceFen: number): PriceItemView =>
  ({ itemId, name, category, priceFen, active: true, initials: '', version: 0, updatedAt: '2026-11-22T00:00:00.000Z' })

const scaling = fromPriceItem(view('pi_scaling', '洁牙', 'treatment', 28_000))
const annual = fromPriceItem(view('pi_annual', '年度会员', 'membership_fee', 89_900))
const typed: DeskLine = { kind: 'text', name: '夜磨牙垫', category: 'oral_care_product', amountFen: 50_000 }

const ok = (r: ReturnType<typeof addLine>): DeskLine[] => {
  if (!r.ok) throw new Error(r.message.en)
  return r.lines
}

test('a picked item is sent by id and quantity only: the catalogue prices it (M2, F4)', () => {
  expect(lineInput(scaling)).toEqual({ itemId: 'pi_scaling', quantity: 1 })
  expect(lineInput(typed)).toEqual({ name: '夜磨牙垫', category: 'oral_care_product', amountFen: 50_000 })
})

test('picking the same item again adds one to its quantity; the amount follows', () => {
  const lines = ok(addLine(ok(addLine([], scaling)), scaling))
  expect(lines).toHaveLength(1)
  expect(lineInput(lines[0])).toEqual({ itemId: 'pi_scaling', quantity: 2 })
  expect(lineAmount(lines[0])).toBe(56_000)
})

test('the stepper stays within 1–99; a membership fee is one per bill (M1)', () => {
  const lines = ok(addLine([typed], scaling))
  expect(ok(withQuantity(lines, 1, 0))).toEqual(lines) // below 1 changes nothing: removing is its own button
  expect(withQuantity(lines, 1, 100).ok).toBe(false)
  expect(lineAmount(ok(withQuantity(lines, 1, 99))[1])).toBe(99 * 28_000)
  const withFee = ok(addLine(lines, annual))
  expect(addLine(withFee, annual)).toMatchObject({ ok: false, message: { zh: '每张账单只能有一项会员费' } })
  expect(withQuantity(withFee, 2, 2).ok).toBe(false)
  expect(addLine(withFee, { kind: 'text', name: '会员费', category: 'membership_fee', amountFen: 89_900 }).ok).toBe(false)
})
