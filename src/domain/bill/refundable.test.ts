import { afterBillRefund, refundableFen } from './refundable'
import { totalsByMethod } from './payment'

// A ¥450 extraction of which a friend card paid ¥250 (¥200 in money), and ¥80 floss in money:
// ¥280 was money, the rest card value.
const bill = { paidFen: 28_000, lines: [{ dueFen: 20_000 }, { dueFen: 8_000 }] }
const code = (f: () => unknown) => { try { f(); return 'passed' } catch (e) { return (e as { code?: string }).code } }

describe('refunds (M6, C3)', () => {
  test('a line gives back at most what it cost in money, less what it gave back before', () => {
    expect(refundableFen(bill, 1)).toBe(8_000)
    const once = afterBillRefund(bill, 3_000, 1)
    expect(once).toEqual({ refundedFen: 3_000, lineRefundsFen: [0, 3_000] })
    expect(refundableFen({ ...bill, ...once }, 1)).toBe(5_000)
    expect(code(() => afterBillRefund({ ...bill, ...once }, 5_001, 1))).toBe('REFUND_TOO_LARGE')
  })
  test('the whole bill gives back at most the money paid; card value never (C3)', () => {
    expect(refundableFen(bill)).toBe(28_000)
    expect(code(() => afterBillRefund(bill, 28_001))).toBe('REFUND_TOO_LARGE')
    const all = afterBillRefund(bill, 28_000)
    expect(refundableFen({ ...bill, ...all }, 0)).toBe(0)
  })
  test('bad amounts and lines are refused', () => {
    expect(code(() => afterBillRefund(bill, 0))).toBe('REFUND_TOO_LARGE')
    expect(code(() => afterBillRefund(bill, 1.5))).toBe('REFUND_TOO_LARGE')
    expect(code(() => refundableFen(bill, 7))).toBe('VALIDATION')
  })
})

describe('day close totals by payment method', () => {
  test('taken, returned and net per method, in a fixed order; bills without a method apart', () => {
    const rows = totalsByMethod(
      [{ paidFen: 10_000, paymentMethod: 'alipay' }, { paidFen: 5_000, paymentMethod: 'cash' }, { paidFen: 2_000, paymentMethod: 'cash' }, { paidFen: 700 }],
      [{ amountFen: 1_000, paymentMethod: 'cash' }],
    )
    expect(rows).toEqual([
      { method: 'cash', bills: 2, paidFen: 7_000, refundedFen: 1_000, netFen: 6_000 },
      { method: 'alipay', bills: 1, paidFen: 10_000, refundedFen: 0, netFen: 10_000 },
      { method: 'unrecorded', bills: 1, paidFen: 700, refundedFen: 0, netFen: 700 },
    ])
  })
})
