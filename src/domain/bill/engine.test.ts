import { DEFAULT_POLICY as P } from '../policy'
import { computeBill, type BillItem } from './engine'

const extraction: BillItem = { name: '拔牙 extraction', category: 'treatment', amountFen: 45_000 }
const floss: BillItem = { name: '牙线 floss', category: 'oral_care_product', amountFen: 8_000 }
const promo: BillItem = { name: '特价洁牙 cleaning special', category: 'special_price', amountFen: 9_900 }
const fee: BillItem = { name: '年度会员 annual membership', category: 'membership_fee', amountFen: 89_900 }

describe('bill engine (S2)', () => {
  test('no holdings: the patient pays the subtotal', () => {
    const r = computeBill([extraction, floss], {}, P)
    expect(r.totals).toEqual({ subtotalFen: 53_000, memberDiscountFen: 0, couponFen: 0, friendCardFen: 0, bonusFen: 0, dueFen: 53_000 })
  })

  test('member discount 12% on eligible items only, never on special-price items or fees (M2)', () => {
    const r = computeBill([extraction, promo, fee, floss], { memberDiscount: 'member' }, P)
    expect(r.lines.map((l) => l.adjustments.map((a) => a.amountFen))).toEqual([[5_400], [], [], [960]])
    expect(r.lines[1].skipped[0].reason.zh).toContain('不参与会员折扣')
    expect(r.totals.memberDiscountFen).toBe(6_360)
    expect(r.totals.dueFen).toBe(45_000 + 9_900 + 89_900 + 8_000 - 6_360)
  })

  test('discount rounds half up per line, so lines add up to the total exactly', () => {
    const items: BillItem[] = [1, 2, 3].map((n) => ({ name: `x${n}`, category: 'treatment', amountFen: 1_004 + n }))
    const r = computeBill(items, { memberDiscount: 'member' }, P)
    // 1005×12% = 120.6 → 121; 1006 → 120.72 → 121; 1007 → 120.84 → 121
    expect(r.lines.map((l) => l.dueFen)).toEqual([884, 885, 886])
    expect(r.totals.dueFen).toBe(r.lines.reduce((s, l) => s + l.dueFen, 0))
  })

  test('the friend card pays eligible items only; the rest stays on the card (F4, issue 2 scenario)', () => {
    const r = computeBill([extraction, floss], { friendCard: { id: 'fc1', balanceFen: 60_000 } }, P)
    expect(r.totals.friendCardFen).toBe(45_000) // card pays the ¥450 extraction
    expect(r.totals.dueFen).toBe(8_000) // friend pays the ¥80 floss
    expect(r.lines[1].skipped.map((s) => s.kind)).toEqual(['friend_card'])
  })

  test('order is member discount → coupon → friend card → bonus, each on what is left', () => {
    const r = computeBill([{ name: '种植 implant', category: 'treatment', amountFen: 200_000 }], {
      memberDiscount: 'named_member', coupon: { id: 'c1', discountFen: 30_000 }, friendCard: { id: 'fc', balanceFen: 60_000 }, bonus: { balanceFen: 20_000, useFen: 10_000 },
    }, P)
    expect(r.lines[0].adjustments.map((a) => [a.kind, a.amountFen])).toEqual([
      ['member_discount', 24_000], ['first_visit_coupon', 30_000], ['friend_card', 60_000], ['bonus', 10_000],
    ])
    expect(r.totals.dueFen).toBe(200_000 - 24_000 - 30_000 - 60_000 - 10_000)
  })

  test('no change and no cash: a card larger than the eligible amount is only partly used', () => {
    const r = computeBill([{ name: '补牙 filling', category: 'treatment', amountFen: 20_000 }], { friendCard: { id: 'fc', balanceFen: 60_000 } }, P)
    expect(r.totals.friendCardFen).toBe(20_000)
    expect(r.totals.dueFen).toBe(0)
  })

  test('bonus uses only what the patient chose, never more than the balance (R5), never on fees', () => {
    const r = computeBill([fee, extraction], { bonus: { balanceFen: 5_000, useFen: 9_000 } }, P)
    expect(r.totals.bonusFen).toBe(5_000)
    expect(r.lines[0].skipped.map((s) => s.kind)).toEqual(['bonus'])
    expect(r.lines[1].adjustments[0]).toMatchObject({ kind: 'bonus', amountFen: 5_000 })
  })

  test('the bill remembers the policy version it was computed under', () => {
    expect(computeBill([extraction], {}, { ...P, version: 7 }).policyVersion).toBe(7)
  })
})
