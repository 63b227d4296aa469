/** Issue 13: bills looked up at the desk, their receipts, and the day close. */
import type { BillLine, BillTotals, Reason } from '../domain/bill/engine'
import type { MethodTotal, PaymentMethod } from '../domain/bill/payment'

/** One criterion — a receipt number, a record number, the last 4 digits of a phone, or a business day — or none: today. */
export interface BillQuery { billNo?: string; recordNo?: string; phoneTail?: string; day?: string }

export interface BillSummary {
  billId: string
  billNo: string
  at: string
  day: string
  patientName: string
  recordNo: string
  maskedPhone: string
  paidFen: number
  refundedFen: number
  paymentMethod: PaymentMethod | null
}

export interface ReceiptRefund { at: string; amountFen: number; reason: string; lineIndex: number | null }

export interface Receipt extends BillSummary {
  clinicName: string
  lines: BillLine[]
  totals: BillTotals
  notes: Reason[]
  /** Per line, what may still be refunded in money (C3: card and bonus value never). */
  refundableByLineFen: number[]
  refundableFen: number
  refunds: ReceiptRefund[]
  /** What paid besides money, for the receipt's "used" lines. */
  usedFriendCard: boolean
  usedCoupon: boolean
}

export interface DaySheet {
  clinicId: string
  clinicName: string
  day: string
  bills: BillSummary[]
  byMethod: MethodTotal[]
  paidFen: number
  refundedFen: number
  /** Set once the day is closed: who closed it, when, and the totals then (bills after that are counted apart). */
  closed: { at: string; by: string; bills: number; paidFen: number; refundedFen: number } | null
}

export interface ClosedDay { clinicId: string; clinicName: string; day: string; closedAt: string; closedBy: string; bills: number; paidFen: number; refundedFen: number }
