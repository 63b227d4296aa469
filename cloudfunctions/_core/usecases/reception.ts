/**
 * Reception (S1, S2, S3): scan a member's code, preview a bill, confirm it. Confirmation is one
 * transaction — bill, spend and tier (M1, M6), bonus debit (R5), ledger entries — keyed by the
 * client's requestId, so a retry or a double tap returns the first result and charges nothing again.
 */
import { createHash } from 'node:crypto'
import type { BillRequest, ConfirmBillRequest, ConfirmedBill, ScannedPatient } from '../../../src/api/contract'
import { computeBill, type BillHoldings, type BillResult } from '../../../src/domain/bill/engine'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { accountId, post, type Account, type LedgerEntry } from '../../../src/domain/ledger'
import { afterPayment, effectiveTier, hasMemberDiscount } from '../../../src/domain/membership/tier'
import type { Policy } from '../../../src/domain/policy'
import { maskPhone } from '../../../src/domain/privacy'
import { isStoreError, type TxContext } from '../ports/store'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PatientDoc } from '../model'
import { bonusBalance, loadPatient } from './member'
import { withRetry } from './retry'

export interface StaffActor { staffId: string; clinicId: string }

/** S1: a signed member code, or a record number typed by staff. */
export async function scanCode(deps: Deps, code: string): Promise<ScannedPatient> {
  const now = deps.clock.now()
  const text = code.trim()
  let patient: PatientDoc | null
  if (text.startsWith('YY1.')) {
    const v = deps.qr.verify(text, now)
    if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
    patient = await deps.store.get<PatientDoc>(C.patients, v.claims.subject)
  } else {
    const found = await deps.store.query<PatientDoc>(C.patients, { where: { recordNo: text }, limit: 2 })
    patient = found.length === 1 ? found[0] : null
  }
  if (!patient) throw new DomainError('PATIENT_NOT_FOUND')
  const owner = patient.familyOwnerId ? await deps.store.get<PatientDoc>(C.patients, patient.familyOwnerId) : null
  return {
    patientId: patient._id,
    name: patient.name,
    recordNo: patient.recordNo,
    maskedPhone: maskPhone(patient.phone),
    tier: effectiveTier(patient, now),
    discount: discountBasis(patient, owner, now),
    bonusBalanceFen: await bonusBalance(deps, patient._id),
    cumulativeSpendFen: patient.cumulativeSpendFen,
  }
}

/** M2, M3: own tier first; otherwise a family member of a lifetime owner. */
function discountBasis(p: PatientDoc, owner: PatientDoc | null, now: Date): 'member' | 'family' | null {
  if (effectiveTier(p, now) !== 'none') return 'member'
  if (owner && p.familyOwnerId && hasMemberDiscount(owner, now)) return 'family'
  return null
}

function holdingsFor(p: PatientDoc, owner: PatientDoc | null, bonusFen: number, req: BillRequest, now: Date): BillHoldings {
  const basis = discountBasis(p, owner, now)
  const useBonusFen = req.useBonusFen ?? 0
  if (useBonusFen > bonusFen) throw new DomainError('INSUFFICIENT_BALANCE', { bonusBalanceFen: bonusFen, useBonusFen })
  return {
    memberDiscount: basis ?? undefined,
    bonus: useBonusFen > 0 ? { balanceFen: bonusFen, useFen: useBonusFen } : undefined,
  }
}

export async function previewBill(deps: Deps, req: BillRequest): Promise<BillResult> {
  const now = deps.clock.now()
  const [p, policy, bonusFen] = await Promise.all([loadPatient(deps, req.patientId), currentPolicy(deps.store), bonusBalance(deps, req.patientId)])
  const owner = p.familyOwnerId ? await deps.store.get<PatientDoc>(C.patients, p.familyOwnerId) : null
  return computeBill(req.items, holdingsFor(p, owner, bonusFen, req, now), policy)
}

const fingerprint = (req: BillRequest): string =>
  createHash('sha256').update(JSON.stringify([req.patientId, req.items.map((i) => [i.name, i.category, i.amountFen]), req.useBonusFen ?? 0])).digest('hex')

const billIdOf = (requestId: string) => `bill_${requestId}`

function replay(doc: BillDoc, req: ConfirmBillRequest): ConfirmedBill {
  if (doc.fingerprint !== fingerprint(req)) throw new DomainError('IDEMPOTENCY_MISMATCH', { billId: doc._id })
  return { billId: doc._id, result: doc.result, paidFen: doc.paidFen, tierAfter: doc.tierAfter, cumulativeSpendAfterFen: doc.cumulativeSpendAfterFen, replayed: true }
}

export async function confirmBill(deps: Deps, staff: StaffActor, req: ConfirmBillRequest): Promise<ConfirmedBill> {
  const billId = billIdOf(req.requestId)
  const policy = await currentPolicy(deps.store)
  try {
    return await withRetry(() => deps.store.transaction((tx) => confirmInTx(tx, deps, staff, req, billId, policy)))
  } catch (e) {
    // Two first attempts raced on CloudBase: the loser sees the winner's bill and replays it.
    if (isStoreError(e, 'DUPLICATE')) {
      const doc = await deps.store.get<BillDoc>(C.bills, billId)
      if (doc) return replay(doc, req)
    }
    throw e
  }
}

async function confirmInTx(tx: TxContext, deps: Deps, staff: StaffActor, req: ConfirmBillRequest, billId: string, policy: Policy): Promise<ConfirmedBill> {
  const existing = await tx.get<BillDoc>(C.bills, billId)
  if (existing) return replay(existing, req)

  const now = deps.clock.now()
  const at = now.toISOString()
  const p = await tx.get<PatientDoc>(C.patients, req.patientId)
  if (!p) throw new DomainError('PATIENT_NOT_FOUND')
  const owner = p.familyOwnerId ? await tx.get<PatientDoc>(C.patients, p.familyOwnerId) : null
  const bonusId = accountId(p._id, 'bonus')
  const bonusAcc = await tx.get<Account>(C.accounts, bonusId)
  const bonusFen = bonusAcc?.balanceFen ?? 0

  const result = computeBill(req.items, holdingsFor(p, owner, bonusFen, req, now), policy)
  if (result.totals.dueFen !== req.expectedDueFen) {
    throw new DomainError('BILL_CHANGED', { expectedDueFen: req.expectedDueFen, dueFen: result.totals.dueFen })
  }

  const base = { patientId: p._id, billId, at, actor: staff.staffId }
  const entries: LedgerEntry[] = []
  if (result.totals.bonusFen > 0) {
    const e = post(bonusFen, { ...base, _id: `${billId}:bonus`, accountId: bonusId, kind: 'bonus_debit', amountFen: -result.totals.bonusFen, memo: '账单抵扣 bill' })
    if (!e || !bonusAcc) throw new DomainError('INSUFFICIENT_BALANCE')
    entries.push(e)
    await tx.update(C.accounts, bonusId, { set: { balanceFen: e.balanceAfterFen, updatedAt: at } })
  }
  const paidFen = result.totals.dueFen
  const after = afterPayment(p, paidFen, now, policy) // M1, M6: only money actually paid counts
  if (paidFen > 0) {
    const e = post(p.cumulativeSpendFen, { ...base, _id: `${billId}:payment`, accountId: accountId(p._id, 'spend'), kind: 'bill_payment', amountFen: paidFen, memo: '就诊付款 payment' })
    if (e) entries.push(e)
  }
  await tx.set<PatientDoc>(C.patients, { ...p, ...after })
  const doc: BillDoc = {
    _id: billId, requestId: req.requestId, fingerprint: fingerprint(req), patientId: p._id, staffId: staff.staffId, clinicId: staff.clinicId,
    items: req.items, result, paidFen, at, day: businessDate(now, policy.timezone), tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen,
  }
  await tx.create(C.bills, doc)
  for (const e of entries) await tx.create(C.ledger, e)
  return { billId, result, paidFen, tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen, replayed: false }
}
