/**
 * Who a WeChat user is, proven (issue 10): a verified phone or a one-time code shown in person binds
 * a WeChat user to a patient record; a typed phone alone never binds anything.
 */

/** A one-time code went out to the phone (locally: to this person's in-app messages). */
export interface PhoneCodeSent { maskedPhone: string; expiresAt: string; /** No new code before this. */ resendAfter: string }

/** One patient record on a verified phone: the phone's owner picks which one they are. */
export interface PhoneRecord {
  patientId: string
  name: string
  /** "1978" — tells a parent's record from a child's on the same phone. */
  birthYear?: string
  clinicName: string
  /** Already bound to this WeChat user. */
  yours: boolean
}

/** The caller proved this phone; the proof lasts until `validUntil` (server-side, never a token). */
export interface VerifiedPhone { maskedPhone: string; records: PhoneRecord[]; validUntil: string }

/** A patient found at the desk by record number, phone or phone tail; phone masked (C2). */
export interface PatientMatch { patientId: string; name: string; recordNo: string; maskedPhone: string; birthYear?: string; hasWeChat: boolean }

/** The desk's one-time binding code: the patient scans it in the mini-program (signed, short-lived, single use). */
export interface BindingCode { token: string; path: string; expiresAt: string; ttlSeconds: number; patientName: string }

/** R1, C2: the name a friend sees on a shared card or referral; the member chooses it. */
export interface PublicProfile { displayName: string; defaultDisplayName: string; referralCode: string }

export interface NewPatient { patientId: string; name: string; recordNo: string }

/** M1–M3 as the chain sets them, for a guest's home (issue 14: numbers from the policy, not the code). */
export interface GuestProgramme { annualFeeFen: number; annualMonths: number; discountBp: number; lifetimeThresholdFen: number; familyMax: number }

/** The caller, proven (identity.whoami), with the chain's display settings; a guest also gets the programme. */
export interface WhoAmI { openid: string; persona: import('./contract').Persona; chain: import('../domain/chain-settings').ChainSettings; programme?: GuestProgramme }
