/**
 * The contract between the mini-program and the cloud functions: for each function, its actions,
 * what each takes and what it returns. The client service module and the handlers both use it.
 * Every call returns `Result<T>`; money is integer fen, instants are ISO strings (UTC).
 */
import type { BillItem, BillResult } from '../domain/bill/engine'
import type { Tier } from '../domain/membership/tier'
import type { ErrorCode, ErrorMessage } from '../domain/errors'
import type { EntryKind } from '../domain/ledger'

export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: ErrorMessage; details?: Record<string, unknown> } }

export type StaffRole = 'receptionist' | 'consultant' | 'doctor' | 'director' | 'admin'

export type Persona =
  | { kind: 'staff'; staffId: string; name: string; role: StaffRole; clinicId: string }
  | { kind: 'patient'; patientId: string; name: string }
  | { kind: 'guest' }

export interface LedgerLine { id: string; kind: EntryKind; amountFen: number; balanceAfterFen: number; at: string; memo?: string }

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
}

export interface BillRequest { patientId: string; items: BillItem[]; useBonusFen?: number }
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

export interface Api {
  identity: { whoami: { in: Record<string, never>; out: { openid: string; persona: Persona } } }
  member: {
    home: { in: Record<string, never>; out: MemberHome }
    code: { in: Record<string, never>; out: MemberCode }
  }
  reception: {
    scan: { in: { code: string }; out: ScannedPatient }
    previewBill: { in: BillRequest; out: BillResult }
    confirmBill: { in: ConfirmBillRequest; out: ConfirmedBill }
  }
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
