/**
 * Browser helpers for the front desk and the local cloud's developer switches: the price list a
 * test bills from (issue 13), picking and scanning at reception, the clock and the daily job.
 */
import type { Page } from 'playwright-core'
import type { CardCode, CouponView, Result } from '../../src/api/contract'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import type { apiDataOf } from './api'
import type { DailySummary } from '../../cloudfunctions/_core/usecases/daily'
import { stock } from '../integration/catalogue'
import { byId, explain, PERSONA, tap, typeInto, waitForText, type Harness } from './harness'

/** A bill item a test picks at the desk: name, category, price in yuan. */
export type DeskItem = readonly [name: string, category: string, yuan: string]

/**
 * Issue 13: reception bills from the price list. Puts the test's items in it (active, as the admin
 * would have saved them) — before the desk page opens, which loads the list once.
 */
export async function stockPriceList(h: Harness, items: readonly DeskItem[]): Promise<void> {
  await stock(h.cloud, items.map(([name, category, yuan]) => ({ name, category, amountFen: Math.round(Number(yuan) * 100) })))
}

/**
 * Reception: add one bill item the way staff do — search the price list, tap the item — and check
 * the line shows the catalogue's category and price (stocked with stockPriceList).
 */
export async function addItem(page: Page, name: string, category: string, yuan: string): Promise<void> {
  await pickItem(page, name, name)
  const line = byId(page, 'bill-lines').locator('.bill-line').filter({ has: page.locator('.bill-line__name', { hasText: name }) }).last()
  await explain(page, `the bill line ${name} is not ${category} ¥${yuan}`, async () => {
    const shown = [await line.getAttribute('data-category'), (await line.locator('.bill-line__amount').innerText()).replace(/[¥,\s]/g, '')]
    if (shown[0] !== category || shown[1] !== Number(yuan).toFixed(2)) throw new Error(`it shows ${shown.join(' ')}`)
  })
}

/** Reception: type `query` (a name or pinyin initials) in the price list search and tap the item named `name`. */
export async function pickItem(page: Page, query: string, name: string): Promise<void> {
  await typeInto(page, 'item-search', query)
  const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)
  const pick = byId(page, 'item-results').locator('.pick').filter({ has: page.locator('.pick__name', { hasText: exact }) }).first()
  await explain(page, `could not pick ${name} after searching ${query}`, () => pick.click())
  await waitForText(page, 'bill-lines', name)
}

/** Reception: type or paste a code (member, friend card, coupon) or a record number and look it up. */
export async function scan(page: Page, code: string): Promise<void> {
  await typeInto(page, 'scan-input', code)
  await tap(page, 'scan-submit')
}

/** Local mode: the cloud's clock stands still at `iso` (`POST /api/dev/clock` would set it running from there). */
export function setClock(h: Harness, iso: string): void {
  h.cloud.clock.pin(new Date(iso))
}

/** Runs the daily job as a developer does locally: `POST /api/dev/run-daily` (N1–N4, then delivery, N3). */
export async function runDaily(h: Harness): Promise<DailySummary> {
  const res = await fetch(`${h.baseUrl}/api/dev/run-daily`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  const body = (await res.json()) as Result<DailySummary>
  if (!body.ok) throw new Error(`run-daily: ${body.error.code} ${body.error.message.en}`)
  return body.data
}

/**
 * F3, R2: 小美 claims 周婷's new friend card (reminders agreed) and takes 赵磊's first-visit coupon;
 * answers the two codes she shows at the desk.
 */
export async function friendWithCardAndCoupon(apiData: ReturnType<typeof apiDataOf>): Promise<{ cardCode: CardCode; couponCode: CardCode }> {
  await apiData('friendcard', { action: 'share', cardId: 'fc_demo_new' }, 'demo-member-giver')
  await apiData('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001', acceptReminders: true }, PERSONA.friend)
  await apiData('referral', { action: 'takeCoupon', code: demoReferralCode('pat_plain') }, PERSONA.friend)
  const cardCode = await apiData<CardCode>('friendcard', { action: 'code', cardId: 'fc_demo_new' }, PERSONA.friend)
  const [coupon] = await apiData<CouponView[]>('referral', { action: 'coupons' }, PERSONA.friend)
  const couponCode = await apiData<CardCode>('referral', { action: 'couponCode', couponId: coupon.couponId }, PERSONA.friend)
  return { cardCode, couponCode }
}
