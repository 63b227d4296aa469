/**
 * Issue 12, language: a friend's landing pages speak one language — Chinese unless the person chose
 * English — with no codes, rule ids or internal ids; the choice stays on the device.
 */
import { byId, pageTextWithout, startHarness, tap, textOf, waitForText, type Harness } from './harness'

const FRIEND = 'demo-friend' // 小美, a WeChat user, not a patient yet
const CLAIM = 'pages/card/claim/index?t=demo-share-token-new-card-0001'
const REFERRAL = 'pages/referral/index?c=DKH87NJG'
/** Latin words a Chinese page may show: the other language's own name on the switch. */
const ALLOWED = new Set(['English'])

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() })

const latinWords = (text: string) => (text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => !ALLOWED.has(w))

test('the card landing is all Chinese, and says it all in English once the friend chooses English', async () => {
  const page = await h.openAs(FRIEND, CLAIM)
  await waitForText(page, 'offer-state', '可以领取')
  expect(latinWords(await pageTextWithout(page, ['persona-bar']))).toEqual([])
  expect(await textOf(page, 'offer-rules')).toContain('不可用于特价项目')

  await tap(page, 'lang-switch')
  await waitForText(page, 'offer-state', 'You can claim this card')
  expect(await textOf(page, 'offer-rules')).toContain('special-price')
  expect(await textOf(page, 'claim-btn')).toBe('Claim this card')
  expect(await textOf(page, 'lang-switch')).toBe('中文')
  expect(await pageTextWithout(page, ['persona-bar', 'offer-giver', 'lang-switch'])).not.toMatch(/[\u4e00-\u9fff]/)

  // The setting stays on the device: the next page opened speaks English too.
  await page.goto(page.url().replace(/#.*$/, `#/${REFERRAL}`))
  await waitForText(page, 'offer-state', 'You can take this first-visit coupon')
  await tap(page, 'lang-switch')
  await waitForText(page, 'offer-state', '可以领取首诊优惠券')
})

test('the referral landing is all Chinese for a first-time visitor', async () => {
  const page = await h.openAs(FRIEND, REFERRAL)
  await waitForText(page, 'offer-state', '可以领取首诊优惠券')
  expect(latinWords(await pageTextWithout(page, ['persona-bar']))).toEqual([])
  expect(await byId(page, 'take-coupon').innerText()).toBe('领取首诊优惠券')
})
