import { DomainError } from '../errors'
import { claimCard, issueCard, type FriendCard } from '../friendcard/card'
import { DEFAULT_POLICY as P } from '../policy'
import { computeBill } from './engine'
import { assertCardUsed, assertOwnerConsent, discountBasis, holdingsFor, sellsAnnual, type BillParty, type BillSituation } from './holdings'

const now = new Date('2026-11-22T02:00:00Z')
const later = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()
const party = (id: string, more: Partial<BillParty> = {}): BillParty => ({ _id: id, tier: 'none', cumulativeSpendFen: 0, ...more })
const member = party('p_member', { tier: 'annual', annualUntil: later(100) })
const situation = (more: Partial<BillSituation> = {}): BillSituation =>
  ({ payer: party('p_guest'), owner: null, named: null, bonus: null, ownerBonus: null, consent: null, card: null, ...more })
const treatment = { name: '补牙', category: 'treatment' as const, amountFen: 50_000 }
const fee = { name: '年度会员', category: 'membership_fee' as const, amountFen: P.membership.annualFeeFen }
const code = (f: () => unknown) => {
  try { f() } catch (e) { return e instanceof DomainError ? e.code : String(e) }
  return 'passed'
}
const claimedCard = (): FriendCard => claimCard(issueCard({ id: 'fc_1', shareToken: 't', giverPatientId: 'p_giver', giverDisplayName: '李', staffId: 's', now }, P), { openid: 'o_friend' }, now)

describe('what a bill may apply (S2)', () => {
  test('M1: one annual fee at the policy price; it makes a member on this very bill; never for a lifetime member', () => {
    expect(sellsAnnual({ items: [treatment, fee] }, P)).toBe(true)
    expect(code(() => sellsAnnual({ items: [fee, fee] }, P))).toBe('VALIDATION')
    expect(code(() => sellsAnnual({ items: [{ ...fee, amountFen: 1 }] }, P))).toBe('MEMBERSHIP_FEE_MISMATCH')
    expect(discountBasis(situation(), true, now, P)).toBe('member')
    expect(code(() => holdingsFor(situation({ payer: party('p_l', { tier: 'lifetime' }) }), { items: [fee] }, now, P))).toBe('MEMBERSHIP_NOT_NEEDED')
  })

  test('M2, M3: a member in force, or a family member of one; a lapsed annual gets nothing', () => {
    expect(discountBasis(situation({ payer: member }), false, now, P)).toBe('member')
    expect(discountBasis(situation({ payer: party('p_kid', { familyOwnerId: member._id }), owner: member }), false, now, P)).toBe('family')
    expect(discountBasis(situation({ payer: party('p_old', { tier: 'annual', annualUntil: later(-1) }) }), false, now, P)).toBeNull()
  })

  test('M5: a friend may name a member, not themselves, not their own family, not a non-member', () => {
    expect(discountBasis(situation({ named: member }), false, now, P)).toBe('named_member')
    const payer = party('p_kid', { familyOwnerId: member._id })
    expect(code(() => discountBasis(situation({ payer, named: member }), false, now, P))).toBe('NAMED_MEMBER_INVALID')
    expect(code(() => discountBasis(situation({ named: party('p_x') }), false, now, P))).toBe('NAMED_MEMBER_INVALID')
    const off = { ...P, membership: { ...P.membership, friendNamedMemberDiscount: false } }
    expect(code(() => discountBasis(situation({ named: member }), false, now, off))).toBe('NAMED_MEMBER_INVALID')
  })

  test('R5: bonus up to the balance only; one balance per bill', () => {
    const s = situation({ payer: member, bonus: { balanceFen: 5_000 } })
    expect(holdingsFor(s, { items: [treatment], useBonusFen: 5_000 }, now, P).bonus).toEqual({ balanceFen: 5_000, useFen: 5_000 })
    expect(code(() => holdingsFor(s, { items: [treatment], useBonusFen: 5_001 }, now, P))).toBe('INSUFFICIENT_BALANCE')
    expect(code(() => holdingsFor(s, { items: [treatment], useBonusFen: 1, useOwnerBalanceFen: 1 }, now, P))).toBe('VALIDATION')
  })

  test('M4: the owner\'s balance needs standing consent or an approved request for at least the amount', () => {
    const payer = party('p_kid', { familyOwnerId: member._id })
    const base = situation({ payer, owner: member, ownerBonus: { balanceFen: 9_000 } })
    expect(code(() => assertOwnerConsent(base, 100))).toBe('CONSENT_REQUIRED')
    expect(code(() => assertOwnerConsent({ ...base, owner: { ...member, standingConsent: [payer._id] } }, 100))).toBe('passed')
    const consent = { ownerId: member._id, memberId: payer._id, amountFen: 3_000, status: 'approved' as const }
    expect(code(() => assertOwnerConsent({ ...base, consent }, 3_000))).toBe('passed')
    expect(code(() => assertOwnerConsent({ ...base, consent }, 3_001))).toBe('CONSENT_REQUIRED')
    expect(code(() => assertOwnerConsent({ ...base, consent: { ...consent, status: 'used' } }, 100))).toBe('CONSENT_USED')
    const held = holdingsFor({ ...base, consent }, { items: [treatment], useOwnerBalanceFen: 3_000 }, now, P)
    expect(held.bonus).toEqual({ balanceFen: 9_000, useFen: 3_000, fromFamilyOwner: true })
  })

  test('R2: the first-visit amount from the policy when the bill carries a coupon', () => {
    expect(holdingsFor(situation(), { items: [treatment] }, now, P, { couponId: 'cp_1' }).coupon).toEqual({ id: 'cp_1', discountFen: P.referral.firstVisitDiscountFen })
    expect(holdingsFor(situation(), { items: [treatment] }, now, P, null).coupon).toBeUndefined()
  })

  test('F4, F5: a card pays only when claimed and in date, and must pay something', () => {
    const card = claimedCard()
    expect(holdingsFor(situation({ card }), { items: [treatment] }, now, P).friendCard).toEqual({ id: 'fc_1', balanceFen: card.balanceFen })
    expect(code(() => holdingsFor(situation({ card }), { items: [treatment] }, new Date(Date.parse(card.expiresAt) + 1), P))).toBe('CARD_EXPIRED')
    expect(code(() => holdingsFor(situation({ card: { ...card, status: 'issued' } }), { items: [treatment] }, now, P))).toBe('CARD_NOT_CLAIMED')
    const onlyFee = computeBill([fee], holdingsFor(situation({ card }), { items: [fee] }, now, P), P)
    expect(code(() => assertCardUsed(card, onlyFee))).toBe('CARD_NOT_ELIGIBLE')
  })
})
