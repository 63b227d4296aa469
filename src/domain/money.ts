/**
 * Money is an integer number of fen (¥1 = 100 fen). Never a float, never a string.
 * Rounding rule (written down once, tested in money.test.ts): a rate applied to an amount
 * rounds half up to the nearest fen. Rates are basis points (1200 bp = 12%).
 */
export type Fen = number

export const isFen = (v: unknown): v is Fen => typeof v === 'number' && Number.isSafeInteger(v)

export const isNonNegativeFen = (v: unknown): v is Fen => isFen(v) && v >= 0

/** amount × bp / 10000, rounded half up. Integer arithmetic only: no float drift. */
export function applyRate(amount: Fen, bp: number): Fen {
  if (!isNonNegativeFen(amount) || !Number.isInteger(bp) || bp < 0) {
    throw new RangeError(`applyRate needs non-negative integers, got ${amount}, ${bp}`)
  }
  return Math.floor((amount * bp + 5000) / 10000)
}

export const yuan = (y: number): Fen => Math.round(y * 100)

/**
 * "1,234.50": an amount's digits, grouped by hand, not with toLocaleString: the first Intl call of a
 * page loads ICU data, which a slow phone pays for on the friend's landing (issue 12, speed); weapp
 * engines may lack Intl too. policy-money's formatMoney writes it with the chain's sign (¥ or ₽).
 */
export function amountDigits(fen: Fen): string {
  const abs = Math.abs(fen)
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${whole}.${String(abs % 100).padStart(2, '0')}`
}

export const sumFen = (xs: readonly Fen[]): Fen => xs.reduce((a, b) => a + b, 0)
