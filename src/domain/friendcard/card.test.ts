import { DEFAULT_POLICY as P } from '../policy'
import { claimCard, displayState, expireCard, isExpired, issueCard, redeemCard, registerFriend, revokeCard, shareCard, type FriendCard } from './card'

const issuedAt = new Date('2026-01-31T02:00:00Z') // 31 Jan, 10:00 Shanghai
const later = (days: number) => new Date(issuedAt.getTime() + days * 86_400_000)
const fresh = (): FriendCard => issueCard({ id: 'fc1', shareToken: 't'.repeat(32), giverPatientId: 'pat_giver', giverDisplayName: '李先生', staffId: 'staff_con', now: issuedAt }, P)
const claimed = () => claimCard(shareCard(fresh(), 'pat_giver', later(1)), { openid: 'friend-1' }, later(2))

const codeOf = (fn: () => unknown) => { try { fn() } catch (e) { return (e as { code?: string }).code } return 'no error' }

describe('friend card (F1–F7)', () => {
  test('issued with the policy face value, valid 3 calendar months to the end of day (F2, F5)', () => {
    const c = fresh()
    expect(c).toMatchObject({ faceValueFen: 60_000, balanceFen: 60_000, status: 'issued', policyVersion: 1 })
    // 31 Jan + 3 months = 30 April (clamped), 23:59:59.999 Shanghai = 15:59:59.999Z
    expect(c.expiresAt).toBe('2026-04-30T15:59:59.999Z')
  })

  test('expiry is exact to the millisecond, and registration lifts it (F5)', () => {
    const c = claimed()
    expect(isExpired(c, new Date('2026-04-30T15:59:59.999Z'))).toBe(false)
    expect(isExpired(c, new Date('2026-04-30T16:00:00.000Z'))).toBe(true)
    const reg = registerFriend(c, 'pat_friend', 'staff_rec', later(10))
    expect(isExpired(reg, later(400))).toBe(false)
    expect(redeemCard(reg, 1_000, 'b1', 'staff_rec', later(400)).balanceFen).toBe(59_000)
  })

  test('share is the giver\'s own tap and can be repeated until claimed (F3, C1)', () => {
    const s = shareCard(fresh(), 'pat_giver', later(1))
    expect(s.status).toBe('shared')
    expect(shareCard(s, 'pat_giver', later(2))).toBe(s)
    expect(codeOf(() => shareCard(fresh(), 'someone_else', later(1)))).toBe('NOT_FOUND')
  })

  test('first claim wins; others see it is taken; the giver cannot claim their own (F3)', () => {
    const c = claimed()
    expect(c).toMatchObject({ status: 'claimed', friendOpenid: 'friend-1' })
    expect(codeOf(() => claimCard(c, { openid: 'friend-2' }, later(3)))).toBe('CARD_TAKEN')
    expect(codeOf(() => claimCard(c, { openid: 'friend-1' }, later(3)))).toBe('CARD_ALREADY_YOURS')
    expect(codeOf(() => claimCard(fresh(), { openid: 'giver-openid', patientId: 'pat_giver' }, later(1)))).toBe('CARD_OWN')
  })

  test('partial use keeps the rest; spending it all makes it used up (F4)', () => {
    const part = redeemCard(claimed(), 45_000, 'bill_1', 'staff_rec', later(5))
    expect(part.balanceFen).toBe(15_000)
    expect(displayState(part, later(5))).toBe('partly_used')
    const done = redeemCard(part, 15_000, 'bill_2', 'staff_rec', later(6))
    expect(done.status).toBe('used_up')
    expect(codeOf(() => redeemCard(done, 1, 'bill_3', 'staff_rec', later(7)))).toBe('CARD_USED_UP')
  })

  test('refuses more than the balance, zero, negative or fractional amounts, and unclaimed cards', () => {
    const c = claimed()
    expect(codeOf(() => redeemCard(c, 60_001, 'b', 's', later(3)))).toBe('INSUFFICIENT_BALANCE')
    expect(codeOf(() => redeemCard(c, 0, 'b', 's', later(3)))).toBe('VALIDATION')
    expect(codeOf(() => redeemCard(c, -5, 'b', 's', later(3)))).toBe('VALIDATION')
    expect(codeOf(() => redeemCard(c, 10.5, 'b', 's', later(3)))).toBe('VALIDATION')
    expect(codeOf(() => redeemCard(fresh(), 100, 'b', 's', later(3)))).toBe('CARD_NOT_CLAIMED')
  })

  test('an expired card cannot be claimed or redeemed, even before the sweep ran', () => {
    const after = new Date('2026-05-01T00:00:00Z')
    expect(codeOf(() => claimCard(fresh(), { openid: 'f' }, after))).toBe('CARD_EXPIRED')
    expect(codeOf(() => redeemCard(claimed(), 100, 'b', 's', after))).toBe('CARD_EXPIRED')
    expect(displayState(claimed(), after)).toBe('expired')
    const swept = expireCard(claimed(), after)!
    expect(swept.status).toBe('expired')
    expect(expireCard(swept, after)).toBeNull() // a second sweep changes nothing
  })

  test('revoke needs a reason and ends the card; every transition is in the history', () => {
    expect(codeOf(() => revokeCard(claimed(), 'staff_dir', '  ', later(3)))).toBe('VALIDATION')
    const r = revokeCard(claimed(), 'staff_dir', '误发 issued by mistake', later(3))
    expect(r.status).toBe('revoked')
    expect(codeOf(() => redeemCard(r, 100, 'b', 's', later(4)))).toBe('CARD_REVOKED')
    expect(r.history.map((h) => h.event)).toEqual(['issued', 'shared', 'claimed', 'revoked'])
    expect(r.history.every((h) => h.actor && h.at)).toBe(true)
  })
})
