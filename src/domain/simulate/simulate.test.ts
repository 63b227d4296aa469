import { computeBill, type BillHoldings, type BillItem } from '../bill/engine'
import { DEFAULT_POLICY, type Policy } from '../policy'
import { progressAfter, rewardForPayment, type ReferralProgress } from '../referral/rewards'
import type { History, HistoryBill } from './history'
import { happened, replay, simulate } from './simulate'

const P = DEFAULT_POLICY
const yuan = (y: number) => y * 100
const item = (name: string, category: BillItem['category'], y: number): BillItem => ({ name, category, amountFen: yuan(y) })

/**
 * A known November: what the product did under the default policy (88折, ¥300 coupon, ¥600 card,
 * ¥100 + ¥100 + 1% rewards), written as the use cases write it — bills, ledger entries, payouts.
 */
function november(): History {
  const h: History = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', bills: [], ledger: [], payouts: [], cards: { fc1: { issuedInPeriod: true } }, referrals: { ref1: { sharedFen: 0, fixedRewarded: false } } }
  const cards = new Map<string, number>([['fc1', P.friendCard.faceValueFen]])
  const refs = new Map<string, ReferralProgress>([['ref1', { sharedFen: 0, fixedRewarded: false }]])
  const add = (id: string, at: string, items: BillItem[], holdings: BillHoldings, extra: Partial<HistoryBill> = {}) => {
    const result = computeBill(items, holdings, P)
    h.bills.push({ _id: id, at, patientId: `p_${id}`, items, result, paidFen: result.totals.dueFen, ...extra })
    if (extra.friendCardId) cards.set(extra.friendCardId, cards.get(extra.friendCardId)! - result.totals.friendCardFen)
    if (extra.referralId) {
      const r = refs.get(extra.referralId)!
      const reward = rewardForPayment(r, result.totals.dueFen, new Date(at), P)
      if (reward.bonusFen) h.ledger.push({ kind: 'referral_reward', amountFen: reward.bonusFen, at })
      if (reward.shareFen) h.ledger.push({ kind: 'referral_share', amountFen: reward.shareFen, at })
      if (reward.payoutFen) h.payouts.push({ amountFen: reward.payoutFen, createdAt: at })
      refs.set(extra.referralId, progressAfter(r, result.totals.dueFen, reward, at))
    }
  }
  // A lifetime member: ¥1,000 treatment (12% off) and a ¥200 special-price item (no discount, M2).
  add('b1', '2026-11-03T02:00:00.000Z', [item('补牙', 'treatment', 1000), item('特价洁牙', 'special_price', 200)], { memberDiscount: 'member' })
  // A referred friend's first visit: ¥2,000 treatment, the ¥300 coupon (R2); the referrer earns R3.
  add('b2', '2026-11-05T02:00:00.000Z', [item('根管', 'treatment', 2000)], { coupon: { id: 'c1', discountFen: P.referral.firstVisitDiscountFen } }, { couponId: 'c1', referralId: 'ref1' })
  // Her second visit in the 90 days: 1% share.
  add('b3', '2026-11-20T02:00:00.000Z', [item('复诊', 'treatment', 500)], {}, { referralId: 'ref1' })
  // A friend card issued this month pays ¥450, then the ¥150 left of a ¥300 treatment (F4).
  add('b4', '2026-11-10T02:00:00.000Z', [item('拔牙', 'treatment', 450), item('牙线', 'oral_care_product', 80)], { friendCard: { id: 'fc1', balanceFen: cards.get('fc1')! } }, { friendCardId: 'fc1' })
  add('b5', '2026-11-12T02:00:00.000Z', [item('补牙', 'treatment', 300)], { friendCard: { id: 'fc1', balanceFen: cards.get('fc1')! } }, { friendCardId: 'fc1' })
  // A new patient names the referrer's number at the desk (R2: the same offer, no coupon document): ¥400 treatment.
  add('b7', '2026-11-25T02:00:00.000Z', [item('补牙', 'treatment', 400)], { coupon: { id: 'named', discountFen: P.referral.firstVisitDiscountFen } })
  // A friend naming a member (M5): ¥500 treatment, 12% off.
  add('b6', '2026-11-15T02:00:00.000Z', [item('洁牙', 'treatment', 500)], { memberDiscount: 'named_member' })
  // October: outside the period.
  add('b0', '2026-10-30T02:00:00.000Z', [item('补牙', 'treatment', 9000)], { memberDiscount: 'member' })
  return h
}

const change = (patch: (p: Policy) => void): Policy => {
  const p = structuredClone(P)
  patch(p)
  return p
}

describe('policy simulator (issue 14)', () => {
  test('what happened, from the bills, the ledger and the payouts of the period only', () => {
    const o = happened(november())
    expect(o.bills).toBe(7)
    expect(o.memberDiscountFen).toBe(yuan(120 + 60))
    expect(o.couponFen).toBe(yuan(300 + 300))
    expect(o.cardRedeemedFen).toBe(yuan(600))
    expect(o.rewardBonusFen).toBe(yuan(100))
    expect(o.payoutFen).toBe(yuan(100))
    expect(o.shareFen).toBe(yuan(17 + 5)) // 1% of ¥1,700 and of ¥500
    expect(o.paidFen).toBe(yuan(1080 + 1700 + 500 + 80 + 150 + 440 + 100))
    expect(o.netFen).toBe(o.paidFen - yuan(100 + 100 + 22))
  })

  test('replayed under the policy it happened under, the period comes out as it happened', () => {
    const h = november()
    expect(replay(h, P)).toEqual(happened(h))
    expect(simulate(h, P).difference).toEqual(Object.fromEntries(Object.keys(happened(h)).map((k) => [k, 0])))
  })

  test('a 10% member discount instead of 12%: ¥30 less discount on ¥1,500 of discounted treatment, ¥30 more paid', () => {
    const d = simulate(november(), change((p) => { p.membership.discountBp = 1000 })).difference
    expect(d.memberDiscountFen).toBe(-yuan(30))
    expect(d.paidFen).toBe(yuan(30))
    expect(d.netFen).toBe(yuan(30))
    expect(d.couponFen).toBe(0)
  })

  test('an ¥800 friend card: the card issued this month also pays the whole ¥300 treatment (¥150 more redeemed)', () => {
    const d = simulate(november(), change((p) => { p.friendCard.faceValueFen = yuan(800) })).difference
    expect(d.cardRedeemedFen).toBe(yuan(150))
    expect(d.paidFen).toBe(-yuan(150))
  })

  test('a ¥200 fixed reward and a ¥500 coupon: the referral bill pays ¥200 less and earns ¥2 less share; the named-code bill ¥100 less', () => {
    const d = simulate(november(), change((p) => { p.referral.rewardBonusFen = yuan(200); p.referral.firstVisitDiscountFen = yuan(500) })).difference
    expect(d.rewardBonusFen).toBe(yuan(100))
    expect(d.couponFen).toBe(yuan(200 + 100))
    expect(d.shareFen).toBe(-yuan(2))
    expect(d.referredRevenueFen).toBe(-yuan(200))
    expect(d.netFen).toBe(-yuan(200 + 100) - yuan(100) + yuan(2))
  })

  test('M5 switched off: the friend who named a member pays the full ¥500', () => {
    const d = simulate(november(), change((p) => { p.membership.friendNamedMemberDiscount = false })).difference
    expect(d.memberDiscountFen).toBe(-yuan(60))
    expect(d.paidFen).toBe(yuan(60))
  })

  test('a card from before the period starts from its balance then, not the policy\'s face value', () => {
    const h = november()
    h.cards.fc1 = { balanceFen: yuan(100) }
    const o = replay(h, change((p) => { p.friendCard.faceValueFen = yuan(800) }))
    expect(o.cardRedeemedFen).toBe(yuan(100))
  })
})
