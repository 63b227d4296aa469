/** Issue 13: bills found at the desk, receipts, refunds by line any day, and the day close. */
import type { BillSummary, ClosedDay, DaySheet, Receipt } from '../../src/api/bills'
import type { ConfirmedBill } from '../../src/api/contract'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, openCloud, RECEPTION } from './helpers'
import { picked } from './catalogue'
import { changes, snapshotAll } from './snapshot-all'

const DIRECTOR = 'demo-staff-director'
const RECEPTION_HZ = 'demo-staff-receptionist-hz'
const extraction = { name: '拔牙', category: 'treatment', amountFen: 45_000 }
const floss = { name: '牙线', category: 'oral_care_product', amountFen: 8_000 }

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

// Issue 13: typed items become price list items, picked by id as the desk does.
const reception = async (event: object, openid = RECEPTION) => cloud.call('reception', await picked(cloud, event), openid)

async function pay(requestId: string, paymentMethod?: string, items = [extraction, floss]): Promise<ConfirmedBill> {
  const preview = data(await reception({ action: 'previewBill', patientId: 'pat_plain', items })) as { totals: { dueFen: number } }
  return data(await reception({ action: 'confirmBill', patientId: 'pat_plain', items, requestId, expectedDueFen: preview.totals.dueFen, ...(paymentMethod ? { paymentMethod } : {}) })) as ConfirmedBill
}

test('a bill is found by receipt number, record number, phone tail and day; its receipt lists lines and payment', async () => {
  const bill = await pay('bills-find-01', 'alipay')
  const byDay = data(await reception({ action: 'findBills', day: '2026-11-22' })) as BillSummary[]
  expect(byDay).toHaveLength(1)
  expect(data(await reception({ action: 'findBills' }))).toEqual(byDay) // none: today, clinic time
  expect(code(await reception({ action: 'findBills', day: '2026-11-22', phoneTail: '4444' }))).toBe('VALIDATION')
  const [row] = byDay
  expect(row).toMatchObject({ billId: bill.billId, patientName: '赵磊', recordNo: '100007', maskedPhone: '135****4444', paidFen: 53_000, paymentMethod: 'alipay' })
  expect(row.billNo).toMatch(/^20261122-\d{6}$/)
  for (const q of [{ billNo: row.billNo.replace('-', ' ') }, { recordNo: '100007' }, { phoneTail: '4444' }]) {
    expect((data(await reception({ action: 'findBills', ...q })) as BillSummary[]).map((b) => b.billId)).toEqual([bill.billId])
  }
  const r = data(await reception({ action: 'receipt', billId: bill.billId })) as Receipt
  expect(r.lines.map((l) => [l.name, l.dueFen])).toEqual([['拔牙', 45_000], ['牙线', 8_000]])
  expect(r).toMatchObject({ clinicName: '牙友口腔 · 静安店', refundableFen: 53_000, refundableByLineFen: [45_000, 8_000], refunds: [], paymentMethod: 'alipay' })
})

test('another clinic\'s desk does not find or open the bill', async () => {
  const bill = await pay('bills-scope-01')
  expect(data(await reception({ action: 'findBills', recordNo: '100007' }, RECEPTION_HZ))).toEqual([])
  expect(code(await reception({ action: 'receipt', billId: bill.billId }, RECEPTION_HZ))).toBe('NOT_FOUND')
})

test('the next day the director refunds one line with a reason; spend falls; the receipt shows it (M6, C3)', async () => {
  const bill = await pay('bills-refund-01', 'cash')
  cloud.clock.advance(86_400_000)
  const before = snapshotAll(cloud)
  // The desk may not refund; too much on a line is refused; neither writes anything.
  expect(code(await reception({ action: 'refund', billId: bill.billId, amountFen: 1_000, reason: '牙线未拆封', requestId: 'rf-line-0001', lineIndex: 1 }))).toBe('FORBIDDEN')
  expect(code(await reception({ action: 'refund', billId: bill.billId, amountFen: 8_001, reason: '牙线未拆封', requestId: 'rf-line-0001', lineIndex: 1 }, DIRECTOR))).toBe('REFUND_TOO_LARGE')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  data(await reception({ action: 'refund', billId: bill.billId, amountFen: 8_000, reason: '牙线未拆封', requestId: 'rf-line-0001', lineIndex: 1 }, DIRECTOR))
  const r = data(await reception({ action: 'receipt', billId: bill.billId }, DIRECTOR)) as Receipt
  expect(r).toMatchObject({ refundedFen: 8_000, refundableFen: 45_000, refundableByLineFen: [45_000, 0] })
  expect(r.refunds).toEqual([expect.objectContaining({ amountFen: 8_000, reason: '牙线未拆封', lineIndex: 1 })])
  const p = await cloud.store.get<{ _id: string; cumulativeSpendFen: number }>('patients', 'pat_plain')
  expect(p!.cumulativeSpendFen).toBe(45_000 + 53_000 - 8_000)
  // The refund counts on the day it was made, going back the way the bill was paid.
  const today = data(await reception({ action: 'daySheet', day: '2026-11-23' })) as DaySheet
  expect(today.byMethod).toEqual([{ method: 'cash', bills: 0, paidFen: 0, refundedFen: 8_000, netFen: -8_000 }])
})

test('day close: totals by method, closed once by the desk, the director sees the closed days', async () => {
  await pay('bills-close-01', 'cash')
  await pay('bills-close-02', 'wechat_pay', [floss])
  await pay('bills-close-03')
  const sheet = data(await reception({ action: 'daySheet' })) as DaySheet
  expect(sheet).toMatchObject({ clinicId: 'clinic_sh', day: '2026-11-22', paidFen: 53_000 + 8_000 + 53_000, closed: null })
  expect(sheet.byMethod.map((m) => [m.method, m.bills, m.netFen])).toEqual([['cash', 1, 53_000], ['wechat_pay', 1, 8_000], ['unrecorded', 1, 53_000]])
  const closed = data(await reception({ action: 'closeDay', day: '2026-11-22', requestId: 'close-sh-1122' })) as DaySheet
  expect(closed.closed).toMatchObject({ by: '前台 小周', bills: 3, paidFen: 114_000 })
  expect(data(await reception({ action: 'closeDay', day: '2026-11-22', requestId: 'close-sh-1122' }))).toEqual(closed) // a retry
  const before = snapshotAll(cloud)
  expect(code(await reception({ action: 'closeDay', day: '2026-11-22', requestId: 'close-sh-again' }))).toBe('DAY_CLOSED')
  expect(code(await reception({ action: 'closeDay', day: '2026-11-23', requestId: 'close-sh-future' }))).toBe('VALIDATION')
  expect(code(await reception({ action: 'closeDay', day: '2026-13-45', requestId: 'close-sh-bad-day' }))).toBe('VALIDATION')
  expect(code(await reception({ action: 'daySheet', clinicId: 'clinic_sh' }, RECEPTION_HZ))).toBe('NOT_FOUND')
  expect(code(await reception({ action: 'closedDays', month: '2026-11' }))).toBe('FORBIDDEN')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  const days = data(await reception({ action: 'closedDays', month: '2026-11' }, DIRECTOR)) as ClosedDay[]
  expect(days).toEqual([expect.objectContaining({ clinicName: '牙友口腔 · 静安店', day: '2026-11-22', closedBy: '前台 小周', bills: 3, paidFen: 114_000 })])
})

test('a bill over ¥1,000,000 confirms as it previewed', async () => {
  const implants = [1, 2].map((n) => ({ name: `种植 ${n}`, category: 'treatment', amountFen: 90_000_000 }))
  const bill = await pay('bills-large-01', 'bank_card', implants)
  expect(bill.paidFen).toBe(180_000_000)
})

test('the receipt of a payment prompts the desk (R7, F1, Q1): a member may get a friend card; a dissatisfied patient gets a follow-up', async () => {
  const items = [{ name: '补牙', category: 'treatment', amountFen: 30_000 }]
  const confirm = async (patientId: string, requestId: string) => {
    const preview = data(await reception({ action: 'previewBill', patientId, items })) as { totals: { dueFen: number } }
    return data(await reception({ action: 'confirmBill', patientId, items, requestId, expectedDueFen: preview.totals.dueFen })) as ConfirmedBill
  }
  const member = await confirm('pat_annual', 'prompt-member-01')
  expect(member.prompts?.map((p) => p.kind)).toEqual(['issue_card'])
  const plain = await confirm('pat_plain', 'prompt-plain-01')
  expect(plain.prompts).toEqual([])
  await cloud.store.updateIf('patients', 'pat_plain', {}, { set: { lastRating: { sentiment: 'detractor', at: cloud.clock.now().toISOString() } } })
  const unhappy = await confirm('pat_plain', 'prompt-plain-02')
  expect(unhappy.prompts?.map((p) => p.kind)).toEqual(['follow_up'])
})
