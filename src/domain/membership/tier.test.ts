import { DEFAULT_POLICY as P } from '../policy'
import { afterPayment, effectiveTier, hasMemberDiscount, lifetimeProgress, type MemberStanding } from './tier'

const now = new Date('2026-06-01T04:00:00Z')
const plain: MemberStanding = { tier: 'none', cumulativeSpendFen: 0 }

describe('tiers (M1, M6, M7)', () => {
  test('one fen under the threshold stays; exactly at it becomes lifetime; over it too', () => {
    const start = { ...plain, cumulativeSpendFen: 2_900_000 }
    expect(afterPayment(start, 99_999, now, P).tier).toBe('none')
    expect(afterPayment(start, 100_000, now, P)).toMatchObject({ tier: 'lifetime', cumulativeSpendFen: 3_000_000, lifetimeSince: now.toISOString() })
    expect(afterPayment(start, 500_000, now, P).tier).toBe('lifetime')
  })
  test('lifetime supersedes annual', () => {
    const annual: MemberStanding = { tier: 'annual', annualUntil: '2026-12-31T15:59:59.999Z', cumulativeSpendFen: 2_999_000 }
    const after = afterPayment(annual, 1_000, now, P)
    expect(after.tier).toBe('lifetime')
    expect(after.annualUntil).toBeUndefined()
  })
  test('an annual membership lapses after its last day', () => {
    const annual: MemberStanding = { tier: 'annual', annualUntil: '2026-06-01T15:59:59.999Z', cumulativeSpendFen: 0 }
    expect(effectiveTier(annual, new Date('2026-06-01T15:59:59.999Z'))).toBe('annual')
    expect(effectiveTier(annual, new Date('2026-06-01T16:00:00Z'))).toBe('none')
  })
  test('bound family members get the discount without a tier of their own (M3)', () => {
    expect(hasMemberDiscount({ ...plain, familyOwnerId: 'p1' }, now)).toBe(true)
    expect(hasMemberDiscount(plain, now)).toBe(false)
  })
  test('progress towards lifetime for the member page', () => {
    expect(lifetimeProgress({ ...plain, cumulativeSpendFen: 1_500_000 }, P)).toBe(0.5)
    expect(lifetimeProgress({ tier: 'lifetime', cumulativeSpendFen: 10 }, P)).toBe(1)
  })
})
