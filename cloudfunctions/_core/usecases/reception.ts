/**
 * Reception (S1, S2, S3): scan a member's code, preview a bill, confirm it. Confirmation is one
 * transaction — bill, spend and tier (M1, M6), bonus debit (R5), ledger entries — keyed by the
 * client's requestId, so a retry or a double tap returns the first result and charges nothing again.
 * The bill's lines name price list items; the catalogue gives name, price and category, and only the
 * director and admin may bill free text (issue 13; M2, F4 — src/domain/pricelist/resolve.ts).
 */
import { createHash } from 'node:crypto'
import type { BillLineInput, BillRequest, ConfirmBillRequest, ConfirmedBill, ScannedPatient, ScanResult, StaffRole } from '../../../src/api/contract'
import { computeBill, type BillResult } from '../../../src/domain/bill/engine'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { accountId } from '../../../src/domain/ledger'
import { settleBill } from '../../../src/domain/bill/settle'
import { billNoOf } from '../../../src/domain/bill/bill-no'
import { quoted, quoteIdOf, type QuoteParties, type QuotedBill } from '../../../src/domain/bill/quote'
import { deskPrompts } from '../../../src/domain/referral/prompts'
import { effectiveTier, hasMemberDiscount } from '../../../src/domain/membership/tier'
import { giftWords, type Policy } from '../../../src/domain/policy'
import { maskPhone } from '../../../src/domain/privacy'
import { isStoreError, type TxContext } from '../ports/store'
import { overrideToRecord } from '../../../src/domain/bill/payer-proof'
import { scanCard } from './friendcard'
import { promptsFor } from './feedback'
import { scanCoupon } from './referral'
import { firstVisitOf, loadContext, resolveRefs, type BillRefs } from './bill-context'
import { assertCardUsed, holdingsFor, sellsAnnual } from '../../../src/domain/bill/holdings'
import { currentPolicy, type Deps } from '../deps'
import { C, type BalanceRequestDoc, type BillDoc, type PatientDoc } from '../model'
import { applyReferralInTx } from './referral-rewards'
import { bonusBalance } from './member'
import { resolveBillLines } from './pricelist'
import { withRetry } from './retry'
import { deskCodeToToken } from './short-codes'
import { friendSpendInTx, saveCardsInTx } from './friendcard-totals'

export interface StaffActor { staffId: string; clinicId: string; role: StaffRole }

/** S1: whatever the desk scanned or typed — a friend card's code, a member's code, a record number. */
export async function scan(deps: Deps, code: string): Promise<ScanResult> {
  const text = await deskCodeToToken(deps, code) // an 18-digit short code reads as the token it was issued with
  if (text.startsWith('YY1.F.')) return { kind: 'friend_card', ...(await scanCard(deps, text)) }
  if (text.startsWith('YY1.C.')) return { kind: 'coupon', ...(await scanCoupon(deps, text)) }
  return { kind: 'patient', ...(await scanPatient(deps, text)) }
}

/** S1: a member's signed code (a screenshot stops working) or a typed record number → the patient. */
export async function patientByCode(deps: Deps, text: string): Promise<PatientDoc> {
  let patient: PatientDoc | null
  if (text.startsWith('YY1.')) {
    const v = deps.qr.verify(text, deps.clock.now())
    if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
    if (v.claims.kind !== 'M') throw new DomainError('CODE_WRONG_KIND')
    patient = await deps.store.get<PatientDoc>(C.patients, v.claims.subject)
  } else {
    const found = await deps.store.query<PatientDoc>(C.patients, { where: { recordNo: text }, limit: 2 })
    patient = found.length === 1 ? found[0] : null
  }
  if (!patient) throw new DomainError('PATIENT_NOT_FOUND')
  return patient
}

/** R5, M4: the payer showed their own code, so this desk may spend their stored value for a while. */
export const PAYER_TICKET_TTL_SECONDS = 30 * 60

async function scanPatient(deps: Deps, text: string): Promise<ScannedPatient> {
  const now = deps.clock.now()
  const patient = await patientByCode(deps, text)
  const shownOwnCode = text.startsWith('YY1.')
  const owner = patient.familyOwnerId ? await deps.store.get<PatientDoc>(C.patients, patient.familyOwnerId) : null
  const bonus = await bonusBalance(deps, patient._id)
  return {
    patientId: patient._id,
    name: patient.name,
    recordNo: patient.recordNo,
    maskedPhone: maskPhone(patient.phone),
    tier: effectiveTier(patient, now),
    discount: discountShown(patient, owner, now),
    bonusBalanceFen: bonus,
    cumulativeSpendFen: patient.cumulativeSpendFen,
    prompts: await promptsFor(deps, patient, bonus), // R7
    ...(shownOwnCode ? { payerTicket: deps.qr.sign('P', patient._id, now, PAYER_TICKET_TTL_SECONDS).token } : {}),
  }
}

/** M2, M3: what reception shows at the scan: own tier first, else a lifetime owner's family. */
function discountShown(p: PatientDoc, owner: PatientDoc | null, now: Date): 'member' | 'family' | null {
  if (effectiveTier(p, now) !== 'none') return 'member'
  if (owner && p.familyOwnerId && hasMemberDiscount(owner, now)) return 'family'
  return null
}

/** The preview answers a quote: the bill and an id its confirmation names (issue 13 item 7). */
export async function previewBill(deps: Deps, role: StaffRole, req: BillRequest): Promise<QuotedBill> {
  const policy = await currentPolicy(deps.store)
  const items = await resolveBillLines(deps.store, req.items, role)
  const refs = await resolveRefs(deps, deps.store, req, 'preview')
  const ctx = await loadContext(deps.store, req, refs)
  const r = computeBill(items, holdingsFor(ctx, { ...req, items }, deps.clock.now(), policy, firstVisitOf(refs)), policy)
  assertCardUsed(ctx.card, r)
  return quoted(partiesOf(ctx.payer._id, req, refs), withGift(r, refs, policy))
}

/**
 * Who pays and which holdings the bill draws on, as the quote names them. The coupon only when it
 * prices the bill: a referral the confirmation finds by the payer's own ids changes no amount, and
 * the preview does not look for it (bill-context.resolveRefs).
 */
const partiesOf = (payerId: string, req: BillRequest, refs: BillRefs): QuoteParties => ({
  payerId, cardId: refs.cardId, couponId: firstVisitOf(refs)?.couponId ?? null, firstVisit: refs.referral.firstVisit,
  namedMemberId: refs.namedMemberId, fromOwnerBalance: Boolean(req.useOwnerBalanceFen),
})

/** R2: the first-visit gift is handed over with the discount; the bill says so. */
function withGift(r: BillResult, refs: BillRefs, policy: Policy): BillResult {
  if (!refs.referral.firstVisit) return r
  const gift = giftWords(policy.referral.firstVisitGift)
  return { ...r, notes: [...r.notes, { zh: `首诊赠品：${gift.zh}`, en: `First-visit gift: ${gift.en}` }] }
}

/** The lines as sent, not as priced: a retry replays even if the price list changed since; a changed line is a conflict (S3). */
const rawLine = (l: BillLineInput) => ('itemId' in l ? ['item', l.itemId, l.quantity ?? 1] : ['text', l.name, l.category, l.amountFen])

const fingerprint = (req: BillRequest, refs: BillRefs): string => createHash('sha256').update(JSON.stringify([
  req.patientId, req.items.map(rawLine), req.useBonusFen ?? 0, refs.cardId, refs.namedMemberId, req.useOwnerBalanceFen ?? 0,
  refs.referral.couponId, refs.referral.firstVisit,
])).digest('hex')

const billIdOf = (requestId: string) => `bill_${requestId}`

const balancesAfter = (card: number | undefined, bonus: number | undefined) =>
  ({ ...(card === undefined ? {} : { cardBalanceAfterFen: card }), ...(bonus === undefined ? {} : { bonusBalanceAfterFen: bonus }) })

function replay(doc: BillDoc, req: ConfirmBillRequest, refs: BillRefs): ConfirmedBill {
  if (doc.fingerprint !== fingerprint(req, refs)) throw new DomainError('IDEMPOTENCY_MISMATCH', { billId: doc._id })
  return {
    billId: doc._id, result: doc.result, paidFen: doc.paidFen, tierAfter: doc.tierAfter, cumulativeSpendAfterFen: doc.cumulativeSpendAfterFen, replayed: true,
    ...balancesAfter(doc.cardBalanceAfterFen, doc.bonusBalanceAfterFen),
  }
}

/** A confirmed bill's answer again, checked against what was recorded (tickets may have expired since). */
function replayRecorded(done: BillDoc, req: ConfirmBillRequest): ConfirmedBill {
  const recorded = { referralId: done.referralId ?? null, couponId: done.couponId ?? null, firstVisit: done.result.totals.couponFen > 0 }
  return replay(done, req, { cardId: done.friendCardId ?? null, namedMemberId: done.namedMemberId ?? null, referral: recorded })
}

export async function confirmBill(deps: Deps, staff: StaffActor, req: ConfirmBillRequest): Promise<ConfirmedBill> {
  const billId = billIdOf(req.requestId)
  const policy = await currentPolicy(deps.store)
  let refs: BillRefs
  try {
    refs = await resolveRefs(deps, deps.store, req)
  } catch (e) {
    // A retry after the card ticket expired (or the referral locked) still gets its answer. Looked
    // up only here: on the usual path the transaction finds a confirmed bill by its id (issue 11).
    const done = await deps.store.get<BillDoc>(C.bills, billId)
    if (done) return replayRecorded(done, req)
    throw e
  }
  try {
    return await withRetry(() => deps.store.transaction((tx) => confirmInTx(tx, deps, staff, req, billId, refs, policy)))
  } catch (e) {
    // Two first attempts raced on CloudBase: the loser sees the winner's bill and replays it.
    if (isStoreError(e, 'DUPLICATE')) {
      const doc = await deps.store.get<BillDoc>(C.bills, billId)
      if (doc) return replayRecorded(doc, req)
    }
    throw e
  }
}

async function confirmInTx(tx: TxContext, deps: Deps, staff: StaffActor, req: ConfirmBillRequest, billId: string, refs: BillRefs, policy: Policy): Promise<ConfirmedBill> {
  const existing = await tx.get<BillDoc>(C.bills, billId)
  if (existing) return replayRecorded(existing, req)

  const now = deps.clock.now()
  const at = now.toISOString()
  const items = await resolveBillLines(tx, req.items, staff.role) // by id: allowed inside the transaction
  const ctx = await loadContext(tx, req, refs)
  const p = ctx.payer
  const ask = { ...req, items }
  const result = withGift(computeBill(items, holdingsFor(ctx, ask, now, policy, firstVisitOf(refs)), policy), refs, policy)
  assertCardUsed(ctx.card, result)
  // Issue 13 item 7: what would be charged must be what the desk was quoted; the desk then previews again.
  if (req.quoteId !== undefined) {
    const quoteId = quoteIdOf(partiesOf(p._id, req, refs), result)
    if (quoteId !== req.quoteId) throw new DomainError('QUOTE_CHANGED', { quoteId: req.quoteId, dueFen: result.totals.dueFen })
  }
  // Older clients name only the amount they saw.
  if (result.totals.dueFen !== req.expectedDueFen) {
    throw new DomainError('BILL_CHANGED', { expectedDueFen: req.expectedDueFen, dueFen: result.totals.dueFen })
  }

  const plan = settleBill({ billId, actor: staff.staffId, now, situation: ctx, payerName: p.name, result, annualOnBill: sellsAnnual(ask, policy), fromOwnerBalance: Boolean(req.useOwnerBalanceFen) }, policy)
  const { paidFen, standing: after } = plan
  if (plan.bonus) await tx.update(C.accounts, accountId(plan.bonus.ownerId, 'bonus'), { set: { balanceFen: plan.bonus.balanceAfterFen, updatedAt: at } })
  if (plan.consentUsed && ctx.consent) await tx.set<BalanceRequestDoc>(C.balanceRequests, { ...ctx.consent, status: 'used', usedBy: billId })
  // F4 the card this bill spends, F7 the cards the payer claimed as a friend: each written once, totals moved.
  const cardWrites = plan.card && ctx.card ? [{ before: ctx.card, after: plan.card }] : []
  await saveCardsInTx(tx, await friendSpendInTx(tx, p._id, at, paidFen, cardWrites), at)
  await tx.set<PatientDoc>(C.patients, { ...p, ...after, lastBillAt: at }) // R6: hasPaid reads it
  const day = businessDate(now, policy.timezone)
  const override = refs.payer ? overrideToRecord(req, refs.payer) : undefined
  const ref = await applyReferralInTx(tx, refs.referral, p, { id: billId, paidFen, day }, now, staff.staffId, policy) // R2, R3, R6
  const doc: BillDoc = {
    _id: billId, requestId: req.requestId, fingerprint: fingerprint(req, refs), friendCardId: refs.cardId ?? undefined, namedMemberId: refs.namedMemberId ?? undefined,
    patientId: p._id, staffId: staff.staffId, clinicId: staff.clinicId,
    items, result, paidFen, at, day, tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen,
    ...balancesAfter(plan.card?.balanceFen, plan.bonus?.balanceAfterFen),
    billNo: billNoOf(day, billId), ...(req.paymentMethod ? { paymentMethod: req.paymentMethod } : {}),
    referralId: ref.referralId, couponId: ref.couponId, referralShareFen: ref.shareFen, referralFixedFen: ref.fixedFen,
    ...(override ? { storedValueOverride: { reason: override, staffId: staff.staffId } } : {}),
  }
  await tx.create(C.bills, doc)
  for (const e of plan.entries) await tx.create(C.ledger, e)
  return {
    billId, result, paidFen, tierAfter: after.tier, cumulativeSpendAfterFen: after.cumulativeSpendFen, replayed: false,
    ...balancesAfter(plan.card?.balanceFen, plan.bonus?.balanceAfterFen),
    prompts: deskPrompts({
      now, lastRating: p.lastRating, returning: true, payment: { paidFen, memberAfter: effectiveTier(after, now) !== 'none' },
      ...(plan.bonus?.ownerId === p._id ? { bonusFen: plan.bonus.balanceAfterFen } : {}),
    }), // R7, F1, Q1
  }
}
