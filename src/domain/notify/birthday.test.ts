import { DEFAULT_POLICY as P } from '../policy'
import { birthdayIn, birthdayMd, birthdaysOn, giftBudget, nextMonth } from './birthday'

describe('N1 birthdays on the day', () => {
  test('the indexed month-day of a birthday', () => {
    expect(birthdayMd('1975-02-29')).toBe('02-29')
    expect(birthdayMd(undefined)).toBeUndefined()
    expect(birthdayMd('29/02/1975')).toBeUndefined()
  })
  test('29 February is greeted on 28 February in a common year, on the 29th in a leap year', () => {
    expect(birthdaysOn('2027-02-28')).toEqual(['02-28', '02-29'])
    expect(birthdaysOn('2028-02-28')).toEqual(['02-28'])
    expect(birthdaysOn('2028-02-29')).toEqual(['02-29'])
    expect(birthdaysOn('2100-02-28')).toEqual(['02-28', '02-29']) // 2100 is not a leap year
    expect(birthdaysOn('2026-12-01')).toEqual(['12-01'])
  })
})

describe('N2 the monthly gift list', () => {
  test('next month, across the year end', () => {
    expect(nextMonth('2026-12-01')).toBe('2027-01')
    expect(nextMonth('2027-01-31')).toBe('2027-02')
  })
  test('the day in that month, 29 February moving to the 28th in a common year', () => {
    expect(birthdayIn('2027-02', '02-29')).toBe('2027-02-28')
    expect(birthdayIn('2028-02', '02-29')).toBe('2028-02-29')
    expect(birthdayIn('2027-01', '01-15')).toBe('2027-01-15')
  })
  test('0.5% of the paid spend, half up to the fen; nothing for no spend', () => {
    expect(giftBudget(88_000, P)).toBe(440) // ¥880 → ¥4.40
    expect(giftBudget(1_000_099, P)).toBe(5_000) // 5000.495 → 5000
    expect(giftBudget(1_000_100, P)).toBe(5_001) // 5000.5 → 5001
    expect(giftBudget(0, P)).toBe(0)
    expect(giftBudget(-500, P)).toBe(0) // refunds larger than payments never make a negative budget
  })
})
