/**
 * Refunds (M6, S3): money goes back, spend falls, and a lifetime tier granted within the grace
 * period may revert (membership/tier.ts `afterRefund`, our written policy). Card and bonus value
 * are not refunded as money (C3). Keyed by the client's requestId: a retry refunds once.
 */
import type { RefundResult } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { journal } from '../../../src/domain/journal'
import { afterBillRefund } from '../../../src/domain/bill/refundable'
import { businessDate } from '../../../src/domain/clock'
import { afterRefund } from '../../../src/domain/membership/tier'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PatientDoc, type RefundDoc } from '../model'
import { clawbackInTx } from './referral-rewards'
import { withRetry } from './retry'
import { friendSpendInTx, saveCardsInTx } from './friendcard-totals'

export interface RefundRequest { billId: string; amountFen: number; reason: string; requestId: string; /** Issue 13: one line of the bill, or the bill as a whole. */ lineIndex?: number }

const result = (r: RefundDoc, replayed: boolean): RefundResult =>
  ({ refundId: r._id, billId: r.billId, amountFen: r.amountFen, tierAfter: r.tierAfter, cumulativeSpendAfterFen: r.cumulativeSpendAfterFen, replayed })

export async function refund(deps: Deps, staffId: string, req: RefundRequest): Promise<RefundResult> {
  const policy = await currentPolicy(deps.store)
  const refundId = `refund_${req.requestId}`
  return withRetry(() => deps.store.transaction(async (tx) => {
    const done = await tx.get<RefundDoc>(C.refunds, refundId)
    if (done) {
      if (done.billId !== req.billId || done.amountFen !== req.amountFen || done.lineIndex !== req.lineIndex) throw new DomainError('IDEMPOTENCY_MISMATCH')
      return result(done, true)
    }
    const bill = await tx.get<BillDoc>(C.bills, req.billId)
    if (!bill) throw new DomainError('NOT_FOUND')
    const counters = afterBillRefund({ ...bill, lines: bill.result.lines }, req.amountFen, req.lineIndex) // M6, C3: money paid only
    const p = await tx.get<PatientDoc>(C.patients, bill.patientId)
    if (!p) throw new DomainError('PATIENT_NOT_FOUND')
    const now = deps.clock.now()
    const at = now.toISOString()
    const after = afterRefund(p, req.amountFen, now, policy)
    await tx.set<PatientDoc>(C.patients, { ...p, ...after })
    await clawbackInTx(tx, bill, req.amountFen, refundId, now, staffId) // R3: rewards follow money kept
    await tx.set<BillDoc>(C.bills, { ...bill, ...counters })
    await saveCardsInTx(tx, await friendSpendInTx(tx, bill.patientId, bill.at, -req.amountFen), at) // F7: friends' revenue net of refunds
    const j = journal({ id: refundId, billId: bill._id, at, actor: staffId })
    // M6: spend falls by the refund, never below zero (an imported spend may be lower than a bill).
    const fallFen = p.cumulativeSpendFen - after.cumulativeSpendFen
    if (fallFen > 0) j.post({ kind: 'bill_refund', part: 'spend', ownerId: p._id, patientId: p._id, amountFen: -fallFen, balanceBeforeFen: p.cumulativeSpendFen, memo: `退款 refund: ${req.reason}` })
    for (const e of j.entries()) await tx.create(C.ledger, e)
    const doc: RefundDoc = {
      _id: refundId, billId: bill._id, patientId: p._id, amountFen: req.amountFen, reason: req.reason, at, staffId, tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen,
      ...(req.lineIndex === undefined ? {} : { lineIndex: req.lineIndex }), clinicId: bill.clinicId, day: businessDate(now, policy.timezone),
      ...(bill.paymentMethod ? { paymentMethod: bill.paymentMethod } : {}),
    }
    await tx.create(C.refunds, doc)
    return result(doc, false)
  }))
}
