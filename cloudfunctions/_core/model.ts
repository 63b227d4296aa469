/** Persisted document shapes (collection → type). Instants are ISO strings in UTC. */
import type { BillItem, BillResult } from '../../src/domain/bill/engine'
import type { MemberStanding } from '../../src/domain/membership/tier'
import type { Line, StaffRole } from '../../src/api/contract'
import type { TemplateKey } from '../../src/domain/notify/messages'
import type { EventKind } from '../../src/domain/events/calendar'

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
  coupons: 'coupons',
  payouts: 'payouts',
  outbox: 'outbox',
  ratings: 'ratings',
  tasks: 'tasks',
  partners: 'partners',
  familyInvites: 'familyInvites',
  balanceRequests: 'balanceRequests',
  referrals: 'referrals',
  refunds: 'refunds',
  /** N1: the daily job's state (window, step, cursor, lease) so a stopped run resumes. */
  jobs: 'jobs',
  /** N2: next month's birthday gifts, `<YYYY-MM>:<patientId>`. */
  birthdayGifts: 'birthdayGifts',
  /** N4: member events and the replies to them (`<eventId>:<patientId>`). */
  events: 'events',
  eventRsvps: 'eventRsvps',
  /** N3: the local channel's inbox, one document per delivered message. */
  inbox: 'inbox',
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
  /** N1, N2: "MM-DD" of `birthday`, the field the daily job queries (see domain/notify/birthday.ts). */
  birthdayMd?: string
}

/** M3: an invitation a lifetime member shares in a chat; the invitee accepts it. */
export interface FamilyInviteDoc { _id: string; ownerId: string; createdAt: string; expiresAt: string; status: 'open' | 'used'; usedBy?: string }

/** M4: a family member's request to pay from the owner's balance; single use once approved. */
export interface BalanceRequestDoc {
  _id: string; ownerId: string; memberId: string; amountFen: number
  status: 'pending' | 'approved' | 'declined' | 'used'; createdAt: string; decidedAt?: string; usedBy?: string
}

/**
 * R6: who referred this friend; the first valid claim wins and is locked at the first payment.
 * `_id` is `ref_wx_<openid>` for a claim in WeChat, `ref_pat_<patientId>` for one made at reception.
 */
export interface ReferralDoc {
  _id: string
  /** A patient referrer, or a partner (R10) — exactly one is set. */
  referrerPatientId?: string
  partnerId?: string
  friendOpenid?: string
  friendPatientId?: string
  friendPhone?: string
  /** A device hint from the claim, for the weekly audit (R9). */
  device?: string
  source: 'named_member' | 'coupon' | 'code'
  at: string
  status: 'pending' | 'locked' | 'void'
  lockedAt?: string
  firstPaidAt?: string
  firstBillId?: string
  /** R3 progress: the 1% share credited so far (net of clawbacks), fixed reward done. */
  sharedFen: number
  fixedRewarded: boolean
  /** R8: money the friend paid while referred. */
  revenueFen: number
  policyVersion: number
}

/** R2: the friend's first-visit coupon. */
export interface CouponDoc {
  _id: string; referralId: string; referrerPatientId?: string; partnerId?: string; friendOpenid: string
  discountFen: number; gift: string; issuedAt: string; expiresAt: string; status: 'active' | 'used' | 'void' | 'expired'; usedBillId?: string; policyVersion: number
}

/** R3: the external payout (phone top-up, seed 003) or a partner's commission (R10), due until marked paid. */
export interface PayoutDoc {
  _id: string; referralId: string; referrerPatientId?: string; partnerId?: string; billId: string; amountFen: number
  status: 'due' | 'paid' | 'void'; createdAt: string; day: string; method?: string; reference?: string; paidAt?: string; paidBy?: string
  /** R9: every "mark paid" tap counts; a second one is refused and flagged. */
  markAttempts: number
}

/** N3: every message is recorded with a stable key and sent once. */
export type { OutboxMessage as OutboxDoc } from '../../src/domain/notify/messages'

/** N3: what the local channel delivered, shown in the H5 app's inbox for each persona. */
export interface InboxDoc { _id: string; openid: string; template: TemplateKey; title: Line; body: Line; page: string; at: string }

/** N2: one member's birthday gift for a month, ticked off by staff. */
export interface BirthdayGiftDoc {
  _id: string; month: string; patientId: string; name: string; phone: string; clinicId: string; birthday: string
  spend12mFen: number; budgetFen: number; status: 'todo' | 'bought' | 'delivered'; createdAt: string
  boughtAt?: string; boughtBy?: string; deliveredAt?: string; deliveredBy?: string
}

/** N4: a member event; `inviteAt` is when the daily job sends the invitations; `going` counts people. */
export interface EventDoc {
  _id: string; kind: EventKind; date: string; place: string; capacity: number; inviteOn: string; inviteAt: string
  going: number; createdAt: string; createdBy: string
}
export interface EventRsvpDoc { _id: string; eventId: string; patientId: string; answer: 'yes' | 'no'; guests: number; at: string; checkedInAt?: string; checkedInBy?: string }

export interface RatingDoc { _id: string; patientId: string; score: number; sentiment: 'promoter' | 'passive' | 'detractor'; comment?: string; at: string }
export interface TaskDoc { _id: string; kind: 'follow_up'; patientId: string; billId: string; score: number; comment?: string; status: 'open' | 'done'; createdAt: string; closedAt?: string; note?: string; closedBy?: string }
export interface PartnerDoc { _id: string; openid: string; code: string; name: string; phone: string; consultantStaffId: string; createdAt: string }

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
  /** R2, R3: the referral this bill counted for, the coupon it used and the rewards it earned. */
  referralId?: string
  couponId?: string
  referralShareFen?: number
  referralFixedFen?: number
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
