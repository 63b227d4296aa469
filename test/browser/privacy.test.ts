/**
 * C2 in a real browser (Chromium on the H5 build):
 *  a. a WeChat user new to the app sees the privacy notice over the first page; 不同意 explains and
 *     lets them read again; 同意 is recorded and the notice does not come back (other pages, a
 *     fresh browser for the same person);
 *  b. a member opens 我的数据 from the home page, sees the sections with counts and the consent
 *     log, and exports: the browser downloads a file with their record number in it.
 *
 * Run: `npm run build:h5` first, then `npx jest --selectProjects browser test/browser/privacy.test.ts`.
 */
import { readFileSync } from 'node:fs'
import type { UserDoc } from '../../cloudfunctions/_core/model'
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice'
import { byId, PERSONA, shot, startHarness, tap, textOf, waitForId, waitForText, type Harness } from './harness'

jest.setTimeout(180_000)

const HOME = 'pages/index/index'
const NEWCOMER = 'o-newcomer-browser-0001'

let h: Harness
beforeEach(async () => { h = await startHarness() }, 120_000)
afterEach(async () => { await h?.close() }, 60_000)

test('a new WeChat user sees the notice once: 不同意 explains, 同意 is recorded and it does not show again', async () => {
  const page = await h.openAs(NEWCOMER, HOME)
  await waitForId(page, 'privacy-notice')
  const notice = await textOf(page, 'privacy-notice')
  for (const must of ['个人信息保护告知书', '敏感个人信息', '我的数据', '导出', '保存多久']) expect(notice).toContain(must)
  // The page under it is there (a guest's welcome), but the notice is on top until answered.
  await waitForId(page, 'guest-welcome')
  await shot(page, '80-privacy-notice')

  await tap(page, 'privacy-decline')
  await waitForText(page, 'privacy-declined', '无法为您提供会员服务')
  expect(await h.cloud.store.get<UserDoc>('users', NEWCOMER)).toBeNull() // nothing recorded for a no
  await tap(page, 'privacy-back')
  await tap(page, 'privacy-accept')
  await byId(page, 'privacy-notice').waitFor({ state: 'hidden' })
  expect(await h.cloud.store.get<UserDoc>('users', NEWCOMER)).toMatchObject({ privacyAcceptedVersion: PRIVACY_NOTICE_VERSION })

  // Another page: no notice. The guest's pages work as before.
  await tap(page, 'goto-inbox')
  await waitForId(page, 'inbox-empty')
  expect(await page.locator('[id="privacy-notice"]').filter({ visible: true }).count()).toBe(0)

  // The same person in a fresh browser (no local memory): the server's record decides.
  const again = await h.openAs(NEWCOMER, HOME)
  await waitForId(again, 'guest-welcome')
  await again.waitForTimeout(1_000) // the notice check has answered by now
  expect(await again.locator('[id="privacy-notice"]').filter({ visible: true }).count()).toBe(0)
})

test('a member opens 我的数据, sees counts and consents, and downloads the export with their record number', async () => {
  const page = await h.openAs(PERSONA.lifetime, HOME) // 李明, record 100001: agreed already (demo)
  await waitForText(page, 'whoami-name', '李明')
  expect(await page.locator('[id="privacy-notice"]').filter({ visible: true }).count()).toBe(0)
  await tap(page, 'goto-mydata')
  await waitForText(page, 'mydata-count-family', '2 条')
  expect(await textOf(page, 'mydata-count-referrals')).toBe('3 条')
  expect(await textOf(page, 'mydata-count-cards')).toBe('2 条')
  await waitForText(page, 'consent-privacy', `${PRIVACY_NOTICE_VERSION}版`)
  expect(await textOf(page, 'consent-entries')).toContain('同意接收一次“生日祝福”')
  await shot(page, '81-mydata')

  for (const [button, ext] of [['mydata-export-json', 'json'], ['mydata-export-csv', 'csv']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, button)])
    expect(download.suggestedFilename()).toMatch(new RegExp(`^yayou-mydata-100001-\\d{8}\\.${ext}$`))
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).toContain('100001')
    expect(text).toContain('李明')
    expect(text).toContain('13912345678')
    for (const other of ['张丽', '13912345679', '王芳', '郑雪']) expect(text).not.toContain(other)
    await waitForText(page, 'mydata-exported', `yayou-mydata-100001`)
  }
})

test('a friend who is not a patient is told how to get there, with no data', async () => {
  const page = await h.openAs(PERSONA.friend, 'account/mydata/index')
  await waitForText(page, 'mydata-not-patient', '到店就诊登记')
  expect(await page.locator('[id="mydata-sections"]').count()).toBe(0)
})
