/**
 * Issue 14 item 4 on the policy page, in a real browser on the H5 build: R4's message is a text box
 * of several lines with the placeholders it may use listed under it; an unknown placeholder is noted
 * beside it and nothing is saved; a text the chain writes is saved as a new version; seed 003's
 * preset previews its Russian text.
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/policy-reward-message.test.ts --selectProjects browser`.
 */
import type { Policy } from '../../src/domain/policy'
import { byId, PERSONA, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal } from './gestures'
import { agreeIfAsked } from './privacy-notice'

jest.setTimeout(120_000)

const TEXT = 'pf-notify-referralRewardText'

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

test('the director writes the reward message: a multi-line box, the placeholders named, an unknown one refused, a good one saved', async () => {
  const page = await h.openAs(PERSONA.director, 'staff/policy/index')
  await agreeIfAsked(page)
  await waitForId(page, TEXT)
  const box = byId(page, TEXT)
  expect(await box.evaluate((e) => e.tagName.toLowerCase())).toBe('textarea')
  // Several lines tall, unlike the one-line fields around it.
  const tall = (await box.boundingBox())!.height
  const line = (await byId(page, 'pf-referral-firstVisitGift').boundingBox())!.height
  expect(tall).toBeGreaterThan(line * 2)
  const group = await textOf(page, 'policy-group-messages')
  for (const p of ['{bonus}', '{payout}', '{clinic}', '{clinicPhone}', '朋友就诊的诊所名称', '按原样发送']) expect(group).toContain(p)
  expect(await box.getAttribute('placeholder')).toBe('留空则发送系统默认的中英文通知')

  await typeInto(page, TEXT, 'Спасибо! {summa}')
  await typeInto(page, 'policy-reason', '采用诊所自己的通知文字')
  await tap(page, 'policy-save')
  await waitForText(page, `${TEXT}-problem`, '不认识的占位符：{summa}')
  expect((await h.cloud.store.get<{ _id: string; policy: Policy }>('policies', 'current'))?.policy.version ?? 1).toBe(1)

  await typeInto(page, TEXT, 'Спасибо! {bonus}, {clinic}')
  await tap(page, 'policy-save')
  expect(await acceptModal(page)).toContain('推荐奖励到账通知')
  await waitForText(page, 'policy-saved', '已保存为第 2 版')
  await page.screenshot({ path: '/tmp/h8-policy-messages.png', fullPage: true }).catch(() => undefined)
  const stored = await h.cloud.store.get<{ _id: string; policy: Policy }>('policies', 'current')
  expect(stored?.policy.notify.referralRewardText).toBe('Спасибо! {bonus}, {clinic}')
})

test('the seed 003 preset previews the regulation\'s own message', async () => {
  const page = await h.openAs(PERSONA.director, 'staff/policy/index')
  await waitForId(page, 'policy-presets')
  await tap(page, 'policy-preset-seed003')
  await waitForText(page, 'policy-preset-preview', 'К нам пришел клиент по вашей рекомендации')
})
