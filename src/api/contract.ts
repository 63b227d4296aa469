/**
 * The contract between the mini-program and the cloud functions: for each function, its actions,
 * what each takes and what it returns. The client service module and the handlers both use it.
 * Every call returns `Result<T>`; money is integer fen, instants are ISO strings (UTC).
 */
import type { BillItem, BillResult } from '../domain/bill/engine'
import type { Tier } from '../domain/membership/tier'
import type { ErrorCode, ErrorMessage } from '../domain/errors'
import type { EntryKind } from '../domain/ledger'
import type { PaymentMethod } from '../domain/bill/payment'
import type { CatalogueLine } from '../domain/pricelist/resolve'
import type { BillQuery, BillSummary, ClosedDay, DaySheet as DaySheetOfClinic, Receipt } from './bills'
import type {
  AuditReport, CouponView, DaySheet, FollowUpTask, LeaderRow, MyReferrals, PartnerView, PayoutView, PosterCodeImage, Prompt, RatingResult, ReferralOffer, ScannedCoupon,
} from './referral'
import type { OutboxStatus, TemplateKey } from '../domain/notify/messages'
import type { EventKind } from '../domain/events/calendar'
import type { BindingCode, NewPatient, PatientMatch, PhoneCodeSent, PublicProfile, VerifiedPhone, WhoAmI } from './identity'
export type * from './identity'
import type { TeamApi } from './team'
export type * from './team'
import type { RecordsApi } from './records'
import type { PolicyApi } from './policy'
import type { DashboardApi } from './dashboard'
export type * from './dashboard'
export type * from './policy'
export type * from './records'
import type { PriceListApi } from './pricelist'
export type * from './pricelist'
import type { PrivacyApi } from './privacy'
export type * from './privacy'
import type { ClinicApi } from './clinic'
export type * from './clinic'
import type { CardCode, CardOffer, CardReminderView, CardShare, CardState, CardSummary, IssuedCard, MyCards, ScannedCard } from './friendcard'
export type * from './friendcard'
import type { Attendee, BirthdayGift, BirthdayList, ConsentCounts, EventPlan, InboxItem, MemberEvent, OutboxReport } from './messages'
export type * from './messages'
import type { AccountHistory } from './member'
export type * from './member'
import type { MemberBadge } from '../domain/membership/badge'

export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: ErrorMessage; details?: Record<string, unknown> } }

export type StaffRole = 'receptionist' | 'consultant' | 'doctor' | 'director' | 'admin'

export type Persona =
  | { kind: 'staff'; staffId: string; name: string; role: StaffRole; clinicId: string }
  | { kind: 'patient'; patientId: string; name: string }
  | { kind: 'guest' }

export interface LedgerLine { id: string; kind: EntryKind; amountFen: number; balanceAfterFen: number; at: string; memo?: string; /** Q1: a payment links to its bill, which the patient may rate. */ billId?: string }

export interface MemberHome {
  patientId: string
  name: string
  recordNo: string
  tier: Tier
  annualUntil?: string
  cumulativeSpendFen: number
  lifetimeThresholdFen: number
  /** 0..1 towards the lifetime threshold (M1). */
  progress: number
  discountBp: number
  hasMemberDiscount: boolean
  familyOwnerName?: string
  bonusBalanceFen: number
  /** M1, M3: the badge on the member card (家庭会员 for a bound family member). */
  badge: MemberBadge
  /** C2: the member's own phone, masked, for 我的. */
  maskedPhone: string
  /** M6: paid spend, its running total the cumulative spend. */
  spend: AccountHistory
  /** R5: the bonus account, its running total the bonus balance. */
  bonus: AccountHistory
  /** Both accounts' lines merged, newest first. Prefer `spend` and `bonus`: a merged balance column reads wrong. */
  ledger: LedgerLine[]
}

/** S1: the signed token (the QR) and its 18-digit short code (typed or read as a barcode), same expiry. */
export interface MemberCode { token: string; shortCode: string; expiresAt: string; ttlSeconds: number }

/** What reception sees after a scan (S1); phone masked (C2). */
export interface ScannedPatient {
  patientId: string
  name: string
  recordNo: string
  maskedPhone: string
  tier: Tier
  discount: 'member' | 'family' | null
  bonusBalanceFen: number
  cumulativeSpendFen: number
  /** R7: what staff are prompted to ask or offer. */
  prompts?: Prompt[]
  /** R5, M4: present when the patient showed their own member code: lets this desk spend their stored value. */
  payerTicket?: string
}

/** A bill line as the desk sends it (issue 13; M2, F4): a price list item, or free text (name, category, amount) by the director or admin. */
export type BillLineInput = CatalogueLine | BillItem

export interface BillRequest {
  patientId: string
  /** Price list items (`{ itemId, quantity? }`: the catalogue decides name, price and category) or, for the director and admin only, free text. */
  items: BillLineInput[]
  useBonusFen?: number
  /** F4: the ticket reception got by scanning a friend card; the card pays eligible items. */
  friendCardTicket?: string
  /** M5: a non-member names a member (record number) at payment and gets the member discount. */
  namedMemberCode?: string
  /** M4: a family member pays from the owner's balance, with the owner's consent. */
  useOwnerBalanceFen?: number
  /** M4: the approved request, when the owner has not given a standing permission. */
  ownerConsentId?: string
  /** R2: the ticket reception got by scanning a first-visit coupon. */
  couponTicket?: string
  /** R2: or the referrer's code the friend names at reception, which works the same as a coupon. */
  referrerCode?: string
  /** R5, M4: the ticket from scanning the payer's member code in this visit; needed to spend bonus or the owner's balance. */
  payerTicket?: string
  /** R5, M4: or a staff override with a reason (listed in the weekly audit). */
  storedValueOverride?: string
}
export interface ConfirmBillRequest extends BillRequest {
  /** Client-made id of this confirmation: a retry or double tap sends the same one (S3). */
  requestId: string
  /** The amount staff saw; if the bill would now differ, it is refused (BILL_CHANGED). */
  expectedDueFen: number
  /** Issue 13 item 7: the preview's quote; if what would be charged differs now, refused (QUOTE_CHANGED). */
  quoteId?: string
  /** How the patient paid: recorded for the day close, not processed (issue 13). */
  paymentMethod?: PaymentMethod
}
export interface ConfirmedBill {
  billId: string
  result: BillResult
  paidFen: number
  tierAfter: Tier
  cumulativeSpendAfterFen: number
  /** true when this was a retry of a bill already confirmed: nothing was charged again. */
  replayed: boolean
  /** F4: the friend card's balance after this bill, when a card paid (the desk derives nothing). */
  cardBalanceAfterFen?: number
  /** R5, M4: the balance of the bonus account that paid, after this bill. */
  bonusBalanceAfterFen?: number
  /** R7, F1, Q1: what to say to the patient now that they have paid (not on a retry). */
  prompts?: Prompt[]
}

export type ScanResult = ({ kind: 'patient' } & ScannedPatient) | ({ kind: 'friend_card' } & ScannedCard) | ({ kind: 'coupon' } & ScannedCoupon)

// ---- Membership and family (M1–M7) ----

export interface FamilyMember { patientId: string; name: string; boundSince?: string; standingConsent: boolean }
export interface Family {
  owner: { patientId: string; name: string } | null
  members: FamilyMember[]
  max: number
  /** M4: requests waiting for the owner's decision. */
  pending: BalanceRequest[]
}
export interface FamilyInvite { token: string; path: string; title: string; expiresAt: string }
export interface InvitationView { ownerDisplayName: string; expiresAt: string; state: 'open' | 'used' | 'expired' | 'own' | 'not_patient' | 'already_bound' }
export interface BalanceRequest { requestId: string; memberPatientId: string; memberName: string; amountFen: number; status: 'pending' | 'approved' | 'declined' | 'used'; createdAt: string }
export interface RefundResult { refundId: string; billId: string; amountFen: number; tierAfter: Tier; cumulativeSpendAfterFen: number; replayed: boolean }
export interface MembershipReminderView { key: string; patientId: string; name: string; annualUntil: string; daysLeft: number }

// ---- Referral (R1–R10, Q1): src/api/referral.ts ----

export * from './referral'

export interface Api {
  identity: {
    whoami: { in: Record<string, never>; out: WhoAmI } // issue 14: the chain's currency and zone (services/chain.ts)
    /** A one-time code to the phone (SMS; locally the person's messages and the server log). */
    sendPhoneCode: { in: { phone: string }; out: PhoneCodeSent }
    verifyPhone: { in: { phone: string; code: string }; out: VerifiedPhone }
    /** weapp: the `getPhoneNumber` button's code, exchanged through wx-server-sdk. */
    verifyWeChatPhone: { in: { wxCode: string }; out: VerifiedPhone }
    /** Binds the caller to one record on the phone they just verified. */
    bindVerified: { in: { patientId: string }; out: { persona: Persona } }
    /** Binds the caller to the record whose one-time code the desk showed. */
    bindByDeskCode: { in: { token: string }; out: { persona: Persona } }
    profile: { in: Record<string, never>; out: PublicProfile }
    setDisplayName: { in: { displayName: string }; out: PublicProfile }
  }
  member: {
    home: { in: Record<string, never>; out: MemberHome }
    code: { in: Record<string, never>; out: MemberCode }
  }
  friendcard: {
    issue: { in: { patientId: string; treatmentConfirmed: boolean; requestId: string }; out: IssuedCard }
    mine: { in: Record<string, never>; out: MyCards }
    share: { in: { cardId: string }; out: CardShare }
    offer: { in: { token: string }; out: CardOffer }
    claim: { in: { token: string; acceptReminders?: boolean }; out: CardOffer }
    code: { in: { cardId: string }; out: CardCode }
    register: { in: { ticket: string; name?: string; phone?: string; birthday?: string }; out: ScannedCard }
    revoke: { in: { cardId: string; reason: string }; out: { cardId: string; state: CardState } }
    summary: { in: { before?: string }; out: CardSummary }
    reminders: { in: Record<string, never>; out: CardReminderView[] }
  }
  family: {
    get: { in: Record<string, never>; out: Family }
    invite: { in: Record<string, never>; out: FamilyInvite }
    invitation: { in: { token: string }; out: InvitationView }
    accept: { in: { token: string }; out: Family }
    unbind: { in: { patientId: string }; out: Family }
    setStanding: { in: { patientId: string; allowed: boolean }; out: Family }
    decide: { in: { requestId: string; approve: boolean }; out: Family }
  }
  membership: {
    reminders: { in: Record<string, never>; out: MembershipReminderView[] }
    /** N2: a month's birthday gift list (default: next month). */
    birthdays: { in: { month?: string }; out: BirthdayList }
    markGift: { in: { month: string; patientId: string; step: 'bought' | 'delivered' }; out: BirthdayGift }
  }
  notify: {
    /** N3: consents the person just gave in WeChat's subscribe dialog (or the H5 checkbox). */
    subscribe: { in: { templates: TemplateKey[]; source: string }; out: ConsentCounts }
    consents: { in: Record<string, never>; out: ConsentCounts }
    inbox: { in: Record<string, never>; out: InboxItem[] }
    outbox: { in: { status?: OutboxStatus }; out: OutboxReport }
  }
  events: {
    plan: { in: { year?: number }; out: EventPlan }
    /** The event belongs to a clinic: the creator's own, or one an admin names. */
    create: { in: { kind: EventKind; date: string; place: string; capacity: number; clinicId?: string }; out: MemberEvent }
    list: { in: Record<string, never>; out: MemberEvent[] }
    rsvp: { in: { eventId: string; attending: boolean; guests?: number }; out: MemberEvent }
    attendees: { in: { eventId: string }; out: Attendee[] }
    /** Staff scan the member's code (S1) or type the record number at the door. */
    checkIn: { in: { eventId: string; code: string }; out: Attendee }
  }
  referral: {
    mine: { in: Record<string, never>; out: MyReferrals }
    /**
     * R1: the poster's code image for the member's referral code. weapp: WeChat's mini-program code
     * (wxacode.getUnlimited, scene `c=<code>`); locally a QR PNG of the H5 landing link at `origin`.
     */
    posterCode: { in: { origin?: string }; out: PosterCodeImage }
    offer: { in: { code: string }; out: ReferralOffer }
    takeCoupon: { in: { code: string; device?: string; acceptMessages?: boolean }; out: CouponView }
    coupons: { in: Record<string, never>; out: CouponView[] }
    couponCode: { in: { couponId: string }; out: CardCode }
    rate: { in: { billId: string; score: number; comment?: string }; out: RatingResult }
    leaderboard: { in: Record<string, never>; out: LeaderRow[] }
    daySheet: { in: { date?: string }; out: DaySheet }
    audit: { in: { weekOf?: string }; out: AuditReport }
    payouts: { in: { status?: 'due' | 'paid' }; out: PayoutView[] }
    markPaid: { in: { payoutId: string; method: 'phone_topup' | 'wechat' | 'bank' | 'cash'; reference: string }; out: PayoutView }
    tasks: { in: Record<string, never>; out: FollowUpTask[] }
    closeTask: { in: { taskId: string; note: string }; out: FollowUpTask }
  }
  partner: {
    register: { in: { name: string; phone: string; consultantStaffId: string }; out: PartnerView }
    mine: { in: Record<string, never>; out: PartnerView }
    list: { in: Record<string, never>; out: PartnerView[] }
  }
  reception: {
    scan: { in: { code: string }; out: ScanResult }
    requestOwnerBalance: { in: { patientId: string; amountFen: number }; out: BalanceRequest }
    /** The WeChat user behind a scanned card or coupon becomes (or is linked to) a patient record. */
    register: { in: { ticket: string; name?: string; phone?: string; birthday?: string }; out: NewPatient }
    /** Seed 003 walk-ins: a new patient without WeChat, billed with the referrer's code; they bind later. */
    registerWalkIn: { in: { name: string; phone: string; birthday?: string; sharedPhone?: boolean }; out: NewPatient }
    /** By record number, full phone or its last 4 digits. */
    lookup: { in: { query: string }; out: PatientMatch[] }
    bindingCode: { in: { patientId: string }; out: BindingCode }
    /** Managers, any time: a line or the whole bill, money paid only (C3). */
    refund: { in: { billId: string; amountFen: number; reason: string; requestId: string; lineIndex?: number }; out: RefundResult }
    /** The bill with its quote id, which the confirmation names (issue 13 item 7). */
    previewBill: { in: BillRequest; out: BillResult & { quoteId: string } }
    confirmBill: { in: ConfirmBillRequest; out: ConfirmedBill }
    findBills: { in: BillQuery; out: BillSummary[] }
    receipt: { in: { billId: string }; out: Receipt }
    daySheet: { in: { clinicId?: string; day?: string }; out: DaySheetOfClinic }
    closeDay: { in: { clinicId?: string; day: string; requestId: string }; out: DaySheetOfClinic }
    closedDays: { in: { month: string }; out: ClosedDay[] }
  }
  /** Staff onboarding; issue 14: the chain's policy (src/api/policy.ts). */
  team: TeamApi & PolicyApi & DashboardApi
  /** Patient import, and the price list (issue 13: catalogue reads, edits, file import). */
  records: RecordsApi & PriceListApi
  /** C2: the privacy notice, 我的数据 and the consent log. */
  privacy: PrivacyApi
  /** Issue 12: the chain's clinics and appointment requests (docs/appointments.md). */
  clinic: ClinicApi
}

export type FnName = keyof Api
export type ActionOf<F extends FnName> = keyof Api[F] & string
type Spec<F extends FnName, A extends ActionOf<F>> = Api[F][A] extends { in: infer I; out: infer O } ? { in: I; out: O } : never
export type In<F extends FnName, A extends ActionOf<F>> = Spec<F, A>['in']
export type Out<F extends FnName, A extends ActionOf<F>> = Spec<F, A>['out']

/** The event body exactly as `wx.cloud.callFunction({ name, data })` delivers it. */
export type Event<F extends FnName, A extends ActionOf<F>> = { action: A } & In<F, A>

/** Local mode: the dev endpoints' persona list (PRODUCT.md "who uses it"). */
export interface DemoPersona { openid: string; label: string; kind: 'member' | 'friend' | 'staff'; role?: StaffRole }
