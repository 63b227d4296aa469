/**
 * Refunds (M6, S3): money goes back, spend falls, and a lifetime tier granted within the grace
 * period may revert (membership/tier.ts `afterRefund`, our written policy). Card and bonus value
 * are not refunded as money (C3). Keyed by the client's requestId: a retry refunds once.
 */
import type { RefundResult } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { accountId, type LedgerEntry } from '../../../src/domain/ledger'
import { afterRefund } from '../../../src/domain/membership/tier'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PatientDoc, type RefundDoc } from '../model'
import { clawbackInTx } from './referral-rewards'
import { withRetry } from './retry'

export interface RefundRequest { billId: string; amountFen: number; reason: string; requestId: string }

const result = (r: RefundDoc, replayed: boolean): RefundResult =>
  ({ refundId: r._id, billId: r.billId, amountFen: r.amountFen, tierAfter: r.tierAfter, cumulativeSpendAfterFen: r.cumulativeSpendAfterFen, replayed })

export async function refund(deps: Deps, staffId: string, req: RefundRequest): Promise<RefundResult> {
  const policy = await currentPolicy(deps.store)
  const refundId = `refund_${req.requestId}`
  return withRetry(() => deps.store.transaction(async (tx) => {
    const done = await tx.get<RefundDoc>(C.refunds, refundId)
    if (done) {
      if (done.billId !== req.billId || done.amountFen !== req.amountFen) throw new DomainError('IDEMPOTENCY_MISMATCH')
      return result(done, true)
    }
    const bill = await tx.get<BillDoc>(C.bills, req.billId)
    if (!bill) throw new DomainError('NOT_FOUND')
    const left = bill.paidFen - (bill.refundedFen ?? 0)
    if (req.amountFen <= 0 || req.amountFen > left) throw new DomainError('REFUND_TOO_LARGE', { refundableFen: left })
    const p = await tx.get<PatientDoc>(C.patients, bill.patientId)
    if (!p) throw new DomainError('PATIENT_NOT_FOUND')
    const now = deps.clock.now()
    const at = now.toISOString()
    const after = afterRefund(p, req.amountFen, now, policy)
    await tx.set<PatientDoc>(C.patients, { ...p, ...after })
    await clawbackInTx(tx, bill, req.amountFen, refundId, now, staffId) // R3: rewards follow money kept
    await tx.set<BillDoc>(C.bills, { ...bill, refundedFen: (bill.refundedFen ?? 0) + req.amountFen })
    await tx.create<LedgerEntry>(C.ledger, {
      _id: `${refundId}:spend`, accountId: accountId(p._id, 'spend'), kind: 'bill_refund', amountFen: -req.amountFen, balanceAfterFen: after.cumulativeSpendFen,
      patientId: p._id, billId: bill._id, at, actor: staffId, memo: `退款 refund: ${req.reason}`,
    })
    const doc: RefundDoc = { _id: refundId, billId: bill._id, patientId: p._id, amountFen: req.amountFen, reason: req.reason, at, staffId, tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen }
    await tx.create(C.refunds, doc)
    return result(doc, false)
  }))
}
