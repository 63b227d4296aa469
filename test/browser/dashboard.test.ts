/**
 * 经营看板 (issue 14 item 1) in a real browser on the H5 build: the director reaches it from 我的 and
 * reads the funnels, trend, tiers, referrers and messages in Chinese — one column on the phone, a
 * grid of cards on a 1280×800 desktop browser; a period chosen with the date fields. A receptionist
 * cannot reach it (not on 我的, the page refuses, and so does the API).
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/dashboard.test.ts --selectProjects browser`.
 */
import type { Page } from 'playwright-core'
import { byId, pageTextWithout, PERSONA, shot, startHarness, tap, waitForId, waitForText, type Harness } from './harness'
import { agreeIfAsked } from './privacy-notice'

jest.setTimeout(120_000)

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

interface Box { x: number; y: number; width: number; height: number }

/** The boxes of these elements in one frame, read again until two reads 100 ms apart agree (nothing is moving). */
async function settledBoxes(page: Page, ids: string[]): Promise<Box[]> {
  const read = () => page.evaluate((xs) => xs.map((id) => {
    const r = Array.from(document.querySelectorAll(`[id="${id}"]`)).map((e) => e.getBoundingClientRect()).find((b) => b.width > 0)
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null
  }), ids)
  let last = await read()
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100)
    const now = await read()
    if (now.every(Boolean) && JSON.stringify(now) === JSON.stringify(last)) return now as Box[]
    last = now
  }
  throw new Error(`${ids.join(', ')} never stood still: ${JSON.stringify(last)}`)
}

async function expectChineseOnly(page: Page): Promise<void> {
  const text = await pageTextWithout(page, ['persona-bar'])
  for (const hidden of ['taken', 'registered', 'lifetime', 'queued', 'clinic_sh', 'FORBIDDEN', 'director', 'undefined', 'NaN']) expect(text).not.toContain(hidden)
}

test('the director opens it from 我的 on the phone: one column, funnels and figures in Chinese', async () => {
  const page = await h.openAs(PERSONA.director, 'pages/me/index')
  await agreeIfAsked(page)
  await waitForText(page, 'goto-staff-dashboard', '经营看板')
  await tap(page, 'goto-staff-dashboard')
  await waitForText(page, 'dash-referral', '转介绍漏斗')
  await waitForText(page, 'dash-period', '2026-10-24 至 2026-11-22') // the last 30 days in Shanghai
  expect(await byId(page, 'dash-referral-funnel').locator('[data-step]').count()).toBe(4)
  expect(await byId(page, 'dash-card-funnel').locator('[data-step]').count()).toBe(6)
  const cards = await waitForText(page, 'dash-cards', '投入产出比')
  expect(cards).toMatch(/¥[\d,]+\.\d\d/)
  await waitForText(page, 'dash-tiers', '终身会员')
  await waitForText(page, 'dash-weeks', '每周趋势')
  await waitForText(page, 'dash-clinic-own', '静安') // a clinic director sees their own clinic
  await expectChineseOnly(page)
  // One column: the cards are stacked, each as wide as the page. Both measured in one go once the
  // page's slide-in has ended (two boxes read one after the other while it moves differ by its step).
  const [a, b] = await settledBoxes(page, ['dash-referral', 'dash-cards'])
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height)
  expect(Math.abs(a.x - b.x)).toBeLessThan(2)
  await shot(page, '92-dashboard-phone')
})

test('at 1280×800 the cards sit in a grid; a chosen period is the one shown', async () => {
  const page = await h.openAs(PERSONA.director, 'staff/dashboard/index')
  await page.setViewportSize({ width: 1280, height: 800 })
  await waitForText(page, 'dash-referral', '转介绍漏斗')
  const [a, b] = await settledBoxes(page, ['dash-referral', 'dash-cards'])
  expect(Math.abs(a.y - b.y)).toBeLessThan(2) // side by side
  expect(b.x).toBeGreaterThan(a.x + a.width - 1)
  await byId(page, 'dash-from').fill('2026-11-16')
  await byId(page, 'dash-to').fill('2026-11-22')
  await tap(page, 'dash-apply')
  await waitForText(page, 'dash-period', '2026-11-16 至 2026-11-22')
  expect(await byId(page, 'dash-weeks-bills').locator('[data-week]').count()).toBe(1) // Monday the 16th to Sunday the 22nd
  await expectChineseOnly(page)
  await shot(page, '93-dashboard-desktop')
})

test('a receptionist cannot reach it: not on 我的, the page refuses, and so does the API', async () => {
  const page = await h.openAs(PERSONA.receptionist, 'pages/me/index')
  await agreeIfAsked(page)
  await waitForId(page, 'me-staff')
  expect(await byId(page, 'goto-staff-dashboard').count()).toBe(0)
  const direct = await h.openAs(PERSONA.receptionist, 'staff/dashboard/index')
  await waitForText(direct, 'dashboard-forbidden', '仅院长和管理员')
  expect(await byId(direct, 'dash-grid').count()).toBe(0)
  const r = await h.api('team', { action: 'dashboard' }, PERSONA.receptionist)
  expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN')
})
