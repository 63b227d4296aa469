import { memberBadge, showsLifetimeProgress } from './badge'

const now = new Date('2026-11-22T02:00:00Z')
const inForce = '2027-04-22T15:59:59.999Z'
const lapsed = '2026-11-21T15:59:59.999Z'

describe('the member badge (M1, M3, M7)', () => {
  test('a family member paying at the family discount is 家庭会员, not 非会员 (M3)', () => {
    expect(memberBadge({ tier: 'none', familyOwnerId: 'pat_lifetime' }, now)).toBe('family')
  })
  test('lifetime supersedes everything, family included', () => {
    expect(memberBadge({ tier: 'lifetime' }, now)).toBe('lifetime')
    expect(memberBadge({ tier: 'lifetime', familyOwnerId: 'p1' }, now)).toBe('lifetime')
  })
  test('a family member with an annual year still shows family: that discount lasts for life', () => {
    expect(memberBadge({ tier: 'annual', annualUntil: inForce, familyOwnerId: 'p1' }, now)).toBe('family')
  })
  test('annual while in force; a lapsed year is no badge (M7)', () => {
    expect(memberBadge({ tier: 'annual', annualUntil: inForce }, now)).toBe('annual')
    expect(memberBadge({ tier: 'annual', annualUntil: lapsed }, now)).toBe('none')
    expect(memberBadge({ tier: 'none' }, now)).toBe('none')
  })
})

describe('the progress bar towards lifetime (M1)', () => {
  test('hidden once lifetime, shown to everyone who can still get there', () => {
    expect(showsLifetimeProgress('lifetime')).toBe(false)
    expect(showsLifetimeProgress('annual')).toBe(true)
    expect(showsLifetimeProgress('none')).toBe(true)
  })
})
