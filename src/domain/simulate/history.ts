/**
 * Issue 14, policy simulator: what happened in a period, as the simulator reads it — the period's
 * bills (items and what the payer held), the ledger entries, the external payouts, and where each
 * friend card and referral stood when the period began. Built by the use case from the store; the
 * simulator itself is pure (simulate.ts).
 */
import type { BillItem, BillResult, DiscountBasis } from '../bill/engine'
import type { LedgerEntry } from '../ledger'
import type { Fen } from '../money'
import type { ReferralProgress } from '../referral/rewards'

/** A confirmed bill as stored (the fields the simulator reads). */
export interface HistoryBill {
  _id: string
  at: string
  patientId: string
  items: BillItem[]
  result: BillResult
  paidFen: Fen
  /** F4: the friend card that paid part of it. */
  friendCardId?: string
  /** R2: the first-visit coupon it used. */
  couponId?: string
  /** R3: the referral this bill counted for. */
  referralId?: string
  /** M4: the bonus it used was the family owner's. */
  bonusFromFamilyOwner?: boolean
}

export interface History {
  /** The period, instants `[from, to)`. */
  from: string
  to: string
  bills: HistoryBill[]
  /** Every ledger entry of the period (any order). */
  ledger: Pick<LedgerEntry, 'kind' | 'amountFen' | 'at'>[]
  /** R3 external payouts created in the period (void ones excluded by the caller). */
  payouts: { amountFen: Fen; createdAt: string }[]
  /**
   * F2/F4: each card the period's bills used, as it stood when the period began: its balance then, or
   * `issuedInPeriod` (it starts at the policy's face value — under a proposed policy, the proposed one).
   */
  cards: Record<string, { balanceFen: Fen } | { issuedInPeriod: true }>
  /** R3: each referral the period's bills counted for, as it stood when the period began (R10: `partner` for a partner's). */
  referrals: Record<string, ReferralProgress & { partner?: boolean }>
}

/** The figures the director compares (all fen). */
export interface Outcome {
  bills: number
  /** Before any discount. */
  grossFen: Fen
  /** M2: member discounts given. */
  memberDiscountFen: Fen
  /** R2: first-visit coupons used. */
  couponFen: Fen
  /** F4/F7: friend card value redeemed. */
  cardRedeemedFen: Fen
  /** R5: bonus balance spent. */
  bonusUsedFen: Fen
  /** Money patients paid (M6). */
  paidFen: Fen
  /** R3/R8/F7: money paid by referred friends and friend card holders. */
  referredRevenueFen: Fen
  /** R3: fixed rewards to referrers' bonus accounts, spend shares (net of clawbacks), external payouts. */
  rewardBonusFen: Fen
  shareFen: Fen
  payoutFen: Fen
  /** Money paid less what the programme gave back: payouts, rewards and shares (bonus is owed value). */
  netFen: Fen
}

export type { DiscountBasis }
