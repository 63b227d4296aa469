/**
 * Issue 13 in a real browser: the next morning the director finds yesterday's bill by its record
 * number, refunds one line after a confirmation naming the patient and the amount (cancel changes
 * nothing), and the receptionist closes the day with the totals by payment method.
 */
import type { ConfirmedBill } from '../../src/api/contract'
import type { BillSummary } from '../../src/api/bills'
import { PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal, dismissModal } from './gestures'
import { setClock } from './desk'
import { apiDataOf } from './api'
import { lines } from '../integration/catalogue'

jest.setTimeout(120_000)

const BILLS = 'staff/bills/index'
const DAY_CLOSE = 'staff/dayclose/index'

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

const apiData = apiDataOf(() => h)

const items = [{ name: '拔牙', category: 'treatment', amountFen: 45_000 }, { name: '牙线', category: 'oral_care_product', amountFen: 8_000 }]

test('yesterday\'s bill: found by record number, one line refunded after a confirmation; the day closed by method', async () => {
  setClock(h, '2026-11-21T03:00:00Z') // yesterday, 11:00 in Shanghai
  // Issue 13: the desk bills price list items, by id.
  const bill = await apiData<ConfirmedBill>('reception', { action: 'confirmBill', patientId: 'pat_plain', items: await lines(h.cloud, items), requestId: 'browser-bill-01', expectedDueFen: 53_000, paymentMethod: 'wechat_pay' }, PERSONA.receptionist)
  setClock(h, '2026-11-22T02:00:00Z')

  const page = await h.openAs(PERSONA.director, BILLS)
  await typeInto(page, 'bill-query', '100007')
  await tap(page, 'bill-find')
  await waitForId(page, 'bill-list')
  const [row] = await apiData<BillSummary[]>('reception', { action: 'findBills', recordNo: '100007' }, PERSONA.director)
  expect(row.billId).toBe(bill.billId)
  await page.locator(`[data-bill="${row.billNo}"]`).click()
  await waitForText(page, 'receipt-no', row.billNo)
  expect(await textOf(page, 'receipt-paid')).toBe('¥530.00')
  expect(await textOf(page, 'receipt-method')).toBe('微信支付')
  const receiptText = await textOf(page, 'receipt')
  expect(receiptText).toContain('拔牙')
  expect(receiptText).toContain('牙线')
  expect(receiptText).not.toMatch(/bill_|browser-bill/) // no internal ids on the receipt

  await tap(page, 'refund-line-1')
  expect(await page.locator('#refund-amount').inputValue()).toBe('80.00')
  await typeInto(page, 'refund-reason', '牙线未拆封')
  await tap(page, 'refund-submit')
  expect(await dismissModal(page)).toContain('赵磊')
  expect((await apiData<BillSummary[]>('reception', { action: 'findBills', recordNo: '100007' }, PERSONA.director))[0].refundedFen).toBe(0)
  await tap(page, 'refund-submit')
  const asked = await acceptModal(page)
  expect(asked).toContain('赵磊')
  expect(asked).toContain('¥80.00')
  await waitForText(page, 'receipt', /牙线未拆封/)
  await shot(page, 'bills-01-refunded-line')
  expect((await apiData<BillSummary[]>('reception', { action: 'findBills', recordNo: '100007' }, PERSONA.director))[0].refundedFen).toBe(8_000)

  const desk = await h.openAs(PERSONA.receptionist, DAY_CLOSE)
  await waitForId(desk, 'day-title')
  await tap(desk, 'day-prev')
  await waitForText(desk, 'day-title', /2026-11-21/)
  expect(await textOf(desk, 'day-methods')).toContain('微信支付')
  expect(await textOf(desk, 'day-net')).toBe('¥530.00')
  await tap(desk, 'day-close')
  expect(await acceptModal(desk)).toContain('¥530.00')
  await waitForText(desk, 'day-closed', /前台 小周/)
  await shot(desk, 'bills-02-day-closed')
})
