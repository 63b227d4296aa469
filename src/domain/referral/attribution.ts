/**
 * R6: one referrer per friend; the first valid claim wins and is locked at the friend's first
 * payment. Only new patients can be referred; self-referral and referral inside one family are
 * refused; duplicates are caught by phone and by WeChat identity.
 */
import { DomainError } from '../errors'

export interface Referrer { patientId: string; phone: string; familyHead: string; openids: string[] }

export interface Friend {
  openid?: string
  patientId?: string
  phone?: string
  familyHead?: string
  /** Any earlier payment anywhere in the chain makes an existing patient. */
  hasPaid: boolean
}

export interface PriorClaims {
  /** A referral already recorded for this friend (by WeChat identity or patient record). */
  existing: boolean
  /** Another friend already referred with this phone number. */
  phoneSeen: boolean
}

export function assertCanBeReferred(referrer: Referrer, friend: Friend, prior: PriorClaims): void {
  if ((friend.patientId && friend.patientId === referrer.patientId) || (friend.openid && referrer.openids.includes(friend.openid)) || (friend.phone && friend.phone === referrer.phone)) {
    throw new DomainError('REFERRAL_SELF')
  }
  if (friend.familyHead && friend.familyHead === referrer.familyHead) throw new DomainError('REFERRAL_FAMILY')
  if (friend.hasPaid) throw new DomainError('REFERRAL_EXISTING_PATIENT')
  if (prior.existing) throw new DomainError('REFERRAL_TAKEN')
  if (prior.phoneSeen) throw new DomainError('REFERRAL_DUPLICATE')
}
