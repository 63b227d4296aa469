/** Persisted document shapes (collection → type). Instants are ISO strings in UTC. */
import type { BillItem, BillResult } from '../../src/domain/bill/engine'
import type { MethodTotal, PaymentMethod } from '../../src/domain/bill/payment'
import type { MemberStanding } from '../../src/domain/membership/tier'
import type { Line, StaffRole } from '../../src/api/contract'
import type { TemplateKey } from '../../src/domain/notify/messages'
import type { EventKind } from '../../src/domain/events/calendar'
import type { OpeningHours, TimeOfDay } from '../../src/domain/appointments/hours'
import type { AppointmentStatus } from '../../src/domain/appointments/status'

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
  /** R8 running totals per patient referrer (issue 14), kept in the referral's money transaction. */
  referrerTotals: 'referrerTotals',
  /** F7 running totals of the friend-card programme (issue 14), in a few shards `shard<N>` so card writes rarely collide. */
  cardTotals: 'cardTotals',
  /** F7: the cards a patient claimed as the friend (`_id` = patientId), so a bill's transaction finds them by id. */
  cardFriends: 'cardFriends',
  refunds: 'refunds',
  /** Issue 13: a clinic's closed business day, `<clinicId>:<day>` — the totals as the receptionist closed them. */
  dayCloses: 'dayCloses',
  /** N1: the daily job's state (window, step, cursor, lease) so a stopped run resumes. */
  jobs: 'jobs',
  /** N2: next month's birthday gifts, `<YYYY-MM>:<patientId>`. */
  birthdayGifts: 'birthdayGifts',
  /** N4: member events and the replies to them (`<eventId>:<patientId>`). */
  events: 'events',
  eventRsvps: 'eventRsvps',
  /** Issue 12: appointment requests (预约申请), `apt_<requestId>`; staff of the clinic mark them by compare-and-set. */
  appointments: 'appointments',
  /** N3: the local channel's inbox, one document per delivered message. */
  inbox: 'inbox',
  /** Staff onboarding: one-time invitations (single use by `status`) and every staff change (who, when). */
  staffInvites: 'staffInvites',
  staffAudit: 'staffAudit',
  /** Phone proof per WeChat user (`_id` = OPENID): the pending code's hash, tries, the proven phone. */
  phoneChecks: 'phoneChecks',
  /** Fixed-window counters, `<action>:<caller>:<window start>`. */
  rateLimits: 'rateLimits',
  /** Desk binding codes: a random handle (what the signed code names) → the patient record. */
  bindCodes: 'bindCodes',
  /** R1: personal referral codes, `_id` = the code → the patient (unique by construction). */
  referralCodes: 'referralCodes',
  /** R6: one referral per person, `_id` = `pat:<patientId>` or `phone:<phone>`, written when a referral locks. */
  referralGuards: 'referralGuards',
  /** Patient imports (usecases/patient-import.ts): one record per run — who, when, file, counts. */
  imports: 'imports',
  /** S1: 18-digit short codes, `_id` = the code → the QR token issued with it, same expiry (usecases/short-codes.ts). */
  shortCodes: 'shortCodes',
  /** Issue 13: the chain's price list (收费项目), one document per item (usecases/pricelist.ts); retired items stay. */
  priceItems: 'priceItems',
  /** Issue 14: every stored policy, `_id` = its version number; never changed once written (usecases/policy-admin.ts). */
  policyVersions: 'policyVersions',
  /** Issue 14: a policy save's request id → the version it made (a retry answers that version). */
  policyRequests: 'policyRequests',
} as const

/** A WeChat identity (`_id` = OPENID) and what it is bound to. */
export interface UserDoc {
  _id: string; displayName: string; patientId?: string; staffId?: string; createdAt: string
  /** The phone this WeChat user proved (verified code or WeChat's number) and how it was bound. */
  verifiedPhone?: string; boundAt?: string; boundBy?: 'phone' | 'desk_code' | 'desk_registration'
  /** C2: the privacy notice version this WeChat user agreed to, and when (also in their consent log). */
  privacyAcceptedVersion?: string; privacyAcceptedAt?: string
}

export interface ClinicDoc {
  _id: string; chainId: string; name: string; city: string
  /** Issue 12: what a friend needs to come in (optional: a clinic created by the team page has none yet). Coordinates GCJ-02. */
  address?: string; phone?: string; hours?: OpeningHours[]; latitude?: number; longitude?: number
}

export interface StaffDoc {
  _id: string; name: string; role: StaffRole; clinicId: string; phone: string; active: boolean
  /** The WeChat user who joined with the invitation (usecases/team.ts); unset until then. */
  openid?: string; joinedAt?: string; createdAt?: string; invitedBy?: string
}

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
  /** R1, C2: the name friends see, chosen by the member (default: surname + *). */
  displayName?: string
  /** The last 4 digits of `phone`, for the desk's lookup (phoneFields() writes both). */
  phoneTail?: string
  /** R1: the personal, non-guessable code the member shares (see referralCodes). */
  referralCode?: string
  /** R6: when this patient's latest bill was confirmed (any bill, paid or covered); set by confirmBill's transaction. */
  lastBillAt?: string
  /** R7: the latest rating's sentiment and time, written with the rating (the desk's prompts read it here, not by a query). */
  lastRating?: Pick<RatingDoc, 'sentiment' | 'at'>
  /** Patient import: where the record came from, when it was last imported, and its historical paid spend
   *  (M6: included in cumulativeSpendFen; > 0 makes an existing patient for R6). */
  source?: 'import'
  importedAt?: string
  importedSpendFen?: number
  /** M1: the lifetime tier came from imported spend (a corrected re-import may undo it). */
  lifetimeFromImport?: boolean
  /** The last visit the previous system knew of (start of that day, clinic time). */
  lastVisitAt?: string
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
  /** R6: why a referral ended without paying (checked again when it would have locked). */
  voidReason?: string
  voidedAt?: string
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
  /** The bill's clinic (clinic scoping); older payouts take it from the bill. */
  clinicId?: string
  /** R9: every "mark paid" tap counts; a second one is refused and flagged. */
  markAttempts: number
}

/** N3: every message is recorded with a stable key and sent once. */
export type { OutboxMessage as OutboxDoc } from '../../src/domain/notify/messages'

/** N3: what the local channel delivered, shown in the H5 app's inbox for each persona. */
/** `phone_code`: a one-time phone code, which the local phone adapter delivers here in place of an SMS. */
export interface InboxDoc { _id: string; openid: string; template: TemplateKey | 'phone_code'; title: Line; body: Line; page: string; at: string }

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
  /** The clinic whose staff work its door (clinic scoping); older events take the creator's clinic. */
  clinicId?: string
}
export interface EventRsvpDoc { _id: string; eventId: string; patientId: string; answer: 'yes' | 'no'; guests: number; at: string; checkedInAt?: string; checkedInBy?: string }

/** Issue 12: an appointment request; `version` is the compare-and-set token of every status change. */
export interface AppointmentDoc {
  _id: string; requestId: string; openid: string; clinicId: string; preferredDate: string; timeOfDay: TimeOfDay
  name: string; patientId?: string; recordNo?: string; via: 'patient' | 'friend_card' | 'coupon'
  phone: string; phoneSource: 'verified' | 'record' | 'typed'; note?: string
  status: AppointmentStatus; version: number; createdAt: string; updatedAt: string
  /** Who changed it last, and every change (who, when, to what). */
  handledBy?: string; handledByName?: string; log: Array<{ at: string; by: string; status: AppointmentStatus }>
  /** C2: the staff member who last revealed the full number to call it, and when. */
  dialedBy?: string; dialedAt?: string
}

export interface RatingDoc { _id: string; patientId: string; score: number; sentiment: 'promoter' | 'passive' | 'detractor'; comment?: string; at: string }
export interface TaskDoc {
  _id: string; kind: 'follow_up'; patientId: string; billId: string; score: number; comment?: string; status: 'open' | 'done'; createdAt: string; closedAt?: string; note?: string; closedBy?: string
  /** The rated bill's clinic (clinic scoping); older tasks take it from the bill. */
  clinicId?: string
}
export interface PartnerDoc { _id: string; openid: string; code: string; name: string; phone: string; consultantStaffId: string; createdAt: string }

export interface RefundDoc {
  _id: string; billId: string; patientId: string; amountFen: number; reason: string; at: string; staffId: string; tierAfter: PatientDoc['tier']; cumulativeSpendAfterFen: number
  /** Issue 13: the line refunded (absent: the bill as a whole); the bill's clinic, the business day and how the money goes back. */
  lineIndex?: number; clinicId?: string; day?: string; paymentMethod?: PaymentMethod
}

export interface DayCloseDoc {
  _id: string; clinicId: string; day: string; closedAt: string; closedBy: string; requestId: string
  bills: number; paidFen: number; refundedFen: number; byMethod: MethodTotal[]
}

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
  /** Issue 13: the receipt number people read and type (`YYYYMMDD-NNNNNN`), and how the money was paid (recorded only). */
  billNo?: string
  paymentMethod?: PaymentMethod
  /** Money refunded per line so far (line refunds, M6). */
  lineRefundsFen?: number[]
  /** The card's and the paying bonus account's balances after this bill (a retry answers them too). */
  cardBalanceAfterFen?: number
  bonusBalanceAfterFen?: number
  /** M6: money returned so far; at most `paidFen`. */
  refundedFen?: number
  /** R5, M4: stored value spent without the payer's own member code in this visit (weekly audit, R9). */
  storedValueOverride?: { reason: string; staffId: string }
}

export type { FriendCard as FriendCardDoc } from '../../src/domain/friendcard/card'

/** N3, C2: one-time subscribe-message consents a user gave, counted per template, spent per message. */
export interface ConsentDoc {
  _id: string; counts: Record<string, number>
  /** N3 grants (`template` = the message kind) and C2 privacy-notice acceptances (`template` = 'privacy_notice', with `version`). */
  log: Array<{ at: string; template: string; source: string; version?: string }>
}

/** S1: a short code (`_id`, 18 digits) and the token it stands for (kind M, F or C), until `expiresAt`. */
export interface ShortCodeDoc { _id: string; kind: string; token: string; expiresAt: string; createdAt: string }
