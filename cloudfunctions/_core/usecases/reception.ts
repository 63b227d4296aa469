/**
 * Reception (S1, S2, S3): scan a member's code, preview a bill, confirm it. Confirmation is one
 * transaction — bill, spend and tier (M1, M6), bonus debit (R5), ledger entries — keyed by the
 * client's requestId, so a retry or a double tap returns the first result and charges nothing again.
 */
import { createHash } from 'node:crypto'
import type { BillRequest, ConfirmBillRequest, ConfirmedBill, ScannedPatient, ScanResult } from '../../../src/api/contract'
import { computeBill, type BillHoldings, type BillResult } from '../../../src/domain/bill/engine'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { accountId, post, type Account, type LedgerEntry } from '../../../src/domain/ledger'
import { afterPayment, effectiveTier, hasMemberDiscount } from '../../../src/domain/membership/tier'
import type { Policy } from '../../../src/domain/policy'
import { maskPhone } from '../../../src/domain/privacy'
import { isStoreError, type TxContext } from '../ports/store'
import { isExpired, redeemCard, type FriendCard } from '../../../src/domain/friendcard/card'
import { cardIdFromTicket, scanCard } from './friendcard'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PatientDoc } from '../model'
import { bonusBalance, loadPatient } from './member'
import { withRetry } from './retry'

export interface StaffActor { staffId: string; clinicId: string }

/** S1: whatever the desk scanned or typed — a friend card's code, a member's code, a record number. */
export async function scan(deps: Deps, code: string): Promise<ScanResult> {
  const text = code.trim()
  if (text.startsWith('YY1.F.')) return { kind: 'friend_card', ...(await scanCard(deps, text)) }
  return { kind: 'patient', ...(await scanPatient(deps, text)) }
}

async function scanPatient(deps: Deps, text: string): Promise<ScannedPatient> {
  const now = deps.clock.now()
  let patient: PatientDoc | null
  if (text.startsWith('YY1.')) {
    const v = deps.qr.verify(text, now)
    if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
    if (v.claims.kind !== 'M') throw new DomainError('CODE_WRONG_KIND')
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

function holdingsFor(p: PatientDoc, owner: PatientDoc | null, bonusFen: number, card: FriendCard | null, req: BillRequest, now: Date): BillHoldings {
  const basis = discountBasis(p, owner, now)
  const useBonusFen = req.useBonusFen ?? 0
  if (useBonusFen > bonusFen) throw new DomainError('INSUFFICIENT_BALANCE', { bonusBalanceFen: bonusFen, useBonusFen })
  if (card) assertUsable(card, now)
  return {
    memberDiscount: basis ?? undefined,
    friendCard: card ? { id: card._id, balanceFen: card.balanceFen } : undefined,
    bonus: useBonusFen > 0 ? { balanceFen: bonusFen, useFen: useBonusFen } : undefined,
  }
}

/** F4, F5: checked at the moment of redemption, not only by the daily sweep. */
function assertUsable(c: FriendCard, now: Date): void {
  if (c.status === 'revoked') throw new DomainError('CARD_REVOKED')
  if (c.status === 'used_up') throw new DomainError('CARD_USED_UP')
  if (c.status === 'expired' || isExpired(c, now)) throw new DomainError('CARD_EXPIRED', { expiresAt: c.expiresAt })
  if (c.status !== 'claimed') throw new DomainError('CARD_NOT_CLAIMED')
}

/** A card on a bill must pay something: a bill of ineligible items only is refused, not ignored. */
function assertCardUsed(card: FriendCard | null, r: BillResult): void {
  if (card && r.totals.friendCardFen === 0) throw new DomainError('CARD_NOT_ELIGIBLE', { excluded: r.lines.filter((l) => l.skipped.some((k) => k.kind === 'friend_card')).map((l) => l.name) })
}

export async function previewBill(deps: Deps, req: BillRequest): Promise<BillResult> {
  const now = deps.clock.now()
  const [p, policy, bonusFen] = await Promise.all([loadPatient(deps, req.patientId), currentPolicy(deps.store), bonusBalance(deps, req.patientId)])
  const owner = p.familyOwnerId ? await deps.store.get<PatientDoc>(C.patients, p.familyOwnerId) : null
  const card = req.friendCardTicket ? await deps.store.get<FriendCard>(C.friendCards, cardIdFromTicket(deps, req.friendCardTicket)) : null
  if (req.friendCardTicket && !card) throw new DomainError('CARD_NOT_FOUND')
  const r = computeBill(req.items, holdingsFor(p, owner, bonusFen, card, req, now), policy)
  assertCardUsed(card, r)
  return r
}

const fingerprint = (req: BillRequest, cardId: string | null): string =>
  createHash('sha256').update(JSON.stringify([req.patientId, req.items.map((i) => [i.name, i.category, i.amountFen]), req.useBonusFen ?? 0, cardId])).digest('hex')

const billIdOf = (requestId: string) => `bill_${requestId}`

function replay(doc: BillDoc, req: ConfirmBillRequest): ConfirmedBill {
  if (doc.fingerprint !== fingerprint(req, doc.friendCardId ?? null)) throw new DomainError('IDEMPOTENCY_MISMATCH', { billId: doc._id })
  return { billId: doc._id, result: doc.result, paidFen: doc.paidFen, tierAfter: doc.tierAfter, cumulativeSpendAfterFen: doc.cumulativeSpendAfterFen, replayed: true }
}

export async function confirmBill(deps: Deps, staff: StaffActor, req: ConfirmBillRequest): Promise<ConfirmedBill> {
  const billId = billIdOf(req.requestId)
  const policy = await currentPolicy(deps.store)
  const done = await deps.store.get<BillDoc>(C.bills, billId)
  if (done) return replay(done, req) // a retry after the ticket expired still gets its answer
  const cardId = req.friendCardTicket ? cardIdFromTicket(deps, req.friendCardTicket) : null
  try {
    return await withRetry(() => deps.store.transaction((tx) => confirmInTx(tx, deps, staff, req, billId, cardId, policy)))
  } catch (e) {
    // Two first attempts raced on CloudBase: the loser sees the winner's bill and replays it.
    if (isStoreError(e, 'DUPLICATE')) {
      const doc = await deps.store.get<BillDoc>(C.bills, billId)
      if (doc) return replay(doc, req)
    }
    throw e
  }
}

async function confirmInTx(tx: TxContext, deps: Deps, staff: StaffActor, req: ConfirmBillRequest, billId: string, cardId: string | null, policy: Policy): Promise<ConfirmedBill> {
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
  const card = cardId ? await tx.get<FriendCard>(C.friendCards, cardId) : null
  if (cardId && !card) throw new DomainError('CARD_NOT_FOUND')

  const result = computeBill(req.items, holdingsFor(p, owner, bonusFen, card, req, now), policy)
  assertCardUsed(card, result)
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
  if (card && result.totals.friendCardFen > 0) {
    // F4: the card pays eligible items; its balance and its ledger move together, or not at all.
    const next = redeemCard(card, result.totals.friendCardFen, billId, staff.staffId, now)
    await tx.set(C.friendCards, next)
    entries.push({ ...base, _id: `${billId}:card`, accountId: accountId(card._id, 'friend_card'), kind: 'card_redeem', amountFen: -result.totals.friendCardFen, balanceAfterFen: next.balanceFen, memo: '亲友卡支付 friend card' })
  }
  const paidFen = result.totals.dueFen
  const after = afterPayment(p, paidFen, now, policy) // M1, M6: only money actually paid counts
  if (paidFen > 0) {
    const e = post(p.cumulativeSpendFen, { ...base, _id: `${billId}:payment`, accountId: accountId(p._id, 'spend'), kind: 'bill_payment', amountFen: paidFen, memo: '就诊付款 payment' })
    if (e) entries.push(e)
  }
  await tx.set<PatientDoc>(C.patients, { ...p, ...after })
  const doc: BillDoc = {
    _id: billId, requestId: req.requestId, fingerprint: fingerprint(req, cardId), friendCardId: cardId ?? undefined, patientId: p._id, staffId: staff.staffId, clinicId: staff.clinicId,
    items: req.items, result, paidFen, at, day: businessDate(now, policy.timezone), tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen,
  }
  await tx.create(C.bills, doc)
  for (const e of entries) await tx.create(C.ledger, e)
  return { billId, result, paidFen, tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen, replayed: false }
}
