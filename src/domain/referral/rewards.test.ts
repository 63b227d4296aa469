import { DEFAULT_POLICY as P } from '../policy'
import { clawbackForRefund, progressAfter, rewardForPayment, type ReferralProgress } from './rewards'

const t0 = new Date('2026-03-01T02:00:00Z')
const day = (n: number) => new Date(t0.getTime() + n * 86_400_000)
const fresh: ReferralProgress = { sharedFen: 0, fixedRewarded: false }

describe('referral rewards (R3)', () => {
  test('nothing for a zero payment: rewards follow money actually paid', () => {
    expect(rewardForPayment(fresh, 0, t0, P)).toEqual({ bonusFen: 0, payoutFen: 0, shareFen: 0, first: false })
  })

  test('seed 003: the friend pays ¥1,700 → ¥100 bonus + ¥100 payout due + 1% = ¥17', () => {
    expect(rewardForPayment(fresh, 170_000, t0, P)).toEqual({ bonusFen: 10_000, payoutFen: 10_000, shareFen: 1_700, first: true })
  })

  test('seed 000: ¥30,000 over three visits within 90 days → the share totals ¥300', () => {
    let r: ReferralProgress = fresh
    let total = 0
    for (const [d, paid] of [[0, 1_000_000], [30, 1_000_000], [89, 1_000_000]] as const) {
      const x = rewardForPayment(r, paid, day(d), P)
      total += x.shareFen
      r = { firstPaidAt: r.firstPaidAt ?? day(d).toISOString(), sharedFen: r.sharedFen + x.shareFen, fixedRewarded: true }
    }
    expect(total).toBe(30_000)
    // day 90 and later: outside the window, nothing more
    expect(rewardForPayment(r, 1_000_000, day(90), P).shareFen).toBe(0)
  })

  test('the share stops at the per-referral cap', () => {
    const near: ReferralProgress = { firstPaidAt: t0.toISOString(), sharedFen: P.referral.spendShareCapFen - 500, fixedRewarded: true }
    expect(rewardForPayment(near, 1_000_000, day(1), P)).toMatchObject({ shareFen: 500, bonusFen: 0, payoutFen: 0 })
  })

  test('a refund claws back the share in proportion, never more than earned', () => {
    expect(clawbackForRefund(1_700, 170_000, 85_000)).toBe(850)
    expect(clawbackForRefund(1_700, 170_000, 170_000)).toBe(1_700)
    expect(clawbackForRefund(0, 170_000, 170_000)).toBe(0)
  })

  test('progress after a payment: locked at the first money paid, the fixed reward given once, the share added (R3, R6)', () => {
    const start: ReferralProgress = { sharedFen: 0, fixedRewarded: false }
    const at = '2026-11-05T02:00:00.000Z'
    expect(progressAfter(start, 0, rewardForPayment(start, 0, new Date(at), P), at)).toBe(start) // nothing paid: nothing changes
    const first = progressAfter(start, 170_000, rewardForPayment(start, 170_000, new Date(at), P), at)
    expect(first).toEqual({ firstPaidAt: at, sharedFen: 1_700, fixedRewarded: true })
    const later = '2026-11-20T02:00:00.000Z'
    expect(progressAfter(first, 50_000, rewardForPayment(first, 50_000, new Date(later), P), later)).toEqual({ firstPaidAt: at, sharedFen: 2_200, fixedRewarded: true })
  })
})
