/**
 * S1: the short numeric code shown under a QR (member, friend card and coupon codes), like WeChat
 * Pay's payment code: 18 digits, 17 random ones and a check digit, shown in groups of 4-4-4-4-2.
 *
 * The check digit is Damm's (a quasigroup of order 10): it catches every single mistyped digit and
 * every swap of two neighbouring digits, so a typo is refused at the desk before anything is
 * looked up. The random digits come from the server's crypto source (usecases/short-codes.ts);
 * these rules are pure.
 */

export const SHORT_CODE_LENGTH = 18
export const SHORT_CODE_RANDOM_DIGITS = SHORT_CODE_LENGTH - 1
const GROUPS = [4, 4, 4, 4, 2] as const

/** Damm's totally anti-symmetric quasigroup table of order 10. */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const

function dammInterim(digits: string): number {
  let interim = 0
  for (const ch of digits) interim = DAMM[interim][ch.charCodeAt(0) - 48]
  return interim
}

/** The Damm check digit of a string of digits. */
export function checkDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error('checkDigit takes digits only')
  return String(dammInterim(digits))
}

/** A full code from its 17 random digits: those digits and their check digit. */
export function shortCodeFrom(randomDigits: string): string {
  if (!new RegExp(`^\\d{${SHORT_CODE_RANDOM_DIGITS}}$`).test(randomDigits)) throw new Error(`a short code takes ${SHORT_CODE_RANDOM_DIGITS} random digits`)
  return randomDigits + checkDigit(randomDigits)
}

/** True when the digits end in their own check digit (Damm: the whole string folds to 0). */
export function hasValidCheckDigit(digits: string): boolean {
  return /^\d+$/.test(digits) && dammInterim(digits) === 0
}

/** For people: `1234 5678 9012 3456 78`. */
export function groupShortCode(code: string): string {
  const out: string[] = []
  let at = 0
  for (const size of GROUPS) {
    if (at >= code.length) break
    out.push(code.slice(at, at + size))
    at += size
  }
  if (at < code.length) out.push(code.slice(at))
  return out.join(' ')
}

/**
 * What the desk typed or scanned, read as a short code:
 * - `code`: 18 digits (spaces or hyphens between them allowed) whose check digit holds;
 * - `mistyped`: 18 digits whose check digit fails, or digits typed in groups that are not 18 long
 *   (someone typing a grouped code who missed or doubled a digit);
 * - `other`: anything else (a QR token, a record number), for the other readers.
 */
export type ShortCodeReading = { kind: 'code'; code: string } | { kind: 'mistyped' } | { kind: 'other' }

export function readShortCode(input: string): ShortCodeReading {
  const text = input.trim()
  if (!/^[\d\s-]+$/.test(text)) return { kind: 'other' }
  const digits = text.replace(/[\s-]/g, '')
  if (digits.length === SHORT_CODE_LENGTH) return hasValidCheckDigit(digits) ? { kind: 'code', code: digits } : { kind: 'mistyped' }
  const grouped = /\d[\s-]+\d/.test(text)
  return grouped && digits.length >= SHORT_CODE_LENGTH - 3 && digits.length <= SHORT_CODE_LENGTH + 3 ? { kind: 'mistyped' } : { kind: 'other' }
}
