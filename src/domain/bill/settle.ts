/**
 * Settling a confirmed bill as a plan (issue 13): the documents after, and the ledger entries, from
 * the situation the bill was priced in. Pure — the use case writes the plan in one transaction — so
 * what a bill does to balances, standing and the card is decided and tested in one place.
 */
import { redeemCard, type FriendCard } from '../friendcard/card'
import { journal } from '../journal'
import type { LedgerEntry } from '../ledger'
import { afterPayment, sellAnnual, type MemberStanding } from '../membership/tier'
import type { Policy } from '../policy'
import type { BillResult } from './engine'
import type { BillSituation } from './holdings'

export interface SettleInput {
  billId: string
  actor: string
  now: Date
  situation: BillSituation
  /** Shown in the owner's ledger when a family member spends the owner's balance (M4). */
  payerName: string
  result: BillResult
  /** M1: the bill sells the annual membership. */
  annualOnBill: boolean
  /** M4: the bonus spent is the family owner's. */
  fromOwnerBalance: boolean
}

export interface SettlePlan {
  /** What the bill actually took in money (M6: card and bonus value never count). */
  paidFen: number
  /** The payer's standing after the bill (M1, M6). */
  standing: MemberStanding
  /** R5, M4: the bonus account that paid, with its balance after. */
  bonus: { ownerId: string; balanceAfterFen: number } | null
  /** M4: the owner's approved request is spent by this bill. */
  consentUsed: boolean
  /** F4: the friend card after paying its part. */
  card: FriendCard | null
  entries: readonly LedgerEntry[]
}

export function settleBill(i: SettleInput, policy: Policy): SettlePlan {
  const { situation: s, result: { totals }, now } = i
  const j = journal({ id: i.billId, billId: i.billId, at: now.toISOString(), actor: i.actor })
  const payer = s.payer
  let bonus: SettlePlan['bonus'] = null
  if (totals.bonusFen > 0) {
    const ownerId = i.fromOwnerBalance && s.owner ? s.owner._id : payer._id
    const before = (i.fromOwnerBalance ? s.ownerBonus : s.bonus)?.balanceFen ?? 0
    const memo = i.fromOwnerBalance ? `家人${i.payerName}使用 used by family` : '账单抵扣 bill'
    const e = j.post({ kind: 'bonus_debit', part: 'bonus', ownerId, patientId: payer._id, amountFen: -totals.bonusFen, balanceBeforeFen: before, memo }) // R5: no overdraft
    bonus = { ownerId, balanceAfterFen: e.balanceAfterFen }
  }
  let card: FriendCard | null = null
  if (s.card && totals.friendCardFen > 0) {
    card = redeemCard(s.card, totals.friendCardFen, i.billId, i.actor, now) // F4
    j.post({ kind: 'card_redeem', part: 'card', ownerId: s.card._id, patientId: payer._id, amountFen: -totals.friendCardFen, balanceBeforeFen: s.card.balanceFen, memo: '亲友卡支付 friend card' })
  }
  const paidFen = totals.dueFen
  const sold = i.annualOnBill ? sellAnnual(payer, now, policy) : payer // M1: annual sold on this bill
  const standing = afterPayment(sold, paidFen, now, policy) // M1, M6: only money actually paid counts
  if (paidFen > 0) {
    j.post({ kind: 'bill_payment', part: 'payment', ownerId: payer._id, patientId: payer._id, amountFen: paidFen, balanceBeforeFen: payer.cumulativeSpendFen, memo: '就诊付款 payment' })
  }
  const consentUsed = totals.bonusFen > 0 && i.fromOwnerBalance && s.consent !== null
  return { paidFen, standing, bonus, consentUsed, card, entries: j.entries() }
}
