/** Issue 14: money in the chain's currency, grouped by hand (no Intl on the friend's landing). */
import { formatMoney } from './policy-money'

describe('formatMoney', () => {
  test('roubles after the amount, yuan before it, both grouped in thousands', () => {
    expect(formatMoney(123_450, 'RUB')).toBe('1,234.50 ₽')
    expect(formatMoney(123_450, 'CNY')).toBe('¥1,234.50')
    expect(formatMoney(0, 'RUB')).toBe('0.00 ₽')
    expect(formatMoney(5, 'CNY')).toBe('¥0.05')
    expect(formatMoney(-123_456_789, 'RUB')).toBe('-1,234,567.89 ₽')
    expect(formatMoney(100_000_000_00, 'CNY')).toBe('¥100,000,000.00')
  })

  test('yuan as people read them', () => {
    expect(formatMoney(-500, 'CNY')).toBe('-¥5.00')
    expect(formatMoney(0, 'CNY')).toBe('¥0.00')
    expect(formatMoney(99_999, 'CNY')).toBe('¥999.99')
    expect(formatMoney(-123_456_789, 'CNY')).toBe('-¥1,234,567.89')
  })

  test('no Intl: toLocaleString is never called (its first call loads ICU data on a slow phone)', () => {
    const spy = jest.spyOn(Number.prototype, 'toLocaleString')
    formatMoney(1_234_567_800, 'RUB')
    formatMoney(1_234_567_800, 'CNY')
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  })
})
