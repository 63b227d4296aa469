/**
 * Proving a phone (issue 10): a 6-digit one-time code, valid 5 minutes, 5 tries, one send a minute
 * and 5 an hour per WeChat user; a verified phone stays usable for binding for 10 minutes.
 * Pure rules: the use case keeps the state in one document per WeChat user.
 */
export const CODE_TTL_SECONDS = 5 * 60
export const RESEND_SECONDS = 60
export const MAX_TRIES = 5
export const MAX_SENDS_PER_HOUR = 5
export const PROOF_TTL_SECONDS = 10 * 60

export interface PhoneCodeState {
  phone?: string
  /** Hash of the code (never the code itself). */
  codeHash?: string
  sentAt?: string
  expiresAt?: string
  tries: number
  /** Sends in the hour starting at `hourFrom`. */
  hourFrom?: string
  sendsThisHour: number
  verifiedPhone?: string
  verifiedUntil?: string
}

export const EMPTY_STATE: PhoneCodeState = { tries: 0, sendsThisHour: 0 }

/** Mainland mobile numbers: 11 digits starting with 1; "+86 139 1234 5678" is accepted. */
export function normalizePhone(input: string): string | null {
  let d = input.replace(/[\s-]/g, '')
  if (d.startsWith('+86')) d = d.slice(3)
  else if (d.startsWith('0086')) d = d.slice(4)
  return /^1[3-9]\d{9}$/.test(d) ? d : null
}

export type SendVerdict = { ok: true; state: PhoneCodeState } | { ok: false; reason: 'too_soon' | 'hourly_cap' }

export function planSend(s: PhoneCodeState, phone: string, codeHash: string, now: Date): SendVerdict {
  const t = now.getTime()
  if (s.sentAt && t - Date.parse(s.sentAt) < RESEND_SECONDS * 1000) return { ok: false, reason: 'too_soon' }
  const sameHour = s.hourFrom !== undefined && t - Date.parse(s.hourFrom) < 3600_000
  const sends = sameHour ? s.sendsThisHour : 0
  if (sends >= MAX_SENDS_PER_HOUR) return { ok: false, reason: 'hourly_cap' }
  return {
    ok: true,
    state: {
      ...s, phone, codeHash, sentAt: now.toISOString(), expiresAt: new Date(t + CODE_TTL_SECONDS * 1000).toISOString(), tries: 0,
      hourFrom: sameHour ? s.hourFrom : now.toISOString(), sendsThisHour: sends + 1,
    },
  }
}

export type CheckVerdict =
  | { ok: true; state: PhoneCodeState }
  | { ok: false; reason: 'no_code' | 'expired' | 'locked' | 'wrong'; state: PhoneCodeState }

/** A wrong try counts; the right code spends the code and leaves a verified phone for 10 minutes. */
export function checkCode(s: PhoneCodeState, phone: string, codeHash: string, now: Date): CheckVerdict {
  if (!s.codeHash || !s.expiresAt || s.phone !== phone) return { ok: false, reason: 'no_code', state: s }
  if (now.getTime() > Date.parse(s.expiresAt)) return { ok: false, reason: 'expired', state: s }
  if (s.tries >= MAX_TRIES) return { ok: false, reason: 'locked', state: s }
  if (s.codeHash !== codeHash) return { ok: false, reason: 'wrong', state: { ...s, tries: s.tries + 1 } }
  return { ok: true, state: verified({ ...s, codeHash: undefined, expiresAt: undefined, tries: 0 }, phone, now) }
}

export const verified = (s: PhoneCodeState, phone: string, now: Date): PhoneCodeState =>
  ({ ...s, verifiedPhone: phone, verifiedUntil: new Date(now.getTime() + PROOF_TTL_SECONDS * 1000).toISOString() })

/** The phone this person proved, if the proof is still fresh. */
export const provenPhone = (s: PhoneCodeState | null, now: Date): string | null =>
  s?.verifiedPhone && s.verifiedUntil && now.getTime() <= Date.parse(s.verifiedUntil) ? s.verifiedPhone : null
