/**
 * What a refund may return (M6, C3): only money the patient paid — a line's refund is at most what
 * that line cost in money after every discount, card and bonus, less what was refunded on it
 * before. Card and bonus value are never returned as money.
 */
import { DomainError } from '../errors'
import type { Fen } from '../money'

export interface RefundableBill {
  paidFen: Fen
  refundedFen?: Fen
  lines: ReadonlyArray<{ dueFen: Fen }>
  /** Money refunded per line so far (index = line index); absent: none by line. */
  lineRefundsFen?: readonly Fen[]
}

/** The most that may still be refunded: on the whole bill, or on one line. */
export function refundableFen(bill: RefundableBill, lineIndex?: number): Fen {
  const left = bill.paidFen - (bill.refundedFen ?? 0)
  if (lineIndex === undefined) return left
  const line = bill.lines[lineIndex]
  if (!line) throw new DomainError('VALIDATION', { why: 'no such line on the bill', lineIndex })
  return Math.min(left, line.dueFen - (bill.lineRefundsFen?.[lineIndex] ?? 0))
}

/** The bill's refund counters after refunding `amountFen` (on a line, or the whole bill). */
export function afterBillRefund(bill: RefundableBill, amountFen: Fen, lineIndex?: number): { refundedFen: Fen; lineRefundsFen?: Fen[] } {
  const most = refundableFen(bill, lineIndex)
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > most) throw new DomainError('REFUND_TOO_LARGE', { refundableFen: most })
  const refundedFen = (bill.refundedFen ?? 0) + amountFen
  if (lineIndex === undefined) return { refundedFen, ...(bill.lineRefundsFen ? { lineRefundsFen: [...bill.lineRefundsFen] } : {}) }
  const lineRefundsFen = bill.lines.map((_, i) => bill.lineRefundsFen?.[i] ?? 0)
  lineRefundsFen[lineIndex] += amountFen
  return { refundedFen, lineRefundsFen }
}
