import { businessDate, isCalendarDay, validUntil } from './clock'

const TZ = 'Asia/Shanghai'
const shanghai = (d: Date) => d.toLocaleString('sv-SE', { timeZone: TZ })

describe('business dates in the clinic time zone (PRODUCT.md conventions)', () => {
  test('the business date follows Shanghai, not UTC', () => {
    // 2026-03-01 17:30 UTC is already 2 March 01:30 in Shanghai.
    expect(businessDate(new Date('2026-03-01T17:30:00Z'), TZ)).toBe('2026-03-02')
  })
  test('"valid 3 months" ends at the end of that calendar day (F5)', () => {
    expect(shanghai(validUntil(new Date('2026-01-15T02:00:00Z'), 3, TZ))).toBe('2026-04-15 23:59:59')
  })
  test('Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year', () => {
    expect(shanghai(validUntil(new Date('2026-01-31T04:00:00Z'), 1, TZ))).toBe('2026-02-28 23:59:59')
    expect(shanghai(validUntil(new Date('2028-01-31T04:00:00Z'), 1, TZ))).toBe('2028-02-29 23:59:59')
    expect(shanghai(validUntil(new Date('2027-11-30T04:00:00Z'), 3, TZ))).toBe('2028-02-29 23:59:59')
  })
  test('an issue late in the UTC day counts from the Shanghai date', () => {
    // 2026-05-31 20:00 UTC = 1 June 04:00 in Shanghai → valid to 1 September.
    expect(shanghai(validUntil(new Date('2026-05-31T20:00:00Z'), 3, TZ))).toBe('2026-09-01 23:59:59')
  })
})

describe('calendar days', () => {
  test('real days only: leap years count, impossible dates do not roll into others', () => {
    expect(['2026-11-22', '2028-02-29', '2026-12-31'].map(isCalendarDay)).toEqual([true, true, true])
    expect(['2026-02-29', '2026-13-45', '2026-11-31', '2026-1-2', '20261122', ''].map(isCalendarDay)).toEqual([false, false, false, false, false, false])
  })
})
