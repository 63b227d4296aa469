import { DEFAULT_POLICY as P } from '../policy'
import { claimCard, issueCard, registerFriend } from './card'
import { dueCardReminders } from './reminders'

const t0 = new Date('2026-03-01T02:00:00Z') // expires 2026-06-01 23:59:59.999 Shanghai
const day = (n: number) => new Date(t0.getTime() + n * 86_400_000)
const card = issueCard({ id: 'fc9', shareToken: 'x'.repeat(32), giverPatientId: 'pat_g', giverDisplayName: 'G', staffId: 's', now: t0 }, P)
const keys = (now: Date, c = card) => dueCardReminders(c, now, P).map((r) => r.key)

describe('friend card reminders (F6)', () => {
  test('the giver is reminded of an unsent card after 3 and 14 days, each with its own key', () => {
    expect(keys(day(2))).toEqual([])
    expect(keys(day(3))).toEqual(['fc:fc9:unshared:3'])
    expect(keys(day(13))).toEqual(['fc:fc9:unshared:3']) // same key: the outbox sends it once
    expect(keys(day(14))).toEqual(['fc:fc9:unshared:14'])
  })

  test('the friend is reminded 30, 14 and 3 days before expiry; a registered friend is not', () => {
    const claimed = claimCard(card, { openid: 'friend' }, day(1))
    const exp = Date.parse(claimed.expiresAt)
    const before = (d: number) => new Date(exp - d * 86_400_000 + 1)
    expect(keys(before(31), claimed).filter((k) => k.includes('expiry'))).toEqual([])
    expect(keys(before(30), claimed).filter((k) => k.includes('expiry'))).toEqual(['fc:fc9:expiry:30'])
    expect(keys(before(14), claimed).filter((k) => k.includes('expiry'))).toEqual(['fc:fc9:expiry:14'])
    expect(keys(before(3), claimed).filter((k) => k.includes('expiry'))).toEqual(['fc:fc9:expiry:3'])
    expect(keys(new Date(exp + 1), claimed)).toEqual([]) // expired: nothing
    const reg = registerFriend(claimed, 'pat_f', 's', day(2))
    expect(keys(before(3), reg).filter((k) => k.includes('expiry'))).toEqual([])
  })

  test('the giver hears once if the friend has not used it 14 and 45 days after claiming', () => {
    const claimed = claimCard(card, { openid: 'friend' }, day(1))
    expect(dueCardReminders(claimed, day(15), P).filter((r) => r.kind === 'unused')).toEqual([
      expect.objectContaining({ key: 'fc:fc9:unused:14', to: { patientId: 'pat_g' } }),
    ])
  })
})
