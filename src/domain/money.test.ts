import { amountDigits, applyRate, isFen } from './money'

describe('money (integer fen)', () => {
  test('a rate rounds half up to the fen', () => {
    expect(applyRate(10_000, 1200)).toBe(1200) // ¥100 × 12% = ¥12
    expect(applyRate(1, 1200)).toBe(0) // 0.12 fen → 0
    expect(applyRate(5, 1000)).toBe(1) // 0.5 fen → 1 (half up)
    expect(applyRate(4, 1000)).toBe(0) // 0.4 fen → 0
    expect(applyRate(45_000, 1200)).toBe(5400)
  })
  test('refuses fractional or negative amounts', () => {
    expect(() => applyRate(1.5, 1200)).toThrow(RangeError)
    expect(() => applyRate(-1, 1200)).toThrow(RangeError)
    expect(isFen(0.1)).toBe(false)
  })
  test('an amount\'s digits grouped by hand (the sign of the unit is formatMoney\'s, policy-money.ts)', () => {
    expect(amountDigits(123_450)).toBe('1,234.50')
    expect(amountDigits(-500)).toBe('5.00')
    expect(amountDigits(0)).toBe('0.00')
    expect(amountDigits(99_999)).toBe('999.99')
    expect(amountDigits(100_000_000_00)).toBe('100,000,000.00') // the same as en-US grouping
  })
})
