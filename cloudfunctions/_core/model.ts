/** Persisted document shapes (collection → type). Instants are ISO strings in UTC. */
import type { BillItem, BillResult } from '../../src/domain/bill/engine'
import type { MemberStanding } from '../../src/domain/membership/tier'
import type { StaffRole } from '../../src/api/contract'

export const C = {
  users: 'users',
  clinics: 'clinics',
  staff: 'staff',
  patients: 'patients',
  accounts: 'accounts',
  ledger: 'ledger',
  bills: 'bills',
  policies: 'policies',
  friendCards: 'friendCards',
  consents: 'consents',
  /** Per-member yearly quotas (F1), counters (record numbers), single-use codes (S1). */
  quotas: 'quotas',
  counters: 'counters',
  usedCodes: 'usedCodes',
  familyInvites: 'familyInvites',
  balanceRequests: 'balanceRequests',
  referrals: 'referrals',
  refunds: 'refunds',
} as const

/** A WeChat identity (`_id` = OPENID) and what it is bound to. */
export interface UserDoc { _id: string; displayName: string; patientId?: string; staffId?: string; createdAt: string }

export interface ClinicDoc { _id: string; chainId: string; name: string; city: string }

export interface StaffDoc { _id: string; name: string; role: StaffRole; clinicId: string; phone: string; active: boolean }

export interface PatientDoc extends MemberStanding {
  _id: string
  /** 病历号, also the default personal referral code (R1). */
  recordNo: string
  name: string
  phone: string
  birthday?: string
  clinicId: string
  createdAt: string
  /** M4: family members the owner lets pay from the owner's balance without asking each time. */
  standingConsent?: string[]
  /** M3: when this member was bound to the family owner. */
  familySince?: string
}

/** M3: an invitation a lifetime member shares in a chat; the invitee accepts it. */
export interface FamilyInviteDoc { _id: string; ownerId: string; createdAt: string; expiresAt: string; status: 'open' | 'used'; usedBy?: string }

/** M4: a family member's request to pay from the owner's balance; single use once approved. */
export interface BalanceRequestDoc {
  _id: string; ownerId: string; memberId: string; amountFen: number
  status: 'pending' | 'approved' | 'declined' | 'used'; createdAt: string; decidedAt?: string; usedBy?: string
}

/** R6: who referred this patient; the first valid claim wins and is locked at the first payment. */
export interface ReferralDoc { _id: string; friendPatientId: string; referrerPatientId: string; source: 'named_member' | 'coupon' | 'code'; at: string; lockedAt?: string; billId?: string }

export interface RefundDoc { _id: string; billId: string; patientId: string; amountFen: number; reason: string; at: string; staffId: string; tierAfter: PatientDoc['tier']; cumulativeSpendAfterFen: number }

export interface BillDoc {
  _id: string
  requestId: string
  /** Hash of what was confirmed; the same requestId with other content is refused. */
  fingerprint: string
  /** F4, F7: the friend card that paid part of it. */
  friendCardId?: string
  /** M5: the member the payer named for the discount. */
  namedMemberId?: string
  patientId: string
  staffId: string
  clinicId: string
  items: BillItem[]
  result: BillResult
  paidFen: number
  at: string
  /** Business date in the clinic's zone, for the end-of-day sheets. */
  day: string
  tierAfter: PatientDoc['tier']
  cumulativeSpendAfterFen: number
  /** M6: money returned so far; at most `paidFen`. */
  refundedFen?: number
}

export type { FriendCard as FriendCardDoc } from '../../src/domain/friendcard/card'

/** N3, C2: one-time subscribe-message consents a user gave, counted per template, spent per message. */
export interface ConsentDoc { _id: string; counts: Record<string, number>; log: Array<{ at: string; template: string; source: string }> }
