/** F7 running totals: what one card adds, and what one write of it moves. */
import { DEFAULT_POLICY } from '../policy'
import { claimCard, expireCard, issueCard, redeemCard, registerFriend, revokeCard, shareCard, type FriendCard } from './card'
import { figuresMoved, figuresOf, isNoChange, NO_FIGURES, withFriendSpend } from './figures'

const NOW = new Date('2026-11-22T02:00:00Z')
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000)
const fresh = (): FriendCard => issueCard({ id: 'fc_1', shareToken: 't', giverPatientId: 'p_giver', giverDisplayName: '周*', staffId: 's', now: NOW }, DEFAULT_POLICY)

test('a new card counts once as issued, nothing else', () => {
  expect(figuresMoved(null, fresh())).toEqual({ ...NO_FIGURES, issued: 1 })
})

test('each step moves exactly its own figure; a repeated share moves nothing', () => {
  const c0 = fresh()
  const c1 = shareCard(c0, 'p_giver', NOW)
  expect(figuresMoved(c0, c1)).toEqual({ ...NO_FIGURES, shared: 1 })
  expect(isNoChange(figuresMoved(c1, shareCard(c1, 'p_giver', NOW)))).toBe(true)
  const c2 = claimCard(c1, { openid: 'wx_friend' }, NOW)
  expect(figuresMoved(c1, c2)).toEqual({ ...NO_FIGURES, claimed: 1 })
  const c3 = registerFriend(c2, 'p_friend', 's', NOW)
  expect(figuresMoved(c2, c3)).toEqual({ ...NO_FIGURES, registered: 1 })
  const c4 = redeemCard(c3, 45_000, 'b1', 's', NOW)
  expect(figuresMoved(c3, c4)).toEqual({ ...NO_FIGURES, redeemed: 1, redeemedFen: 45_000 })
  const c5 = redeemCard(c4, 15_000, 'b2', 's', NOW)
  expect(figuresMoved(c4, c5)).toEqual({ ...NO_FIGURES, usedUp: 1, redeemedFen: 15_000 }) // already counted as redeemed
  expect(figuresOf(c5)).toMatchObject({ issued: 1, shared: 1, claimed: 1, registered: 1, redeemed: 1, usedUp: 1, redeemedFen: 60_000 })
})

test('expiry and revocation count by the stored status', () => {
  const c = shareCard(fresh(), 'p_giver', NOW)
  expect(figuresMoved(c, expireCard(c, later(120))!)).toEqual({ ...NO_FIGURES, expired: 1 })
  expect(figuresMoved(c, revokeCard(c, 's', '误发', NOW))).toEqual({ ...NO_FIGURES, revoked: 1 })
})

test('the friend\'s bills count from the claim on, refunds take back, never below zero (F7)', () => {
  const claimed = claimCard(shareCard(fresh(), 'p_giver', NOW), { openid: 'wx_friend', patientId: 'p_friend' }, later(1))
  expect(withFriendSpend(claimed, later(0).toISOString(), 10_000)).toBe(claimed) // before the claim
  const paid = withFriendSpend(claimed, later(2).toISOString(), 10_000)
  expect(figuresMoved(claimed, paid)).toEqual({ ...NO_FIGURES, friendsRevenueFen: 10_000 })
  expect(withFriendSpend(paid, later(2).toISOString(), -4_000).friendSpendFen).toBe(6_000)
  expect(withFriendSpend(paid, later(2).toISOString(), -50_000).friendSpendFen).toBe(0)
  expect(withFriendSpend(fresh(), later(2).toISOString(), 10_000).friendSpendFen).toBeUndefined() // not claimed
})
