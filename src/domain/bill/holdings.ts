/**
 * What a bill may apply besides its items, decided from the payer's situation (S2): the discount
 * basis (M1, M2, M3, M5), the first-visit amount (R2), the friend card (F4, F5) and the bonus or the
 * family owner's balance (R5, M4). Pure: the use case loads the situation and persists the outcome.
 */
import { DomainError } from '../errors'
import { isExpired, type FriendCard } from '../friendcard/card'
import { effectiveTier, hasMemberDiscount, type MemberStanding } from '../membership/tier'
import type { Policy } from '../policy'
import type { BillHoldings, BillResult, DiscountBasis } from './engine'

export interface BillParty extends MemberStanding {
  _id: string
  /** M4: the family members this owner lets spend the balance without asking each time. */
  standingConsent?: string[]
}

/** M4: a family member's request for the owner's balance, as the owner answered it. */
export interface OwnerConsent { ownerId: string; memberId: string; amountFen: number; status: 'pending' | 'approved' | 'declined' | 'used' }

export interface BillSituation {
  payer: BillParty
  owner: BillParty | null
  named: BillParty | null
  bonus: { balanceFen: number } | null
  ownerBonus: { balanceFen: number } | null
  consent: OwnerConsent | null
  card: FriendCard | null
}

/** The parts of a bill request these rules read. */
export interface BillAsk {
  items: ReadonlyArray<{ category: string; amountFen: number }>
  useBonusFen?: number
  useOwnerBalanceFen?: number
}

/** R2: the first-visit amount when the bill carries a coupon or the referrer's code named at the desk. */
export interface FirstVisit { couponId: string | null }

const familyHead = (p: BillParty) => p.familyOwnerId ?? p._id

/** M1: at most one annual fee on a bill, at the policy's price. */
export function sellsAnnual(ask: BillAsk, policy: Policy): boolean {
  const fees = ask.items.filter((i) => i.category === 'membership_fee')
  if (fees.length > 1) throw new DomainError('VALIDATION', { why: 'one membership fee per bill' })
  if (fees.length === 1 && fees[0].amountFen !== policy.membership.annualFeeFen) {
    throw new DomainError('MEMBERSHIP_FEE_MISMATCH', { expectedFen: policy.membership.annualFeeFen, gotFen: fees[0].amountFen })
  }
  return fees.length === 1
}

/** M2, M3, M5 and M1 (an annual fee on this very bill makes a member today). */
export function discountBasis(s: BillSituation, annualOnBill: boolean, now: Date, policy: Policy): DiscountBasis | null {
  const { payer, owner, named } = s
  if (effectiveTier(payer, now) !== 'none' || annualOnBill) return 'member'
  if (owner && hasMemberDiscount(owner, now)) return 'family'
  if (named) {
    const allowed = policy.membership.friendNamedMemberDiscount && named._id !== payer._id
      && familyHead(named) !== familyHead(payer) && effectiveTier(named, now) !== 'none'
    if (!allowed) throw new DomainError('NAMED_MEMBER_INVALID')
    return 'named_member'
  }
  return null
}

/** F4, F5: checked at the moment of redemption, not only by the daily sweep. */
export function assertCardUsable(c: FriendCard, now: Date): void {
  if (c.status === 'revoked') throw new DomainError('CARD_REVOKED')
  if (c.status === 'used_up') throw new DomainError('CARD_USED_UP')
  if (c.status === 'expired' || isExpired(c, now)) throw new DomainError('CARD_EXPIRED', { expiresAt: c.expiresAt })
  if (c.status !== 'claimed') throw new DomainError('CARD_NOT_CLAIMED')
}

/** M4: the owner's standing permission, or an approved request of this member for at least this much. */
export function assertOwnerConsent(s: BillSituation, amountFen: number): void {
  const { payer, owner, consent } = s
  if (!owner) throw new DomainError('FAMILY_NOT_MEMBER')
  if ((owner.standingConsent ?? []).includes(payer._id)) return
  if (!consent) throw new DomainError('CONSENT_REQUIRED')
  if (consent.memberId !== payer._id || consent.ownerId !== owner._id || consent.status !== 'approved' || consent.amountFen < amountFen) {
    throw new DomainError(consent.status === 'used' ? 'CONSENT_USED' : 'CONSENT_REQUIRED')
  }
}

/** Everything the bill engine applies, or the refusal that explains why not. */
export function holdingsFor(s: BillSituation, ask: BillAsk, now: Date, policy: Policy, firstVisit?: FirstVisit | null): BillHoldings {
  const annual = sellsAnnual(ask, policy)
  if (annual && effectiveTier(s.payer, now) === 'lifetime') throw new DomainError('MEMBERSHIP_NOT_NEEDED') // M1: lifetime supersedes
  const basis = discountBasis(s, annual, now, policy)
  const useBonusFen = ask.useBonusFen ?? 0
  const useOwnerFen = ask.useOwnerBalanceFen ?? 0
  if (useBonusFen > 0 && useOwnerFen > 0) throw new DomainError('VALIDATION', { why: 'one balance per bill: own bonus or the family owner\'s' })
  const own = s.bonus?.balanceFen ?? 0
  if (useBonusFen > own) throw new DomainError('INSUFFICIENT_BALANCE', { bonusBalanceFen: own, useBonusFen })
  const ownerBalance = s.ownerBonus?.balanceFen ?? 0
  if (useOwnerFen > 0) {
    assertOwnerConsent(s, useOwnerFen)
    if (useOwnerFen > ownerBalance) throw new DomainError('INSUFFICIENT_BALANCE', { ownerBalanceFen: ownerBalance })
  }
  if (s.card) assertCardUsable(s.card, now)
  return {
    memberDiscount: basis ?? undefined,
    coupon: firstVisit ? { id: firstVisit.couponId ?? 'referrer-code', discountFen: policy.referral.firstVisitDiscountFen } : undefined,
    friendCard: s.card ? { id: s.card._id, balanceFen: s.card.balanceFen } : undefined,
    bonus: useBonusFen > 0 ? { balanceFen: own, useFen: useBonusFen }
      : useOwnerFen > 0 ? { balanceFen: ownerBalance, useFen: useOwnerFen, fromFamilyOwner: true } : undefined,
  }
}

/** F4: a card on a bill must pay something — a bill of ineligible items only is refused, not ignored. */
export function assertCardUsed(card: FriendCard | null, r: BillResult): void {
  if (card && r.totals.friendCardFen === 0) {
    throw new DomainError('CARD_NOT_ELIGIBLE', { excluded: r.lines.filter((l) => l.skipped.some((k) => k.kind === 'friend_card')).map((l) => l.name) })
  }
}
