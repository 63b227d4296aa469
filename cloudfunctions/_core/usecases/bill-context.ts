/**
 * Everything a bill depends on besides its items (S2): the payer's standing and family (M2, M3),
 * a named member (M5), the friend card (F4), the bonus or the family owner's balance (R5, M4).
 * Loaded the same way for a preview (from the store) and a confirmation (inside its transaction),
 * so what staff saw is what is charged.
 */
import type { BillRequest } from '../../../src/api/contract'
import type { BillHoldings, BillResult, DiscountBasis } from '../../../src/domain/bill/engine'
import { DomainError } from '../../../src/domain/errors'
import { isExpired, type FriendCard } from '../../../src/domain/friendcard/card'
import { accountId, type Account } from '../../../src/domain/ledger'
import { effectiveTier, hasMemberDiscount } from '../../../src/domain/membership/tier'
import type { Policy } from '../../../src/domain/policy'
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

const sameFamily = (a: PatientDoc, b: PatientDoc) => {
  const head = (p: PatientDoc) => p.familyOwnerId ?? p._id
  return head(a) === head(b)
}

/** M2, M3, M5 and M1 (an annual fee on this very bill makes a member today). */
export function discountBasis(ctx: BillContext, sellsAnnual: boolean, now: Date, policy: Policy): DiscountBasis | null {
  const { payer, owner, named } = ctx
  if (effectiveTier(payer, now) !== 'none' || sellsAnnual) return 'member'
  if (owner && hasMemberDiscount(owner, now)) return 'family'
  if (named) {
    if (!policy.membership.friendNamedMemberDiscount || named._id === payer._id || sameFamily(named, payer) || effectiveTier(named, now) === 'none') {
      throw new DomainError('NAMED_MEMBER_INVALID')
    }
    return 'named_member'
  }
  return null
}

/** M1: at most one annual fee on a bill, at the policy's price, never for a lifetime member. */
export function sellsAnnual(req: BillRequest, policy: Policy): boolean {
  const fees = req.items.filter((i) => i.category === 'membership_fee')
  if (fees.length > 1) throw new DomainError('VALIDATION', { why: 'one membership fee per bill' })
  if (fees.length === 1 && fees[0].amountFen !== policy.membership.annualFeeFen) {
    throw new DomainError('MEMBERSHIP_FEE_MISMATCH', { expectedFen: policy.membership.annualFeeFen, gotFen: fees[0].amountFen })
  }
  return fees.length === 1
}

/** F4, F5: checked at the moment of redemption, not only by the daily sweep. */
function assertUsable(c: FriendCard, now: Date): void {
  if (c.status === 'revoked') throw new DomainError('CARD_REVOKED')
  if (c.status === 'used_up') throw new DomainError('CARD_USED_UP')
  if (c.status === 'expired' || isExpired(c, now)) throw new DomainError('CARD_EXPIRED', { expiresAt: c.expiresAt })
  if (c.status !== 'claimed') throw new DomainError('CARD_NOT_CLAIMED')
}

/** M4: the owner's standing permission, or an approved request of this member for at least this much. */
export function assertOwnerConsent(ctx: BillContext, amountFen: number): void {
  const { payer, owner, consent } = ctx
  if (!owner) throw new DomainError('FAMILY_NOT_MEMBER')
  if ((owner.standingConsent ?? []).includes(payer._id)) return
  if (!consent) throw new DomainError('CONSENT_REQUIRED')
  if (consent.memberId !== payer._id || consent.ownerId !== owner._id || consent.status !== 'approved' || consent.amountFen < amountFen) {
    throw new DomainError(consent.status === 'used' ? 'CONSENT_USED' : 'CONSENT_REQUIRED')
  }
}

export function holdingsFor(ctx: BillContext, req: BillRequest, now: Date, policy: Policy, refs?: BillRefs): BillHoldings {
  const annual = sellsAnnual(req, policy)
  if (annual && effectiveTier(ctx.payer, now) === 'lifetime') throw new DomainError('MEMBERSHIP_NOT_NEEDED') // M1: lifetime supersedes
  const basis = discountBasis(ctx, annual, now, policy)
  const useBonusFen = req.useBonusFen ?? 0
  const useOwnerFen = req.useOwnerBalanceFen ?? 0
  if (useBonusFen > 0 && useOwnerFen > 0) throw new DomainError('VALIDATION', { why: 'one balance per bill: own bonus or the family owner\'s' })
  const own = ctx.bonus?.balanceFen ?? 0
  if (useBonusFen > own) throw new DomainError('INSUFFICIENT_BALANCE', { bonusBalanceFen: own, useBonusFen })
  if (useOwnerFen > 0) {
    assertOwnerConsent(ctx, useOwnerFen)
    if (useOwnerFen > (ctx.ownerBonus?.balanceFen ?? 0)) throw new DomainError('INSUFFICIENT_BALANCE', { ownerBalanceFen: ctx.ownerBonus?.balanceFen ?? 0 })
  }
  if (ctx.card) assertUsable(ctx.card, now)
  return {
    memberDiscount: basis ?? undefined,
    // R2: a coupon, or the referrer's code named at reception, takes the first-visit amount off.
    coupon: refs?.referral.firstVisit ? { id: refs.referral.couponId ?? 'referrer-code', discountFen: policy.referral.firstVisitDiscountFen } : undefined,
    friendCard: ctx.card ? { id: ctx.card._id, balanceFen: ctx.card.balanceFen } : undefined,
    bonus: useBonusFen > 0 ? { balanceFen: own, useFen: useBonusFen }
      : useOwnerFen > 0 ? { balanceFen: ctx.ownerBonus?.balanceFen ?? 0, useFen: useOwnerFen, fromFamilyOwner: true } : undefined,
  }
}

/** A card on a bill must pay something: a bill of ineligible items only is refused, not ignored. */
export function assertCardUsed(card: FriendCard | null, r: BillResult): void {
  if (card && r.totals.friendCardFen === 0) throw new DomainError('CARD_NOT_ELIGIBLE', { excluded: r.lines.filter((l) => l.skipped.some((k) => k.kind === 'friend_card')).map((l) => l.name) })
}
