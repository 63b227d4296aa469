/**
 * Issue 12, speed: a friend's shared link opens the landing's light entry (src/landing; the links
 * from services/landings.ts). The friend sees the same things as in the app — one language, the
 * giver's display name only (C2), the full rules (C1) — with none of the app's script, claims with
 * one charge on a double tap, and goes on into the app as the same person.
 */
import type { Page } from 'playwright-core'
import type { FriendCard } from '../../src/domain/friendcard/card'
import { shareLink } from '../../src/services/landings'
import { bodyText, byId, pageTextWithout, shot, startHarness, tap, textOf, waitForId, waitForText, type Harness } from './harness'

jest.setTimeout(120_000)

const FRIEND = 'demo-friend' // 小美, a WeChat user, not a patient yet
const CARD_PAGE = 'pages/card/claim/index?t=demo-share-token-new-card-0001'
const REFERRAL_PAGE = 'pages/referral/index?c=DKH87NJG'

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() })

const latinWords = (text: string) => (text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => w !== 'English')

/** The app's own script files a page asked for (the light entry needs none). */
function appScripts(page: Page): string[] {
  const asked: string[] = []
  page.on('request', (r) => { if (/\/js\/.*\.js$/.test(new URL(r.url()).pathname)) asked.push(r.url()) })
  return asked
}

describe('the card link (F3, C1, C2)', () => {
  let page: Page

  test('opens the offer in Chinese, with the rules and an unticked reminder box, and none of the app\'s script', async () => {
    page = await h.openAs(FRIEND, shareLink(CARD_PAGE, h.baseUrl))
    const scripts = appScripts(page)
    expect(page.url()).toContain('/l/card.html?t=')
    await waitForText(page, 'offer-giver', '周*')
    expect(await textOf(page, 'offer-value')).toBe('¥600.00')
    expect(await textOf(page, 'offer-state')).toContain('可以领取')
    expect(await textOf(page, 'offer-rules')).toContain('不可用于特价项目')
    expect(await byId(page, 'accept-reminders').isChecked()).toBe(false)
    expect(latinWords(await bodyText(page))).toEqual([])
    for (const secret of ['100009', '13500006666', '病历号', '累计消费']) expect(await bodyText(page)).not.toContain(secret)
    expect(scripts).toEqual([])
    await shot(page, '13b-friend-landing-light')
  })

  test('a double tap claims once; then the next step opens the app as the same friend', async () => {
    await byId(page, 'claim-btn').dblclick()
    await waitForText(page, 'offer-state', '已领取')
    expect(await byId(page, 'claim-btn').count()).toBe(0)
    const card = await h.cloud.store.get<FriendCard>('friendCards', 'fc_demo_new')
    expect(card?.status).toBe('claimed')
    expect(card?.history.filter((e) => e.event === 'claimed')).toHaveLength(1)
    // No reminder consent was given: the box stayed unticked (N3).
    expect((await h.cloud.store.get<{ _id: string; counts?: Record<string, number> }>('consents', FRIEND))?.counts?.card_expiry ?? 0).toBe(0)

    await tap(page, 'goto-clinics')
    await waitForId(page, 'clinic-list')
    expect(page.url()).toContain('/#/pages/clinics/index')
    // Opening the link again: the card is hers now.
    const again = await h.openAs(FRIEND, shareLink(CARD_PAGE, h.baseUrl))
    await waitForText(again, 'offer-state', '已领取')
    await tap(again, 'goto-card-code')
    await waitForText(again, 'card-code-digits', /^\d{4} \d{4}/)
  })

  test('a link without its token says what to do, in Chinese', async () => {
    const broken = await h.openAs(FRIEND, `${h.baseUrl}/l/card.html`)
    await waitForId(broken, 'lang-switch')
    expect(await bodyText(broken)).toContain('链接不完整，请让朋友重新分享')
    expect(await byId(broken, 'claim-btn').count()).toBe(0)
  })
})

describe('the referral link (R2, C1, C2) and the language setting', () => {
  test('the coupon is taken from the light entry and shown in the app', async () => {
    const page = await h.openAs('demo-friend-2', shareLink(REFERRAL_PAGE, h.baseUrl))
    await waitForText(page, 'offer-state', '可以领取首诊优惠券')
    expect(await textOf(page, 'ref-discount')).toBe('¥300.00')
    expect(latinWords(await bodyText(page))).toEqual([])
    await tap(page, 'take-coupon')
    await waitForText(page, 'offer-state', '已领取')
    await tap(page, 'goto-coupon')
    await waitForText(page, 'coupon-code-digits', /^\d{4}( \d{2,4})+$/)
  })

  test('English chosen on the landing is the app\'s setting too, and back', async () => {
    const page = await h.openAs(FRIEND, shareLink(REFERRAL_PAGE, h.baseUrl))
    await waitForText(page, 'offer-state', '可以领取首诊优惠券')
    await tap(page, 'lang-switch')
    await waitForText(page, 'offer-state', 'You can take this first-visit coupon')
    expect(await pageTextWithout(page, ['ref-referrer', 'lang-switch'])).not.toMatch(/[\u4e00-\u9fff]/)
    // The app, on the same device, speaks English.
    await page.goto(`${h.baseUrl}/#/pages/index/index`)
    await waitForText(page, 'lang-switch', '中文')
    await tap(page, 'lang-switch')
    // And the landing follows the app's choice.
    await page.goto(shareLink(REFERRAL_PAGE, h.baseUrl))
    await waitForText(page, 'offer-state', '可以领取首诊优惠券')
  })
})
