/**
 * R3: the referrer is rewarded only after the friend pays — never for sign-ups or headcount.
 * On the friend's first payment: a fixed bonus (internal account) and a fixed external payout
 * (recorded as due until staff mark it paid). On every payment in the first `spendShareDays`
 * after the first one: `spendShareBp` of the money actually paid (not card or bonus value),
 * until the per-referral cap. A refund claws the share back in proportion (negative entries).
 */
import { applyRate, type Fen } from '../money'
import type { Policy } from '../policy'

export interface ReferralProgress {
  /** First payment of the friend (locks the referral, R6). */
  firstPaidAt?: string
  /** Spend share credited so far, net of clawbacks. */
  sharedFen: Fen
  fixedRewarded: boolean
}

export interface PaymentReward { bonusFen: Fen; payoutFen: Fen; shareFen: Fen; first: boolean }

const DAY = 86_400_000

/** Rewards for one payment of `paidFen` money by the friend at `now`. */
export function rewardForPayment(r: ReferralProgress, paidFen: Fen, now: Date, policy: Policy): PaymentReward {
  const p = policy.referral
  if (paidFen <= 0) return { bonusFen: 0, payoutFen: 0, shareFen: 0, first: false }
  const first = !r.firstPaidAt
  const start = first ? now.getTime() : Date.parse(r.firstPaidAt!)
  const inWindow = now.getTime() - start < p.spendShareDays * DAY
  const room = Math.max(0, p.spendShareCapFen - r.sharedFen)
  const shareFen = inWindow ? Math.min(room, applyRate(paidFen, p.spendShareBp)) : 0
  const fixed = !r.fixedRewarded
  return { bonusFen: fixed ? p.rewardBonusFen : 0, payoutFen: fixed ? p.rewardPayoutFen : 0, shareFen, first }
}

/**
 * Where a referral stands after a payment and the reward it earned: locked at the first money paid
 * (R6), the fixed reward given once — at that first payment, whatever its amounts — and the share
 * added up towards the cap.
 */
export function progressAfter(r: ReferralProgress, paidFen: Fen, reward: PaymentReward, at: string): ReferralProgress {
  if (paidFen <= 0) return r
  return { firstPaidAt: r.firstPaidAt ?? at, sharedFen: r.sharedFen + reward.shareFen, fixedRewarded: true }
}

/**
 * What a refund of `refundFen` out of a payment of `paidFen` takes back of the share that payment
 * earned (`shareFenOfBill`). Rounded half up, never more than was earned.
 */
export function clawbackForRefund(shareFenOfBill: Fen, paidFen: Fen, refundFen: Fen): Fen {
  if (paidFen <= 0 || shareFenOfBill <= 0) return 0
  const back = Math.floor((shareFenOfBill * refundFen * 2 + paidFen) / (2 * paidFen))
  return Math.min(shareFenOfBill, back)
}
