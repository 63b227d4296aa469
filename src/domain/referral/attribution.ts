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

/**
 * R6 again when the referral locks (the friend's first payment), with the facts of that moment:
 * whoever the friend has become since the claim — joined the referrer's family, bound a second
 * WeChat, turned out to be an existing patient — a referral that would not be valid now pays nothing.
 */
export interface LockFriend {
  patientId: string
  familyHead: string
  /** The record's phone and every phone the friend's WeChat users proved. */
  phones: string[]
  openids: string[]
  /** A paid bill or an imported history before this one. */
  hadPaidBefore: boolean
}

export type LockReferrer =
  | { kind: 'patient'; patientId: string; familyHead: string; phone: string }
  | { kind: 'partner'; openid: string; phone: string }

export interface LockPrior {
  /** This person (by record or by any of their phones) already has another locked referral. */
  lockedElsewhere: boolean
}

export function assertCanLock(friend: LockFriend, referrer: LockReferrer, prior: LockPrior): void {
  if (referrer.kind === 'partner') {
    // R10: a partner never earns on their own bills.
    if (friend.openids.includes(referrer.openid) || friend.phones.includes(referrer.phone)) throw new DomainError('REFERRAL_SELF')
  } else {
    if (friend.patientId === referrer.patientId || friend.phones.includes(referrer.phone)) throw new DomainError('REFERRAL_SELF')
    if (friend.familyHead === referrer.familyHead) throw new DomainError('REFERRAL_FAMILY')
  }
  if (friend.hadPaidBefore) throw new DomainError('REFERRAL_EXISTING_PATIENT')
  if (prior.lockedElsewhere) throw new DomainError('REFERRAL_DUPLICATE')
}

/** The guard documents that make "one person is referred once" hold across documents (R6). */
export const lockGuardIds = (friend: Pick<LockFriend, 'patientId' | 'phones'>): string[] =>
  [`pat:${friend.patientId}`, ...[...new Set(friend.phones)].map((p) => `phone:${p}`)]
