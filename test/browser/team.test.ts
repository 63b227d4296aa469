/**
 * Staff onboarding in a real browser (Chromium on the H5 build): the admin invites a new
 * receptionist for 西湖 from 员工管理; she opens the invitation on her own phone with a WeChat
 * identity the clinic has never seen, sees who invited her as what and where, joins, and lands on
 * the staff desk, where the front desk's pages are hers and the admin's are not. The code is spent.
 *
 * Run: `npm run build:h5` first, then `npx jest --selectProjects browser test/browser/team.test.ts`.
 */
import type { Persona, StaffMember } from '../../src/api/contract'
import { byId, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal, dismissModal } from './gestures'
import { agreeIfAsked } from './privacy-notice'

jest.setTimeout(120_000)

const HOME = 'pages/index/index'
const ADMIN = 'demo-staff-admin' // 管理员 孙琳
const NEWBIE = 'wx-browser-new-colleague' // a WeChat user nobody has seen
const LATECOMER = 'wx-browser-someone-else'

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)


test('the admin invites a receptionist for 西湖; she joins with her own WeChat and works the front desk', async () => {
  const admin = await h.openAs(ADMIN, HOME)
  await agreeIfAsked(admin)
  await tap(admin, 'goto-staff-team')
  await waitForId(admin, 'invite-form')
  await typeInto(admin, 'invite-name', '前台 小吴')
  await typeInto(admin, 'invite-phone', '13812345678')
  await tap(admin, 'invite-role-receptionist')
  await tap(admin, 'invite-clinic-clinic_hz')
  await tap(admin, 'invite-submit')
  await waitForText(admin, 'invite-result', '给 前台 小吴 的邀请')
  expect(await textOf(admin, 'invite-result')).toContain('只能使用一次')
  const link = (await byId(admin, 'invite-qr').getAttribute('data-text')) ?? ''
  expect(link).toMatch(/\/#\/staff\/join\/index\?t=YY1\.S\./)
  await waitForText(admin, 'staff-list', '前台 小吴 · 前台 · 牙友口腔 · 西湖店')
  expect(await textOf(admin, 'staff-list')).toContain('138****5678') // C2: masked
  expect(await textOf(admin, 'staff-list')).not.toContain('13812345678')
  expect(await textOf(admin, 'staff-list')).not.toMatch(/receptionist|admin\b/) // roles in words, never their keys (issue 12)
  const list = await h.api<StaffMember[]>('team', { action: 'list' }, ADMIN)
  const staffId = list.ok ? list.data.find((s) => s.name === '前台 小吴')?.staffId : undefined
  expect(staffId).toBeTruthy()
  expect(await textOf(admin, `staff-status-${staffId}`)).toContain('待加入')
  await shot(admin, '90-team-invite')

  const path = link.slice(link.indexOf('#/') + 2)
  const newbie = await h.openAs(NEWBIE, path)
  await agreeIfAsked(newbie)
  await waitForText(newbie, 'join-invitation', '管理员 孙琳 邀请您加入')
  expect(await textOf(newbie, 'join-name')).toBe('前台 小吴')
  expect(await textOf(newbie, 'join-role')).toBe('前台')
  expect(await textOf(newbie, 'join-clinic')).toBe('牙友口腔 · 西湖店')
  await shot(newbie, '91-team-join')
  await tap(newbie, 'join-btn')
  await waitForText(newbie, 'join-done', '欢迎加入')
  await tap(newbie, 'goto-staff-home')
  await waitForText(newbie, 'whoami-name', '前台 小吴')
  // The table decides what she sees: the front desk's pages, not the admin's.
  await waitForId(newbie, 'goto-staff-referral')
  expect(await byId(newbie, 'goto-reception').count()).toBe(1)
  expect(await byId(newbie, 'goto-staff-team').count()).toBe(0)
  expect(await byId(newbie, 'goto-staff-outbox').count()).toBe(0)
  await shot(newbie, '92-team-joined-desk')
  await tap(newbie, 'goto-staff-referral')
  await waitForId(newbie, 'day-sheet')

  const persona = await h.api<{ persona: Persona }>('identity', { action: 'whoami' }, NEWBIE)
  expect(persona).toMatchObject({ ok: true, data: { persona: { kind: 'staff', role: 'receptionist', clinicId: 'clinic_hz' } } })

  // The code is spent: someone else opening the same link cannot join.
  const late = await h.openAs(LATECOMER, path)
  await agreeIfAsked(late)
  await waitForText(late, 'join-state', '这个邀请已被使用')
  expect(await byId(late, 'join-btn').count()).toBe(0)

  // The admin's list shows her as working, and the record says who did what.
  const again = await h.openAs(ADMIN, 'staff/team/index')
  await agreeIfAsked(again)
  await waitForText(again, `staff-status-${staffId}`, '在职')
  await waitForText(again, 'history-list', '前台 小吴：打开邀请，绑定微信加入')
  expect(await textOf(again, 'history-list')).toContain('操作人 管理员 孙琳')

  // Issue 12: disabling her asks first, by name; cancelling changes nothing, confirming disables.
  await tap(again, `staff-disable-${staffId}`)
  expect(await dismissModal(again)).toContain('停用后，前台 小吴 将无法再使用员工功能')
  expect(await textOf(again, `staff-status-${staffId}`)).toContain('在职')
  expect(await h.cloud.store.get<{ _id: string; active: boolean }>('staff', staffId!)).toMatchObject({ active: true })
  await tap(again, `staff-disable-${staffId}`)
  await acceptModal(again)
  await waitForText(again, `staff-status-${staffId}`, '已停用')
  expect(await h.cloud.store.get<{ _id: string; active: boolean }>('staff', staffId!)).toMatchObject({ active: false })
})

test('after an upgrade the admin recounts the report totals, asked first; the director\'s card figures come back (issue 14, F7)', async () => {
  // A chain whose cards predate the totals: the summary reads none yet.
  for (let i = 0; i < 8; i++) await h.cloud.store.delete('cardTotals', `shard${i}`)
  const admin = await h.openAs(ADMIN, 'staff/team/index')
  await agreeIfAsked(admin)
  await waitForId(admin, 'totals-recount')
  await tap(admin, 'totals-recount')
  expect(await dismissModal(admin)).toContain('非营业时间')
  expect(await h.cloud.store.get('cardTotals', 'shard0')).toBeNull()
  await tap(admin, 'totals-recount')
  await acceptModal(admin)
  await waitForText(admin, 'totals-done', /重新统计：\d+ 位推荐人，\d+ 张亲友卡/)
  const cards = await h.cloud.store.count('friendCards')
  expect(await textOf(admin, 'totals-done')).toContain(`${cards} 张亲友卡`)
  const summary = await h.cloud.call('friendcard', { action: 'summary' }, 'demo-staff-director')
  expect(summary.ok && (summary.data as { counts: { issued: number } }).counts.issued).toBe(cards)
})
