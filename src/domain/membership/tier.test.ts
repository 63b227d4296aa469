import { DEFAULT_POLICY as P } from '../policy'
import { afterPayment, afterRefund, dueMembershipReminder, effectiveTier, hasMemberDiscount, lifetimeProgress, sellAnnual, type MemberStanding } from './tier'

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
    expect(effectiveTier(after, new Date('2027-06-01T00:00:00Z'))).toBe('lifetime') // long after the annual end
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

describe('annual membership sold at reception (M1)', () => {
  test('a new member gets a year to the end of the same calendar day', () => {
    expect(sellAnnual(plain, now, P)).toMatchObject({ tier: 'annual', annualUntil: '2027-06-01T15:59:59.999Z' })
  })
  test('renewing while annual extends from the current end, not from today', () => {
    const annual: MemberStanding = { tier: 'annual', annualUntil: '2026-09-30T15:59:59.999Z', cumulativeSpendFen: 0 }
    expect(sellAnnual(annual, now, P).annualUntil).toBe('2027-09-30T15:59:59.999Z')
  })
  test('a lapsed member starts again from today', () => {
    const lapsed: MemberStanding = { tier: 'annual', annualUntil: '2026-01-31T15:59:59.999Z', cumulativeSpendFen: 0 }
    expect(sellAnnual(lapsed, now, P).annualUntil).toBe('2027-06-01T15:59:59.999Z')
  })
  test('a lifetime member is not sold an annual membership', () => {
    expect(() => sellAnnual({ tier: 'lifetime', cumulativeSpendFen: 3_000_000 }, now, P)).toThrow('MEMBERSHIP_NOT_NEEDED')
  })
})

describe('refunds (M6, our written policy)', () => {
  const crossed = afterPayment({ tier: 'annual', annualUntil: '2026-12-31T15:59:59.999Z', cumulativeSpendFen: 2_950_000 }, 100_000, now, P)
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000)
  test('spend falls by the refunded money and never below zero', () => {
    expect(afterRefund({ ...plain, cumulativeSpendFen: 10_000 }, 4_000, now, P).cumulativeSpendFen).toBe(6_000)
    expect(afterRefund({ ...plain, cumulativeSpendFen: 10_000 }, 40_000, now, P).cumulativeSpendFen).toBe(0)
  })
  test('under the threshold within the grace period: lifetime reverts to the annual still in force', () => {
    expect(afterRefund(crossed, 60_000, days(10), P)).toMatchObject({ tier: 'annual', cumulativeSpendFen: 2_990_000 })
  })
  test('…or to none when no annual is in force', () => {
    const noAnnual = afterPayment({ tier: 'none', cumulativeSpendFen: 2_950_000 }, 100_000, now, P)
    expect(afterRefund(noAnnual, 60_000, days(10), P).tier).toBe('none')
  })
  test('a refund that stays at or above the threshold keeps lifetime', () => {
    expect(afterRefund(crossed, 50_000, days(10), P).tier).toBe('lifetime')
  })
  test('after the grace period lifetime is for life, whatever the refund', () => {
    expect(afterRefund(crossed, 2_000_000, days(90), P).tier).toBe('lifetime')
  })
})

describe('M7 the renewal reminder, 30 days before an annual membership ends', () => {
  const until = '2026-12-13T15:59:59.999Z' // the end of 13 December in Shanghai
  const annual = { tier: 'annual' as const, annualUntil: until, cumulativeSpendFen: 0 }
  const at = (iso: string) => new Date(iso)
  test('due within 30 days of the end, keyed by the last day in the clinic zone', () => {
    expect(dueMembershipReminder('p1', annual, at('2026-11-13T16:00:00Z'), P)).toEqual({ key: 'm7:p1:2026-12-13', until: '2026-12-13', daysLeft: 29 })
    expect(dueMembershipReminder('p1', annual, at('2026-11-13T15:59:59.999Z'), P)?.daysLeft).toBe(30)
  })
  test('not before the window, not after the end, never for lifetime or no tier', () => {
    expect(dueMembershipReminder('p1', annual, at('2026-11-13T15:59:59.998Z'), P)).toBeNull()
    expect(dueMembershipReminder('p1', annual, at('2026-12-13T16:00:00Z'), P)).toBeNull()
    expect(dueMembershipReminder('p1', { ...annual, tier: 'lifetime' }, at('2026-12-01T00:00:00Z'), P)).toBeNull()
  })
})
