/** The contract's messages, greetings and member events types (N1–N4); `contract.ts` re-exports them. */
import type { OutboxStatus, SkipReason, TemplateKey } from '../domain/notify/messages'
import type { EventKind } from '../domain/events/calendar'
import type { Line } from './contract'

/** N3: a message delivered to this person (the local channel's inbox). */
export interface InboxItem { id: string; template: TemplateKey | 'phone_code'; title: Line; body: Line; page: string; at: string }
/** N3: one-time subscribe-message consents left, per template; each message spends one. */
export interface ConsentCounts { counts: Partial<Record<TemplateKey, number>> }
/** N3: an outbox record as staff see it: who (masked), what, and why it is where it is. */
export interface OutboxView {
  id: string; template: TemplateKey; toName: string; status: OutboxStatus; reason?: SkipReason; attempts: number
  createdAt: string; notBefore: string; heldUntil?: string; sentAt?: string; lastError?: string
}
export interface OutboxReport {
  /** Sent, skipped and dead are counted from `countsSince` (the last 30 days); the other states all. */
  counts: Partial<Record<OutboxStatus, number>>; countsSince?: string; recent: OutboxView[]
}

/** N2: one member on next month's birthday list, with the gift budget. */
export interface BirthdayGift {
  patientId: string; name: string; maskedPhone: string; clinicId: string
  /** The birthday in that month (29 February becomes the 28th in a common year). */
  birthday: string
  spend12mFen: number; budgetFen: number
  status: 'todo' | 'bought' | 'delivered'; boughtAt?: string; deliveredAt?: string
}
export interface BirthdayList { month: string; preparedAt?: string; gifts: BirthdayGift[]; totalBudgetFen: number }

/** N4: a member event, with this person's reply. */
export interface MemberEvent {
  eventId: string; kind: EventKind; title: Line; date: string; place: string; capacity: number; inviteOn: string
  /** People coming: members who said yes plus their guests. */
  going: number
  myAnswer?: 'yes' | 'no'; myGuests?: number; checkedIn?: boolean
}
export interface EventPlan { year: number; suggestions: Array<{ kind: EventKind; title: Line; date: string }>; events: MemberEvent[] }
export interface Attendee { patientId: string; name: string; maskedPhone: string; answer: 'yes' | 'no'; guests: number; checkedInAt?: string }

