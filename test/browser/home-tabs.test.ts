/**
 * Issue 12, the WeChat look on the H5 build: the tabBar (首页 / 会员码 / 我的), the grid of entries on
 * home, spend and bonus apart (item 3), and 我的 — where staff reach their pages: a receptionist
 * sees the front desk, a patient does not.
 */
import type { Page } from 'playwright-core'
import { byId, PERSONA, shot, startHarness, tap, textOf, waitForId, waitForText, type Harness } from './harness'

jest.setTimeout(120_000)

const HOME = 'pages/index/index'
const ME = 'pages/me/index'
const FAMILY_MEMBER = 'demo-member-family' // 张丽, family of 李明, no tier of her own

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

/** Taps a tab of Taro's H5 tabBar by its label. */
async function tapTab(page: Page, label: string): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: label }).first().click()
}
const tabLabels = async (page: Page) => (await page.locator('.weui-tabbar__label').allInnerTexts()).map((s) => s.trim())

test('a member opens home, sees the grid, and moves between 首页, 会员码 and 我的 by the tabBar', async () => {
  const page = await h.openAs(PERSONA.lifetime, HOME)
  await waitForText(page, 'whoami-name', '李明')
  expect(await tabLabels(page)).toEqual(['首页', '会员码', '我的'])
  // The icons are in the build (inlined or copied) and load as 81×81 images.
  await page.waitForFunction(() => {
    const icons = Array.from(document.querySelectorAll<HTMLImageElement>('img.weui-tabbar__icon'))
    return icons.length === 3 && icons.every((i) => i.complete && i.naturalWidth === 81)
  })
  // The grid of entries instead of a stack of buttons.
  const grid = await textOf(page, 'home-grid')
  for (const label of ['会员码', '亲友卡', '推荐好友', '家庭成员', '会员活动', '消息', '我的数据']) expect(grid).toContain(label)
  // Item 3: a lifetime member has no progress bar; spend and bonus are apart, each with its own balance.
  expect(await textOf(page, 'member-tier')).toBe('终身家庭会员')
  expect(await byId(page, 'member-progress').count()).toBe(0)
  const spend = await textOf(page, 'spend-list')
  expect(spend).toContain('+¥42,360.00')
  expect(spend).toContain('累计 ¥42,360.00')
  expect(spend).not.toContain('奖励')
  const bonus = await textOf(page, 'bonus-list')
  expect(bonus).toContain('余额 ¥300.00') // three referral rewards of ¥100 (demo data)
  expect(bonus).not.toContain('42,360')
  await shot(page, '70-home-grid-tabs')

  await tapTab(page, '会员码')
  await waitForId(page, 'member-code-qr')
  expect(page.url()).toContain('pages/member/code/index')

  await tapTab(page, '我的')
  await waitForText(page, 'me-name', '李明')
  expect(await textOf(page, 'me-phone')).toContain('139****5678')
  expect(await textOf(page, 'me-badge')).toBe('终身家庭会员')
  await waitForId(page, 'me-mydata')
  await waitForId(page, 'me-family')
  expect(await byId(page, 'me-staff').count()).toBe(0)
  expect(await byId(page, 'goto-reception').count()).toBe(0)
  await shot(page, '71-me-member')

  await tapTab(page, '首页')
  await waitForText(page, 'whoami-name', '李明')
  expect(page.url()).toContain('pages/index/index')
  // The grid's 会员码 is the same tab.
  await tap(page, 'goto-code')
  await waitForId(page, 'member-code-qr')
})

test('a family member is 家庭会员 on home and on 我的, not 非会员 (M3)', async () => {
  const page = await h.openAs(FAMILY_MEMBER, HOME)
  await waitForText(page, 'whoami-name', '张丽')
  expect(await textOf(page, 'member-tier')).toBe('家庭会员')
  expect(await textOf(page, 'member-discount')).toBe('88折')
  await tapTab(page, '我的')
  await waitForText(page, 'me-badge', '家庭会员')
})

test('我的 of a receptionist shows the front desk entry, which opens reception; the admin-only pages are not there', async () => {
  const page = await h.openAs(PERSONA.receptionist, ME)
  await waitForId(page, 'me-staff')
  expect(await textOf(page, 'me-summary')).toContain('前台')
  expect(await textOf(page, 'me-summary')).not.toContain('receptionist')
  expect(await textOf(page, 'goto-reception')).toContain('前台收款')
  expect(await byId(page, 'goto-staff-team').count()).toBe(0)
  await shot(page, '72-me-receptionist')
  await tap(page, 'goto-reception')
  await waitForId(page, 'scan-input')
})

test('the language setting on 我的 switches the page and the tabBar to English and back', async () => {
  const page = await h.openAs(PERSONA.lifetime, ME)
  await waitForText(page, 'me-lang', '中文')
  await tap(page, 'me-lang')
  await waitForText(page, 'me-lang', 'English')
  await waitForText(page, 'me-cells', 'My data')
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.weui-tabbar__label')).map((e) => (e.textContent ?? '').trim()).join('|') === 'Home|Member code|Me')
  await tap(page, 'me-lang')
  await waitForText(page, 'me-cells', '我的数据')
})
