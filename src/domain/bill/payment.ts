/**
 * How a bill was paid (issue 13): recorded at the desk, never processed here — the money moves
 * through the clinic's own till, WeChat Pay or card terminal. The day close totals by method.
 */
import type { Fen } from '../money'

export const PAYMENT_METHODS = ['cash', 'wechat_pay', 'alipay', 'bank_card'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export const PAYMENT_METHOD_LABEL: Record<PaymentMethod | 'unrecorded', { zh: string; en: string }> = {
  cash: { zh: '现金', en: 'Cash' },
  wechat_pay: { zh: '微信支付', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  bank_card: { zh: '银行卡', en: 'Bank card' },
  // Bills confirmed before the desk recorded a method.
  unrecorded: { zh: '未记录', en: 'Not recorded' },
}

export interface DayBill { paidFen: Fen; paymentMethod?: PaymentMethod }
export interface DayRefund { amountFen: Fen; paymentMethod?: PaymentMethod }

export interface MethodTotal { method: PaymentMethod | 'unrecorded'; bills: number; paidFen: Fen; refundedFen: Fen; netFen: Fen }

/** The day's money by method: taken, returned (a refund goes back the way the bill was paid) and net. */
export function totalsByMethod(bills: readonly DayBill[], refunds: readonly DayRefund[]): MethodTotal[] {
  const rows = new Map<MethodTotal['method'], MethodTotal>()
  const row = (m: MethodTotal['method']) => {
    if (!rows.has(m)) rows.set(m, { method: m, bills: 0, paidFen: 0, refundedFen: 0, netFen: 0 })
    return rows.get(m)!
  }
  for (const b of bills) {
    const r = row(b.paymentMethod ?? 'unrecorded')
    r.bills += 1
    r.paidFen += b.paidFen
  }
  for (const f of refunds) row(f.paymentMethod ?? 'unrecorded').refundedFen += f.amountFen
  const order: MethodTotal['method'][] = [...PAYMENT_METHODS, 'unrecorded']
  return order.filter((m) => rows.has(m)).map((m) => {
    const r = rows.get(m)!
    return { ...r, netFen: r.paidFen - r.refundedFen }
  })
}
