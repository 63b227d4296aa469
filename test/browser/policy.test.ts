/**
 * 规则设置 (issue 14 items 3 and 4) in a real browser on the H5 build: the director reaches it from
 * 我的, is told beside the field what is wrong, changes the friend card value with a reason after
 * WeChat's confirmation, and sees the new version in the history; a receptionist cannot reach it
 * (not on 我的, the page refuses, and so does the API). The simulator replays today's bills under a
 * changed discount beside what happened (issue 14 item 5).
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/policy.test.ts --selectProjects browser`.
 */
import type { Policy } from '../../src/domain/policy'
import { apiDataOf } from './api'
import { byId, pageTextWithout, PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal } from './gestures'
import { agreeIfAsked } from './privacy-notice'

jest.setTimeout(120_000)

const ME = 'pages/me/index'
const FACE_VALUE = 'pf-friendCard-faceValueFen'

let h: Harness
const apiData = apiDataOf(() => h)
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)


test('the director changes the friend card value with a reason and sees version 2 in the history', async () => {
  const page = await h.openAs(PERSONA.director, ME)
  await agreeIfAsked(page)
  await waitForText(page, 'goto-staff-policy', '规则设置')
  await tap(page, 'goto-staff-policy')
  await waitForText(page, 'policy-current', '第 1 版')
  await waitForText(page, 'policy-history', '初始规则')

  // Notes beside the field and the reason, in Chinese; nothing is saved.
  await typeInto(page, FACE_VALUE, '0')
  await tap(page, 'policy-save')
  await waitForText(page, `${FACE_VALUE}-problem`, '金额需在')
  expect(await textOf(page, 'policy-reason-problem')).toContain('请填写修改原因')

  await typeInto(page, FACE_VALUE, '800')
  await typeInto(page, 'policy-reason', '院务会决定提高亲友卡面值')
  await tap(page, 'policy-save')
  const asked = await acceptModal(page)
  expect(asked).toContain('第 2 版')
  expect(asked).toContain('亲友卡面值：¥600.00 → ¥800.00')

  await waitForText(page, 'policy-saved', '已保存为第 2 版')
  await waitForText(page, 'policy-current', '第 2 版')
  const history = await waitForText(page, 'policy-history', '第 2 版')
  expect(history).toContain('院长 赵强')
  expect(history).toContain('2026-11-22 10:00') // clinic time, not UTC
  expect(history).toContain('原因：院务会决定提高亲友卡面值')
  expect(history).toContain('亲友卡面值：¥600.00 → ¥800.00')
  // No field paths, codes or role keys on screen.
  const text = await pageTextWithout(page, ['persona-bar'])
  for (const hidden of ['faceValueFen', 'friendCard.', 'POLICY_', 'director']) expect(text).not.toContain(hidden)
  await shot(page, '90-policy-history')

  const stored = await h.cloud.store.get<{ _id: string; policy: Policy }>('policies', 'current')
  expect(stored?.policy).toMatchObject({ version: 2, friendCard: { faceValueFen: 80_000 } })
})

test('the seed 003 preset previews in roubles beside the current yuan', async () => {
  const page = await h.openAs(PERSONA.director, 'staff/policy/index')
  await waitForId(page, 'policy-presets')
  await tap(page, 'policy-preset-seed003')
  const preview = await waitForText(page, 'policy-preset-preview', '₽')
  expect(preview).toContain('货币：人民币（¥） → 卢布（₽）')
  expect(preview).toContain('每次推荐分成上限：¥500.00 → 0.00 ₽')
})

test('the director tries a 10% member discount on today\'s bills: ¥6 less discount, ¥6 more paid, nothing saved', async () => {
  // Two bills at the desk today (M2): a lifetime member's ¥300 extraction (12% off) and a non-member's.
  const bill = (patientId: string, requestId: string, expectedDueFen: number) =>
    apiData('reception', { action: 'confirmBill', patientId, items: [{ itemId: 'pi_demo_extraction' }], requestId, expectedDueFen }, PERSONA.receptionist)
  await bill('pat_lifetime', 'req-browser-sim-0001', 26_400)
  await bill('pat_plain', 'req-browser-sim-0002', 30_000)
  const page = await h.openAs(PERSONA.director, 'staff/policy/index')
  await waitForId(page, 'policy-simulation')
  const version = await byId(page, 'policy-current').getAttribute('data-version')
  await typeInto(page, 'pf-membership-discountBp', '10')
  await byId(page, 'sim-from').fill('2026-11-22')
  await byId(page, 'sim-to').fill('2026-11-22')
  await tap(page, 'sim-run')
  await waitForText(page, 'sim-period', '2026-11-22 至 2026-11-22，共 2 张账单')
  const discount = byId(page, 'sim-memberDiscountFen')
  expect(await discount.getAttribute('data-difference')).toBe('-600')
  expect(await textOf(page, 'sim-memberDiscountFen')).toContain('实际 ¥36.00 · 模拟 ¥30.00')
  expect(await textOf(page, 'sim-paidFen')).toContain('+¥6.00')
  expect(await textOf(page, 'sim-couponFen')).toContain('无变化')
  expect(await pageTextWithout(page, ['persona-bar'])).not.toMatch(/memberDiscountFen|POLICY_|Happened/)
  await shot(page, '91-policy-simulation')
  // Simulating saves nothing: the same version is current.
  const stored = await h.cloud.store.get<{ _id: string; policy: Policy }>('policies', 'current')
  expect(String(stored?.policy.version)).toBe(version)
})

test('a receptionist cannot reach the policy: not on 我的, the page refuses, and so does the API', async () => {
  const page = await h.openAs(PERSONA.receptionist, ME)
  await agreeIfAsked(page)
  await waitForId(page, 'me-staff')
  expect(await byId(page, 'goto-staff-policy').count()).toBe(0)
  const direct = await h.openAs(PERSONA.receptionist, 'staff/policy/index')
  await waitForText(direct, 'policy-forbidden', '仅院长和管理员')
  expect(await byId(direct, 'policy-form').count()).toBe(0)
  for (const event of [{ action: 'policyGet' }, { action: 'policySimulate', preset: 'seed003' }, { action: 'policySave', requestId: 'req-browser-policy-01', baseVersion: 1, reason: '越权尝试', preset: 'seed003' }]) {
    const r = await h.api('team', event, PERSONA.receptionist)
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN')
  }
})
