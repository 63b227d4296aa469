/**
 * Issue 13 Tests, "a morning at the desk", in a real browser. Yesterday: the receptionist scans a
 * member's code with the scanner gun (the digits, then Enter), picks items from the price list, and
 * is refused when a price changed after the preview (QUOTE_CHANGED: nothing written, the new quote
 * shown, issue 13 item 7); then bills a friend with a friend card and a first-visit coupon (F4, R2).
 * This morning: the director finds yesterday's bill and refunds one line (M6), the receptionist
 * closes yesterday. Every money action asks first (acceptModal), charges once on a double tap (the
 * store is counted), and bad input is a typed error with nothing written.
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/desk-morning.test.ts --selectProjects browser`.
 */
import type { Page } from 'playwright-core'
import type { MemberCode } from '../../src/api/contract'
import type { BillSummary } from '../../src/api/bills'
import { byId, PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal, doubleTap } from './gestures'
import { friendWithCardAndCoupon, pickItem, scan, setClock } from './desk'
import { apiDataOf } from './api'

jest.setTimeout(240_000)

const RECEPTION = 'staff/reception/index'
const YESTERDAY = '2026-11-21T01:30:00Z' // 09:30 in Shanghai
const TODAY = '2026-11-22T01:00:00Z'

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)
const apiData = apiDataOf(() => h)

/** What the money collections hold: a refused or repeated action must leave them as they were. */
const counts = async () => ({
  bills: await h.cloud.store.count('bills'), ledger: await h.cloud.store.count('ledger'),
  refunds: await h.cloud.store.count('refunds'), dayCloses: await h.cloud.store.count('dayCloses'),
})


const errorCode = (page: Page) => byId(page, 'error-banner').getAttribute('data-code')

test('a morning at the desk: scanner gun, price list, a changed quote, a friend with card and coupon, yesterday\'s refund, the day closed', async () => {
  setClock(h, YESTERDAY)
  const desk = await h.openAs(PERSONA.receptionist, RECEPTION, 'desk') // the reception computer with its scanner gun

  // Bad input: Enter on an empty scan box is a typed error, nothing sent.
  await byId(desk, 'scan-input').press('Enter')
  await waitForId(desk, 'error-banner')
  expect(await errorCode(desk)).toBe('VALIDATION')

  // The scanner gun types the 18 digits under 李明's code and presses Enter, into whatever has the
  // focus: the scan box keeps it (H5), even after staff tapped elsewhere on the page.
  const member = await apiData<MemberCode>('member', { action: 'code' }, PERSONA.lifetime)
  const digits = member.shortCode.replace(/\D/g, '')
  expect(digits).toHaveLength(18)
  await desk.locator('.card__title').first().click()
  // The box takes the focus back on its own (a scanner gun types only into what has the focus).
  await desk.waitForFunction(() => document.activeElement?.id === 'scan-input' || document.activeElement?.closest('[id="scan-input"]') !== null, undefined, { timeout: 5000 })
  await desk.keyboard.type(digits, { delay: 5 })
  await desk.keyboard.press('Enter')
  await waitForText(desk, 'scanned-name', '李明')
  expect(await byId(desk, 'scan-input').inputValue()).toBe('') // ready for the next scan

  await pickItem(desk, 'ggzl', '根管治疗') // ¥1,800, treatment: member discount (M2)
  await pickItem(desk, 'yx', '牙线') // ¥15, oral care
  await tap(desk, 'preview-btn')
  const quoted = await waitForText(desk, 'total-due', /¥/)

  // The admin raises the floss price before the desk confirms: refused, nothing written, the new quote shown.
  await apiData('records', { action: 'savePriceItem', requestId: 'morning-floss-01', itemId: 'pi_demo_floss', version: 0, name: '牙线', category: 'oral_care_product', priceFen: 2_000, active: true }, 'demo-staff-admin')
  const before = await counts()
  await tap(desk, 'confirm-btn')
  expect(await acceptModal(desk)).toContain(quoted)
  await waitForId(desk, 'error-banner')
  expect(await errorCode(desk)).toBe('QUOTE_CHANGED')
  expect(await counts()).toEqual(before)
  const requoted = await waitForText(desk, 'total-due', /¥/)
  expect(requoted).not.toBe(quoted) // the desk shows the new preview at once
  await shot(desk, 'morning-01-quote-changed')

  // Confirm the new quote with a double tap: one question, one bill.
  await doubleTap(desk, 'confirm-btn')
  expect(await acceptModal(desk)).toContain(requoted)
  await waitForText(desk, 'receipt-paid', requoted)
  expect(await desk.locator('.taro-modal__content').filter({ visible: true }).count()).toBe(0) // the second tap asked nothing
  expect(await counts()).toMatchObject({ bills: before.bills + 1 })
  const [lisBill] = await apiData<BillSummary[]>('reception', { action: 'findBills', recordNo: '100001' }, PERSONA.director)
  expect(lisBill.paidFen).toBe(Math.round(Number(requoted.replace(/[¥,]/g, '')) * 100))
  expect(lisBill.paymentMethod).toBe('wechat_pay') // the desk's default, shown before confirming

  // A friend brings a friend card and a first-visit coupon (F4, R2); registered once, from the card panel.
  const { cardCode, couponCode } = await friendWithCardAndCoupon(apiData)

  await scan(desk, cardCode.token) // a new scan after a receipt starts over
  await waitForId(desk, 'scanned-card')
  expect(await byId(desk, 'receipt').count()).toBe(0)
  await scan(desk, couponCode.token)
  await waitForId(desk, 'coupon-register')
  await typeInto(desk, 'register-name', '小美')
  await typeInto(desk, 'register-phone', '13600001234')
  await tap(desk, 'register-btn')
  await waitForText(desk, 'coupon-state', '已登记')
  await waitForText(desk, 'scanned-name', '小美')

  await pickItem(desk, 'ggzl', '根管治疗') // ¥1,800 treatment: the coupon, then the card, then money (S2 order)
  await tap(desk, 'preview-btn')
  await waitForText(desk, 'total-due', /¥/)
  expect(await textOf(desk, 'total-coupon')).toMatch(/^-¥/)
  expect(await textOf(desk, 'total-card')).toMatch(/^-¥/)
  const friendDue = await textOf(desk, 'total-due')
  const beforeFriend = await counts()
  // She pays the rest in cash (recorded, not processed): the desk's usual WeChat Pay is changed for this bill.
  expect(await byId(desk, 'pay-methods').getAttribute('data-method')).toBe('wechat_pay')
  await tap(desk, 'pay-method-cash')
  await doubleTap(desk, 'confirm-btn')
  const asked = await acceptModal(desk)
  expect(asked).toContain('小美')
  expect(asked).toContain('现金')
  await waitForText(desk, 'receipt-paid', friendDue)
  expect(await textOf(desk, 'receipt-card')).toMatch(/¥/)
  expect(await counts()).toMatchObject({ bills: beforeFriend.bills + 1 })
  await shot(desk, 'morning-02-friend-card-coupon')

  // This morning: the director finds yesterday's bill by record number and refunds the floss line.
  setClock(h, TODAY)
  const office = await h.openAs(PERSONA.director, 'staff/bills/index')
  await typeInto(office, 'bill-query', '100001')
  await tap(office, 'bill-find')
  await waitForId(office, 'bill-list')
  await office.locator(`[data-bill="${lisBill.billNo}"]`).click()
  await waitForText(office, 'receipt-no', lisBill.billNo)
  await tap(office, 'refund-line-1')
  const lineAmount = await byId(office, 'refund-amount').inputValue()
  // Bad input: no reason. A typed refusal, nothing written.
  const beforeRefund = await counts()
  await tap(office, 'refund-submit')
  await waitForId(office, 'error-banner')
  expect(await counts()).toEqual(beforeRefund)
  await typeInto(office, 'refund-reason', '牙线未拆封')
  await doubleTap(office, 'refund-submit')
  expect(await acceptModal(office)).toContain(`¥${lineAmount}`)
  await waitForText(office, 'receipt', /牙线未拆封/)
  expect(await counts()).toMatchObject({ refunds: beforeRefund.refunds + 1 })
  const [refunded] = await apiData<BillSummary[]>('reception', { action: 'findBills', recordNo: '100001' }, PERSONA.director)
  expect(refunded.refundedFen).toBe(Math.round(Number(lineAmount) * 100))

  // The receptionist closes yesterday: asked first, closed once on a double tap.
  const close = await h.openAs(PERSONA.receptionist, 'staff/dayclose/index')
  await waitForId(close, 'day-title')
  await tap(close, 'day-prev')
  await waitForText(close, 'day-title', /2026-11-21/)
  const methods = await textOf(close, 'day-methods') // totals by how the money was paid (issue 13 item 6)
  expect(methods).toContain('现金')
  expect(methods).toContain('微信支付')
  const beforeClose = await counts()
  await doubleTap(close, 'day-close')
  await acceptModal(close)
  await waitForId(close, 'day-closed')
  expect(await counts()).toMatchObject({ dayCloses: beforeClose.dayCloses + 1 })
  await shot(close, 'morning-03-day-closed')
})
