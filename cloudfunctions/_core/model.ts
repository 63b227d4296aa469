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
}

export interface BillDoc {
  _id: string
  requestId: string
  /** Hash of what was confirmed; the same requestId with other content is refused. */
  fingerprint: string
  /** F4, F7: the friend card that paid part of it. */
  friendCardId?: string
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
}

export type { FriendCard as FriendCardDoc } from '../../src/domain/friendcard/card'

/** N3, C2: one-time subscribe-message consents a user gave, counted per template, spent per message. */
export interface ConsentDoc { _id: string; counts: Record<string, number>; log: Array<{ at: string; template: string; source: string }> }
