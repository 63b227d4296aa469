/**
 * Issue 13 in a real browser (one payer panel): a friend brings a friend card and a first-visit
 * coupon; the desk registers them once, from the card panel, and the coupon panel follows — no second form.
 */
import { PERSONA, shot, startHarness, tap, typeInto, waitForId, waitForText, byId, type Harness } from './harness'
import { friendWithCardAndCoupon, scan } from './desk'
import { apiDataOf } from './api'

jest.setTimeout(120_000)

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)
const apiData = apiDataOf(() => h)

test('registered from the card panel, the coupon panel shows the same friend registered, without its own form', async () => {
  const { cardCode, couponCode } = await friendWithCardAndCoupon(apiData)

  const desk = await h.openAs(PERSONA.receptionist, 'staff/reception/index')
  await scan(desk, cardCode.token)
  await waitForId(desk, 'scanned-card')
  await scan(desk, couponCode.token)
  await waitForId(desk, 'coupon-register') // not registered yet: the coupon panel asks too
  await typeInto(desk, 'register-name', '小美')
  await typeInto(desk, 'register-phone', '13600001234')
  await tap(desk, 'register-btn')
  await waitForText(desk, 'card-expiry', '已登记')
  await waitForText(desk, 'coupon-state', '已登记')
  expect(await byId(desk, 'coupon-register').count()).toBe(0)
  await shot(desk, 'desk-one-payer')
})
