/**
 * Loads everything a bill depends on besides its items (S2): the payer's standing and family
 * (M2, M3), a named member (M5), the friend card (F4), the bonus or the family owner's balance
 * (R5, M4). Loaded the same way for a preview (from the store) and a confirmation (inside its
 * transaction), so what staff saw is what is charged; the rules are in src/domain/bill/holdings.ts.
 */
import type { BillRequest } from '../../../src/api/contract'
import type { FirstVisit } from '../../../src/domain/bill/holdings'
import { DomainError } from '../../../src/domain/errors'
import type { FriendCard } from '../../../src/domain/friendcard/card'
import { accountId, type Account } from '../../../src/domain/ledger'
import { assertStoredValueAllowed, payerProof, type PayerProof } from '../../../src/domain/bill/payer-proof'
import type { Doc, Store } from '../ports/store'
import type { Deps } from '../deps'
import { C, type BalanceRequestDoc, type PatientDoc } from '../model'
import { cardIdFromTicket } from './friendcard'
import { resolveReferral, type ReferralRefs } from './referral-rewards'

const NO_REFERRAL: ReferralRefs = { referralId: null, couponId: null, firstVisit: false }

type Reader = { get<T extends Doc>(coll: string, id: string): Promise<T | null> }

/** Ids resolved before the transaction (queries and token checks are not allowed inside one). */
export interface BillRefs { cardId: string | null; namedMemberId: string | null; referral: ReferralRefs; payer?: PayerProof }

export interface BillContext {
  payer: PatientDoc
  owner: PatientDoc | null
  named: PatientDoc | null
  bonus: Account | null
  ownerBonus: Account | null
  consent: BalanceRequestDoc | null
  card: FriendCard | null
}

/** R5, M4: a payer ticket counts only if it is valid now and names this bill's payer. */
function payerOf(deps: Deps, req: BillRequest): PayerProof {
  const v = req.payerTicket ? deps.qr.verify(req.payerTicket, deps.clock.now()) : null
  const scanned = Boolean(v?.ok && v.claims.kind === 'P' && v.claims.subject === req.patientId)
  const proof = payerProof(scanned, req.storedValueOverride)
  assertStoredValueAllowed(req, proof)
  return proof
}

/**
 * `preview`: the price only. A referral found by the payer's own ids, with nothing named on the bill,
 * never changes the price (no first-visit amount), so a preview does not look for one (issue 11:
 * round trips); the confirmation does, to share the payment (R3) and to lock or void it (R6).
 */
export async function resolveRefs(deps: Deps, store: Store, req: BillRequest, purpose: 'preview' | 'confirm' = 'confirm'): Promise<BillRefs> {
  const payer = payerOf(deps, req)
  const cardId = req.friendCardTicket ? cardIdFromTicket(deps, req.friendCardTicket) : null
  let namedMemberId: string | null = null
  if (req.namedMemberCode) {
    const found = await store.query<PatientDoc>(C.patients, { where: { recordNo: req.namedMemberCode.trim() }, limit: 2 })
    if (found.length !== 1) throw new DomainError('NAMED_MEMBER_INVALID', { code: req.namedMemberCode })
    namedMemberId = found[0]._id
  }
  const payerDoc = await store.get<PatientDoc>(C.patients, req.patientId)
  const namesReferral = Boolean(req.couponTicket || req.referrerCode || req.namedMemberCode)
  const referral = purpose === 'preview' && !namesReferral ? NO_REFERRAL : await resolveReferral(deps, store, req, payerDoc)
  return { cardId, namedMemberId, referral, payer }
}

export async function loadContext(r: Reader, req: BillRequest, refs: BillRefs): Promise<BillContext> {
  const payer = await r.get<PatientDoc>(C.patients, req.patientId)
  if (!payer) throw new DomainError('PATIENT_NOT_FOUND')
  const owner = payer.familyOwnerId ? await r.get<PatientDoc>(C.patients, payer.familyOwnerId) : null
  const card = refs.cardId ? await r.get<FriendCard>(C.friendCards, refs.cardId) : null
  if (refs.cardId && !card) throw new DomainError('CARD_NOT_FOUND')
  return {
    payer,
    owner,
    named: refs.namedMemberId ? await r.get<PatientDoc>(C.patients, refs.namedMemberId) : null,
    // Read only when the bill spends it: a bill without bonus never looks at the balance (issue 11).
    bonus: (req.useBonusFen ?? 0) > 0 ? await r.get<Account>(C.accounts, accountId(payer._id, 'bonus')) : null,
    ownerBonus: owner && req.useOwnerBalanceFen ? await r.get<Account>(C.accounts, accountId(owner._id, 'bonus')) : null,
    consent: req.ownerConsentId ? await r.get<BalanceRequestDoc>(C.balanceRequests, req.ownerConsentId) : null,
    card,
  }
}

/** R2: the first-visit amount applies when the bill's referral carries one. */
export const firstVisitOf = (refs: BillRefs): FirstVisit | null => (refs.referral.firstVisit ? { couponId: refs.referral.couponId } : null)
