/**
 * R1, C2: each patient's personal referral code. Record numbers are sequential, so sharing them let
 * anyone walk the patient list; this code is random, 8 characters from an alphabet with no look-alikes
 * (no 0/O, 1/I/L), about 39 bits — guessing one is hopeless at the rate lookups are allowed.
 */
export const REFERRAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const REFERRAL_CODE_LENGTH = 8

/** Maps random bytes (at least 8) onto the alphabet; rejection sampling keeps every character equally likely. */
export function referralCodeFrom(bytes: Uint8Array): string | null {
  const n = REFERRAL_CODE_ALPHABET.length
  const limit = 256 - (256 % n)
  let out = ''
  for (const b of bytes) {
    if (b >= limit) continue
    out += REFERRAL_CODE_ALPHABET[b % n]
    if (out.length === REFERRAL_CODE_LENGTH) return out
  }
  return null
}

/** Upper-cases and drops spaces and dashes, as people read codes aloud or copy them. */
export const normalizeReferralCode = (s: string): string => s.toUpperCase().replace(/[\s-]/g, '')

export const isReferralCode = (s: string): boolean =>
  s.length === REFERRAL_CODE_LENGTH && [...s].every((c) => REFERRAL_CODE_ALPHABET.includes(c))
