/**
 * Messages, greetings and member events in a real browser (Chromium on the H5 build), one person
 * at a time, with the daily job run as a developer runs it locally (`POST /api/dev/run-daily`):
 *  a. a member gets the event invitation he subscribed to and replies; a member who never
 *     subscribed gets nothing, and subscribes on H5 (N1, N3, N4, C1, C2);
 *  b. a friend gets the expiry reminder of the card a member gave her (F6, N3, C2);
 *  c. staff: the director reads the outbox and plans an event, the front desk checks a member in
 *     on the day, and ticks off next month's birthday gifts (N2, N3, N4).
 * Each test has its own cloud (fresh demo data) and moves the clock forward, always in the daytime
 * in Shanghai (quiet hours, 21:00–08:00, would hold the messages back).
 *
 * Run: `npm run build:h5` first, then `npx jest --selectProjects browser`.
 */
import type { BillResult } from '../../src/domain/bill/engine'
import type { OutboxReport } from '../../src/api/contract'
import { PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { runDaily, setClock } from './desk'
import { apiDataOf } from './api'
import { downloadBy } from './download'
import { doubleTap } from './gestures'
import { lines } from '../integration/catalogue'

jest.setTimeout(180_000)

const HOME = 'pages/index/index'
const INBOX = 'pages/inbox/index'
const ANNUAL = 'demo-member-annual' // 王芳: a member who never subscribed to anything
const FRIEND_2 = 'demo-friend-2' // 阿杰: holds 李明's friend card, subscribed to its expiry reminder
/** The demo thanks dinner: three weeks after the demo clock (2026-11-22), invitations on 29 November. */
const DINNER = 'ev_thanks_dinner_20261213'

let h: Harness
beforeEach(async () => { h = await startHarness() }, 120_000)
afterEach(async () => { await h?.close() }, 60_000)

const apiData = apiDataOf(() => h)

test('member: 李明 gets the invitation he subscribed to and says yes with a guest; 王芳 never subscribed, gets nothing, and subscribes (N3, N4)', async () => {
  setClock(h, '2026-11-29T02:00:00Z') // 10:00 in Shanghai on the dinner's invitation day
  const run = await runDaily(h)
  expect(run.queued.event_invite).toBeGreaterThan(0)

  const li = await h.openAs(PERSONA.lifetime, HOME)
  await waitForText(li, 'whoami-name', '李明')
  await tap(li, 'goto-inbox')
  await waitForText(li, 'inbox-list', '会员活动邀请：年终感恩晚宴')
  const invitation = await textOf(li, 'inbox-item-0')
  expect(invitation).toContain('2026-12-13')
  expect(invitation).toContain('2026-11-29 10:00') // delivered at clinic time
  // His one-time consent to invitations was spent on this message (N3: one message per consent).
  expect(await textOf(li, 'consent-count-event_invite')).toContain('可接收 0 条')
  await shot(li, '60-inbox-member-invitation')

  // The invitation opens the events page: 1 guest, attend; 李明 and his guest are coming.
  await tap(li, 'inbox-open-0')
  await waitForText(li, `event-going-${DINNER}`, '0 / 40')
  expect(await textOf(li, `event-answer-${DINNER}`)).toContain('尚未回复')
  await tap(li, `guests-plus-${DINNER}`)
  await waitForText(li, `guests-${DINNER}`, '1')
  await tap(li, `attend-${DINNER}`)
  await waitForText(li, `event-going-${DINNER}`, '2 / 40')
  expect(await textOf(li, `event-answer-${DINNER}`)).toContain('已报名：本人及 1 位同行')
  await shot(li, '61-events-member-attend')

  // 王芳 is a member too, but never agreed to messages: no invitation reached her (C2, N3).
  const wf = await h.openAs(ANNUAL, INBOX)
  await waitForId(wf, 'inbox-empty')
  expect(await textOf(wf, 'consent-count-event_invite')).toContain('可接收 0 条')
  const skipped = await apiData<OutboxReport>('notify', { action: 'outbox', status: 'skipped' }, PERSONA.director)
  expect(skipped.recent.find((r) => r.toName === '王芳' && r.template === 'event_invite')?.reason).toBe('no_consent')

  // On H5 there is no WeChat dialog: she ticks the box herself (never pre-ticked) and confirms.
  expect(await wf.locator('[id="subscribe-event_invite"]').isChecked()).toBe(false)
  await tap(wf, 'subscribe-event_invite')
  await doubleTap(wf, 'subscribe-confirm') // S3: a double tap is one consent, so one message allowed
  await waitForText(wf, 'subscribe-done', '已订阅：会员活动邀请')
  await waitForText(wf, 'consent-count-event_invite', '可接收 1 条')
  expect(await textOf(wf, 'consent-count-birthday')).toContain('可接收 0 条') // only what she ticked
  await shot(wf, '62-inbox-member-subscribed')
})

test('friend: 阿杰 gets the expiry reminder of the card from 李明, with nothing about 李明\'s treatment (F6, N3, C2)', async () => {
  // The card was issued 40 days before the demo clock and is valid 3 months: until 2027-01-13.
  setClock(h, '2026-12-15T02:00:00Z') // 10:00 in Shanghai, within 30 days of the expiry
  const run = await runDaily(h)
  expect(run.queued.card_expiry).toBe(1)

  const friend = await h.openAs(FRIEND_2, 'pages/cards/index')
  await waitForText(friend, 'received-cards', '李*')
  await tap(friend, 'goto-inbox')
  await waitForText(friend, 'inbox-list', '亲友卡即将到期')
  const reminder = await textOf(friend, 'inbox-item-0')
  expect(reminder).toContain('李*送您的亲友卡余额¥600.00')
  expect(reminder).toContain('2027-01-13')
  expect(reminder).toContain('到店登记后不再过期')
  // C2: the giver's display name and the offer, nothing else about him.
  for (const never of ['病历号', '100001', '13912345678', '139****5678', '终身', '累计消费', '¥42,360']) expect(reminder).not.toContain(never)
  // Her one consent was spent; she sees only the reminder a friend can get, and may subscribe again.
  expect(await textOf(friend, 'consent-count-card_expiry')).toContain('可接收 0 条')
  expect(await friend.locator('[id="consent-count-birthday"]').count()).toBe(0)
  await waitForId(friend, 'subscribe-card_expiry')
  await shot(friend, '63-inbox-friend-card-expiry')
})

test('staff: the outbox says why, an event is planned, a member is checked in on the day, and next month\'s birthday gifts are ticked off (N2, N3, N4)', async () => {
  // 29 November, 10:00: a paid visit for 李明 (N2 counts what members paid in the last 12 months);
  // then the daily job invites the members to the dinner.
  setClock(h, '2026-11-29T02:00:00Z')
  const items = await lines(h.cloud, [{ name: '种植牙复查 implant check', category: 'treatment', amountFen: 1_000_000 }]) // a price list item (issue 13)
  const preview = await apiData<BillResult>('reception', { action: 'previewBill', patientId: 'pat_lifetime', items }, PERSONA.receptionist)
  await apiData('reception', { action: 'confirmBill', patientId: 'pat_lifetime', items, requestId: 'rq-messages-1', expectedDueFen: preview.totals.dueFen }, PERSONA.receptionist)
  await runDaily(h)

  // The director: the outbox counts, and members who never subscribed, explained.
  const dir = await h.openAs(PERSONA.director, HOME)
  await tap(dir, 'goto-staff-outbox')
  await waitForId(dir, 'outbox-counts')
  expect(Number(await textOf(dir, 'outbox-count-sent'))).toBeGreaterThanOrEqual(2) // 李明 and 刘洋 subscribed
  expect(Number(await textOf(dir, 'outbox-count-skipped'))).toBeGreaterThan(0)
  await tap(dir, 'filter-skipped')
  await waitForText(dir, 'outbox-list', '王芳')
  const list = await textOf(dir, 'outbox-list')
  expect(list).toContain('会员活动邀请 → 王芳')
  expect(list).toContain('对方未订阅')
  expect(list).toContain('没有在微信中同意接收这类消息')
  expect(list).not.toContain('The person has not subscribed') // one language on screen (issue 12)
  expect(list).not.toContain('会员活动邀请 → 李明') // his was sent
  await shot(dir, '64-outbox-director')

  // The director plans next year's Valentine's event from the suggested calendar.
  const planner = await h.openAs(PERSONA.director, HOME)
  await tap(planner, 'goto-staff-events')
  await waitForText(planner, `planned-${DINNER}`, '年终感恩晚宴')
  await tap(planner, 'year-next')
  await waitForText(planner, 'plan-year', '2027')
  await tap(planner, 'plan-valentine')
  await waitForId(planner, 'event-form')
  expect(await planner.locator('[id="event-date"]').inputValue()).toBe('2027-02-14')
  await typeInto(planner, 'event-place', '静安店二楼 · 2nd floor')
  await typeInto(planner, 'event-capacity', '30')
  await tap(planner, 'event-create')
  await waitForText(planner, 'planned-ev_valentine_20270214', '0 / 30')
  await shot(planner, '65-events-director-plan')

  // 李明 said yes with one guest; on the dinner's day the receptionist checks him in by record number.
  await apiData('events', { action: 'rsvp', eventId: DINNER, attending: true, guests: 1 }, PERSONA.lifetime)
  setClock(h, '2026-12-13T10:00:00Z') // 18:00 in Shanghai, the evening of the dinner
  const desk = await h.openAs(PERSONA.receptionist, HOME)
  await tap(desk, 'goto-staff-events')
  await tap(desk, `choose-${DINNER}`)
  await waitForText(desk, 'attendee-pat_lifetime', '李明')
  expect(await textOf(desk, 'attendee-pat_lifetime')).toContain('139****5678') // masked (C2)
  expect(await textOf(desk, 'attendee-state-pat_lifetime')).toContain('未签到')
  await typeInto(desk, 'checkin-input', '100001')
  await tap(desk, 'checkin-submit')
  await waitForText(desk, 'checkin-result', '签到成功：李明')
  await waitForText(desk, 'attendee-state-pat_lifetime', '已签到')
  expect(await textOf(desk, 'door-summary')).toContain('已签到 1 / 1 位会员 · 2 人')
  // A second scan of the same person changes nothing and says so.
  await typeInto(desk, 'checkin-input', '100001')
  await tap(desk, 'checkin-submit')
  await waitForText(desk, 'checkin-result', '此前已签到：李明')
  await shot(desk, '66-events-checkin')

  // 1 February 2027, 09:00 in Shanghai: the daily job prepares March's birthday gift list.
  setClock(h, '2027-02-01T01:00:00Z')
  const run = await runDaily(h)
  expect(run.giftsListed).toBeGreaterThan(0)
  const gifts = await h.openAs(PERSONA.receptionist, HOME)
  await tap(gifts, 'goto-staff-birthdays')
  await waitForText(gifts, 'gift-month', '2027-03')
  const row = await textOf(gifts, 'gift-pat_lifetime')
  expect(row).toContain('03-14 · 李明 · 139****5678')
  // Paid in the last 12 months: ¥42,360 of earlier visits (demo) and ¥8,800 today (¥10,000 less 12%).
  expect(row).toContain('¥51,160.00')
  expect(await textOf(gifts, 'gift-budget-pat_lifetime')).toBe('¥255.80') // 0.5%
  expect(await textOf(gifts, 'gift-status-pat_lifetime')).toContain('待购买')
  await tap(gifts, 'gift-bought-pat_lifetime')
  await waitForText(gifts, 'gift-status-pat_lifetime', '已购买')
  await tap(gifts, 'gift-delivered-pat_lifetime')
  await waitForText(gifts, 'gift-status-pat_lifetime', '已送达')
  expect(await textOf(gifts, 'gift-total')).toBe('¥255.80')
  const giftFile = await downloadBy(gifts, 'gift-export-csv') // issue 14: a file, not a copy box
  expect(giftFile.name).toBe('会员生日礼物-2027-03.csv')
  const csv = giftFile.bytes.toString('utf8')
  expect(csv).toContain('李明,139****5678,2027-03-14,51160.00,255.80,已送达')
  expect(csv).not.toContain('13912345678')
  await shot(gifts, '67-birthdays-gifts')

  // February's list, prepared by the same run: 陈静's 29 February birthday falls on the 28th in 2027.
  await tap(gifts, 'month-prev')
  await waitForText(gifts, 'gift-month', '2027-02')
  await waitForText(gifts, 'gift-pat_near_lifetime', '02-28 · 陈静')
})
