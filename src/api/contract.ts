/**
 * The contract between the mini-program and the cloud functions: for each function, its actions,
 * what each takes and what it returns. The client service module and the handlers both use it.
 * Every call returns `Result<T>`; money is integer fen, instants are ISO strings (UTC).
 */
import type { BillItem, BillResult } from '../domain/bill/engine'
import type { Tier } from '../domain/membership/tier'
import type { ErrorCode, ErrorMessage } from '../domain/errors'
import type { EntryKind } from '../domain/ledger'
import type { Category } from '../domain/policy'
import type { OutboxStatus, SkipReason, TemplateKey } from '../domain/notify/messages'
import type { EventKind } from '../domain/events/calendar'
import type { BindingCode, NewPatient, PatientMatch, PhoneCodeSent, PublicProfile, VerifiedPhone } from './identity'
export type * from './identity'
import type { TeamApi } from './team'
export type * from './team'
import type { RecordsApi } from './records'
export type * from './records'
import type { PrivacyApi } from './privacy'
export type * from './privacy'

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
  ledger: LedgerLine[]
}

export interface MemberCode { token: string; expiresAt: string; ttlSeconds: number }

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

export interface BillRequest {
  patientId: string
  items: BillItem[]
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
}
export interface ConfirmedBill {
  billId: string
  result: BillResult
  paidFen: number
  tierAfter: Tier
  cumulativeSpendAfterFen: number
  /** true when this was a retry of a bill already confirmed: nothing was charged again. */
  replayed: boolean
}

// ---- Friends stored-value card (F1–F7) ----

/** What a person sees: "partly used" is a claimed card with some of its value spent. */
export type CardState = 'issued' | 'shared' | 'claimed' | 'partly_used' | 'used_up' | 'expired' | 'revoked'

/** F4, C1: the full rules, shown before sharing and on the friend's landing page. */
export interface CardRules { faceValueFen: number; validMonths: number; excludedCategories: Category[]; lines: Array<{ zh: string; en: string }> }

export interface GivenCard {
  cardId: string
  state: CardState
  faceValueFen: number
  balanceFen: number
  issuedAt: string
  expiresAt: string
  /** The friend's WeChat display name once claimed; nothing about treatment (C2). */
  friendName?: string
  claimedAt?: string
  registered: boolean
}

export interface ReceivedCard {
  cardId: string
  state: CardState
  giverDisplayName: string
  faceValueFen: number
  balanceFen: number
  /** null once the friend has registered at the clinic (F5: no longer expires). */
  expiresAt: string | null
}

export interface MyCards { given: GivenCard[]; received: ReceivedCard[]; rules: CardRules }

/** F3: what the share carries. `path` is the mini-program page with the unguessable token. */
export interface CardShare { cardId: string; path: string; title: string; token: string }

export type CardAvailability = 'available' | 'taken' | 'yours' | 'own' | 'expired' | 'revoked' | 'used_up'

/** The friend's landing page: the giver's display name and the offer, nothing else (C2). */
export interface CardOffer {
  giverDisplayName: string
  faceValueFen: number
  balanceFen: number
  /** null once the friend has registered at the clinic (F5: no longer expires). */
  expiresAt: string | null
  rules: CardRules
  availability: CardAvailability
  cardId?: string
}

export interface CardCode { token: string; expiresAt: string; ttlSeconds: number }

/** S1: what reception sees when it scans a friend card. */
export interface ScannedCard {
  cardId: string
  /** Lets this desk bill the card for 30 minutes (a screenshot of the friend's code cannot). */
  ticket: string
  state: CardState
  holderName: string
  giverDisplayName: string
  /** The holder's patient record, once registered (F5). */
  holderPatientId?: string
  registered: boolean
  balanceFen: number
  expiresAt: string | null
  excludedCategories: Category[]
}

export type ScanResult = ({ kind: 'patient' } & ScannedPatient) | ({ kind: 'friend_card' } & ScannedCard) | ({ kind: 'coupon' } & ScannedCoupon)

export interface IssuedCard { cardId: string; giverName: string; faceValueFen: number; expiresAt: string }

/** F7: what the programme earns. */
export interface CardSummary {
  counts: Record<'issued' | 'shared' | 'claimed' | 'registered' | 'redeemed' | 'usedUp' | 'expired' | 'revoked', number>
  redeemedFen: number
  friendsRevenueFen: number
  cards: Array<{ cardId: string; giverName: string; giverMaskedPhone?: string; friendName?: string; friendMaskedPhone?: string; state: CardState; balanceFen: number; friendSpendFen: number }>
}

export interface CardReminderView { key: string; kind: 'unshared' | 'unused' | 'expiry'; cardId: string; days: number; to: { patientId: string } | { openid: string } }

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

// ---- Referral (R1–R10, Q1) ----

export type Line = { zh: string; en: string }

/** R1, C1: the card a patient shares, with the full rules for both sides. */
export interface ReferralCard { code: string; referrerDisplayName: string; path: string; title: string; forFriend: Line[]; forReferrer: Line[] }
export type ReferralOfferState = 'available' | 'own' | 'existing_patient' | 'taken' | 'yours'
export interface ReferralOffer { referrerDisplayName: string; discountFen: number; gift: string; validMonths: number; forFriend: Line[]; state: ReferralOfferState; couponId?: string }
export interface CouponView { couponId: string; referrerDisplayName: string; discountFen: number; gift: string; expiresAt: string; status: 'active' | 'used' | 'expired' }
export interface ScannedCoupon { couponId: string; ticket: string; holderName: string; holderPatientId?: string; discountFen: number; gift: string; expiresAt: string; referrerDisplayName: string }

export interface MyReferrals {
  card: ReferralCard
  friends: Array<{ friendName: string; state: 'claimed' | 'paid'; rewardFen: number; at: string }>
  bonusBalanceFen: number
  payoutsDueFen: number
}
export interface Prompt { kind: 'ask_referral' | 'offer_cards' | 'zero_bonus'; zh: string; en: string }
export interface RatingResult { sentiment: 'promoter' | 'passive' | 'detractor'; askToRefer: boolean; followUpTaskId?: string }
export interface LeaderRow { rank: number; referrerName: string; code: string; validReferrals: number; referredRevenueFen: number }
export interface SheetRow {
  referrerCode: string; referrerName: string; maskedPhone: string; friendName: string; billId: string; paidFen: number
  bonusFen: number; shareFen: number; payoutId?: string; payoutFen: number; payoutStatus?: 'due' | 'paid' | 'void'
}
export interface DaySheet { date: string; rows: SheetRow[]; payoutsToMakeFen: number; csv: string }
export interface AuditReport {
  from: string; to: string
  rewards: Array<{ entryId: string; at: string; referrerName: string; kind: string; amountFen: number; billId?: string }>
  payments: Array<{ billId: string; at: string; friendName: string; paidFen: number; refundedFen: number }>
  anomalies: Array<{ kind: string; ids: string[]; zh: string; en: string }>
  csv: string
}
export interface PayoutView { payoutId: string; referrerName: string; amountFen: number; status: 'due' | 'paid' | 'void'; method?: string; reference?: string; paidAt?: string }
export interface FollowUpTask { taskId: string; patientName: string; billId: string; score: number; comment?: string; status: 'open' | 'done'; createdAt: string }
export interface PartnerView { partnerId: string; code: string; name: string; consultantName: string; deals: number; commissionDueFen: number; commissionPaidFen: number }

// ---- Messages, greetings and member events (N1–N4) ----

/** N3: a message delivered to this person (the local channel's inbox). */
export interface InboxItem { id: string; template: TemplateKey | 'phone_code'; title: Line; body: Line; page: string; at: string }
/** N3: one-time subscribe-message consents left, per template; each message spends one. */
export interface ConsentCounts { counts: Partial<Record<TemplateKey, number>> }
/** N3: an outbox record as staff see it: who (masked), what, and why it is where it is. */
export interface OutboxView {
  id: string; template: TemplateKey; toName: string; status: OutboxStatus; reason?: SkipReason; attempts: number
  createdAt: string; notBefore: string; heldUntil?: string; sentAt?: string; lastError?: string
}
export interface OutboxReport { counts: Partial<Record<OutboxStatus, number>>; recent: OutboxView[] }

/** N2: one member on next month's birthday list, with the gift budget. */
export interface BirthdayGift {
  patientId: string; name: string; maskedPhone: string; clinicId: string
  /** The birthday in that month (29 February becomes the 28th in a common year). */
  birthday: string
  spend12mFen: number; budgetFen: number
  status: 'todo' | 'bought' | 'delivered'; boughtAt?: string; deliveredAt?: string
}
export interface BirthdayList { month: string; preparedAt?: string; gifts: BirthdayGift[]; totalBudgetFen: number; csv: string }

/** N4: a member event, with this person's reply. */
export interface MemberEvent {
  eventId: string; kind: EventKind; title: Line; date: string; place: string; capacity: number; inviteOn: string
  /** People coming: members who said yes plus their guests. */
  going: number
  myAnswer?: 'yes' | 'no'; myGuests?: number; checkedIn?: boolean
}
export interface EventPlan { year: number; suggestions: Array<{ kind: EventKind; title: Line; date: string }>; events: MemberEvent[] }
export interface Attendee { patientId: string; name: string; maskedPhone: string; answer: 'yes' | 'no'; guests: number; checkedInAt?: string }

export interface Api {
  identity: {
    whoami: { in: Record<string, never>; out: { openid: string; persona: Persona } }
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
    summary: { in: Record<string, never>; out: CardSummary }
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
    /** R1: on CloudBase a stored mini-program code (fileId); locally the landing path for a QR image. */
    poster: { in: Record<string, never>; out: { fileId?: string; qrText?: string } }
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
    refund: { in: { billId: string; amountFen: number; reason: string; requestId: string }; out: RefundResult }
    previewBill: { in: BillRequest; out: BillResult }
    confirmBill: { in: ConfirmBillRequest; out: ConfirmedBill }
  }
  team: TeamApi
  records: RecordsApi
  /** C2: the privacy notice, 我的数据 and the consent log. */
  privacy: PrivacyApi
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
