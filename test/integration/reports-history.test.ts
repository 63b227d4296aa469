/**
 * Issue 14 item 6: reports that scale. The period reports read only their period, so years of old
 * history change none of their figures; the clinic filter still holds; the R8 leaderboard comes
 * from running totals kept in the money transactions, equal to counting every locked referral.
 */
import type { BirthdayList, CardReminderView, CardSummary, ConfirmedBill, DaySheet as ReferralSheet, LeaderRow, OutboxReport, PayoutView } from '../../src/api/contract'
import type { DaySheet as DeskSheet } from '../../src/api/bills'
import type { BillResult } from '../../src/domain/bill/engine'
import type { FriendCard } from '../../src/domain/friendcard/card'
import { dueCardReminders } from '../../src/domain/friendcard/reminders'
import { DEFAULT_POLICY } from '../../src/domain/policy'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { C, type BillDoc, type ReferralDoc } from '../../cloudfunctions/_core/model'
import { rebuildReferrerTotals, type ReferrerTotalsDoc } from '../../cloudfunctions/_core/usecases/referrer-totals'
import { activity, insertAll, longAgo, RECENT, thisWeek, UNIT } from '../../scripts/bench-reports'
import { data, openCloud, RECEPTION } from './helpers'
import { picked } from './catalogue'

const DIRECTOR = 'demo-staff-director'
const ADMIN = 'demo-staff-admin'
const RECEPTION_HZ = 'demo-staff-receptionist-hz'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const call = async <T>(fn: string, event: object, openid: string) => data(await cloud.call(fn, event, openid)) as T
const desk = async (event: object, openid = RECEPTION) => cloud.call('reception', await picked(cloud, event), openid)
const treatment = (amountFen: number) => ({ name: '治疗 treatment', category: 'treatment', amountFen })
let seq = 0
async function pay(patientId: string, items: object[], extra: object = {}): Promise<ConfirmedBill> {
  const p = data(await desk({ action: 'previewBill', patientId, items, ...extra })) as BillResult
  return data(await desk({ action: 'confirmBill', patientId, items, ...extra, requestId: `rh-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: p.totals.dueFen })) as ConfirmedBill
}

/** Every period report as staff open it. */
async function periodReports() {
  return {
    deskSheetSh: await call<DeskSheet>('reception', { action: 'daySheet' }, RECEPTION),
    deskSheetHz: await call<DeskSheet>('reception', { action: 'daySheet' }, RECEPTION_HZ),
    referralSheet: await call<ReferralSheet>('referral', { action: 'daySheet' }, ADMIN),
    referralSheetHz: await call<ReferralSheet>('referral', { action: 'daySheet' }, RECEPTION_HZ),
    audit: await call('referral', { action: 'audit' }, DIRECTOR),
    payoutsDue: await call<PayoutView[]>('referral', { action: 'payouts' }, ADMIN),
    reminders: await call('friendcard', { action: 'reminders' }, DIRECTOR),
    birthdays: await call<BirthdayList>('membership', { action: 'birthdays' }, ADMIN),
    // The outbox shows its latest 100 messages (older ones fill the page when fewer are new): the period's part.
    outbox: await call<OutboxReport>('notify', { action: 'outbox' }, DIRECTOR).then((o) => ({ ...o, recent: o.recent.filter((m) => m.createdAt >= o.countsSince!) })),
  }
}

test('years of old history change no figure of the period reports; each clinic sees its own', async () => {
  await insertAll(cloud, activity('new', { ...RECENT, patients: 60 }, thisWeek, false))
  await pay('pat_new_1', [treatment(100_000)], { referrerCode: '100007' }) // and one real referral bill today
  const before = await periodReports()
  // The period has activity in every report, so "equal" is not "both empty".
  expect(before.deskSheetSh.bills.length).toBeGreaterThan(5)
  expect(before.deskSheetHz.bills.length).toBeGreaterThan(3)
  expect(before.referralSheet.rows.length).toBeGreaterThan(3)
  expect(before.payoutsDue.length).toBeGreaterThan(3)
  expect(before.birthdays.gifts.length).toBe(RECENT.gifts)
  expect(before.outbox.counts.sent).toBeGreaterThan(0)

  // Clinic filter: 西湖 sees only 西湖's bills, on both sheets; 静安 only 静安's.
  const clinicOf = async (id: string) => (await cloud.store.get<BillDoc>(C.bills, id))!.clinicId
  expect(new Set(await Promise.all(before.deskSheetHz.bills.map((b) => clinicOf(b.billId))))).toEqual(new Set(['clinic_hz']))
  expect(new Set(await Promise.all(before.deskSheetSh.bills.map((b) => clinicOf(b.billId))))).toEqual(new Set(['clinic_sh']))
  const hzRows = before.referralSheetHz.rows
  expect(hzRows.length).toBeGreaterThan(0)
  expect(new Set(await Promise.all(hzRows.map((r) => clinicOf(r.billId))))).toEqual(new Set(['clinic_hz']))
  expect(hzRows.length).toBeLessThan(before.referralSheet.rows.length)

  // Two years of old bills, rewards, payouts (paid), cards (ended), messages (sent), gift lists.
  await insertAll(cloud, activity('old', { ...UNIT, audit: 0 }, longAgo, true))
  expect(await periodReports()).toEqual(before)
})

test('R8: the leaderboard from running totals equals counting every locked referral, through payments and refunds', async () => {
  // Demo: 李明 (100001) 3 paid referrals, 孙悦 (100008) 2. 赵磊 (100007) refers two new patients.
  const a = await pay('pat_new_1', [treatment(100_000)], { referrerCode: '100007' })
  await pay('pat_new_2', [treatment(500_000)], { referrerCode: '100007' })
  await pay('pat_new_1', [treatment(40_000)]) // a later visit adds to the referred revenue
  data(await desk({ action: 'refund', billId: a.billId, amountFen: 30_000, reason: '部分退款 partial refund', requestId: 'rh-refund-1' }, DIRECTOR))

  const rows = await call<LeaderRow[]>('referral', { action: 'leaderboard' }, RECEPTION)
  // The old way: every locked referral, summed per referrer.
  const locked = await cloud.store.query<ReferralDoc>(C.referrals, { where: { status: 'locked' }, limit: 1000 })
  const sums = new Map<string, { n: number; fen: number }>()
  for (const r of locked) {
    const s = sums.get(r.referrerPatientId!) ?? { n: 0, fen: 0 }
    sums.set(r.referrerPatientId!, { n: s.n + 1, fen: s.fen + r.revenueFen })
  }
  expect(rows.map((r) => [r.code, r.validReferrals, r.referredRevenueFen])).toEqual([
    ['100001', 3, sums.get('pat_lifetime')!.fen], ['100007', 2, sums.get('pat_plain')!.fen], ['100008', 2, sums.get('pat_bonus')!.fen],
  ])
  // By hand: ¥1,000 and ¥5,000 less the ¥300 first-visit discount each (R2), ¥400 later, ¥300 refunded.
  expect(sums.get('pat_plain')).toEqual({ n: 2, fen: 70_000 + 470_000 + 40_000 - 30_000 })

  // What the transactions kept is what a rebuild from the referrals computes.
  const kept = await cloud.store.query<ReferrerTotalsDoc>(C.referrerTotals, { where: { validReferrals: { $gt: 0 } }, orderBy: [['validReferrals', 'desc']], limit: 100 })
  await rebuildReferrerTotals(cloud.store, 'rebuilt')
  const rebuilt = await cloud.store.query<ReferrerTotalsDoc>(C.referrerTotals, { where: { validReferrals: { $gt: 0 } }, orderBy: [['validReferrals', 'desc']], limit: 100 })
  const figures = (ds: ReferrerTotalsDoc[]) => ds.map((d) => [d._id, d.validReferrals, d.referredRevenueFen]).sort()
  expect(figures(kept)).toEqual(figures(rebuilt))
  expect(figures(kept)).toHaveLength(3)
})

test('paid payouts: the latest first, a page of at most 100 however many were ever paid', async () => {
  await insertAll(cloud, activity('old', { ...UNIT, referrals: 130, bills: 130 }, longAgo, true))
  const paid = await call<PayoutView[]>('referral', { action: 'payouts', status: 'paid' }, ADMIN)
  expect(paid).toHaveLength(100)
  const at = paid.map((p) => p.paidAt!)
  expect([...at].sort().reverse()).toEqual(at)
  // The newest paid payout of all is on the page.
  const all = activity('old', { ...UNIT, referrals: 130, bills: 130 }, longAgo, true).get(C.payouts)!
  const newest = all.reduce((m, p) => (String(p.createdAt) > String(m.createdAt) ? p : m))
  expect(paid.map((p) => p.payoutId)).toContain(newest._id)
})

test('F7 summary: the card list comes a page at a time, every card exactly once; the figures count every card', async () => {
  await insertAll(cloud, activity('new', { ...RECENT, patients: 60 }, thisWeek, false))
  await insertAll(cloud, activity('old', { ...UNIT, cards: 230 }, longAgo, true))
  const first = await call<CardSummary>('friendcard', { action: 'summary' }, DIRECTOR)
  const seen: string[] = []
  let page = first
  for (;;) {
    expect(page.counts).toEqual(first.counts) // every page carries the same figures
    expect(page.cards.length).toBeLessThanOrEqual(100)
    seen.push(...page.cards.map((c) => c.cardId))
    if (!page.nextBefore) break
    page = await call<CardSummary>('friendcard', { action: 'summary', before: page.nextBefore }, DIRECTOR)
  }
  const all = await cloud.store.query<FriendCard>(C.friendCards, { orderBy: [['issuedAt', 'desc']], limit: 1000 })
  expect(all.length).toBe(3 + RECENT.cards + 230) // the demo's three, this week's, the old ones
  expect(seen).toEqual(all.map((c) => c._id)) // newest first, each once
  expect(first.counts.issued).toBe(all.length)

  // F7 by hand, card by card: the friend's bills since the claim; what the cards paid.
  let revenue = 0
  for (const c of all) {
    if (!c.friendPatientId || !c.claimedAt) continue
    const bills = await cloud.store.query<BillDoc>(C.bills, { where: { patientId: c.friendPatientId, at: { $gte: c.claimedAt } }, limit: 1000 })
    revenue += bills.reduce((s, b) => s + b.paidFen, 0)
  }
  expect(revenue).toBeGreaterThan(0)
  expect(first.friendsRevenueFen).toBe(revenue)
  expect(first.redeemedFen).toBe(all.flatMap((c) => c.history).filter((h) => h.event === 'redeemed').reduce((s, h) => s + (h.amountFen ?? 0), 0))
})

test('F6 reminders: the same as reading every live card, with old registered cards of two face values among ended ones', async () => {
  await insertAll(cloud, activity('new', { ...RECENT, patients: 60 }, thisWeek, false))
  await insertAll(cloud, activity('old', UNIT, longAgo, true))
  // Registered long ago, so they never expire (F5): whole face value (¥600, and ¥500 from an earlier
  // policy) — the giver's "not used yet" stays due — or partly spent, which is due nothing.
  const base = activity('reg', { ...RECENT, cards: 8, patients: 10 }, longAgo, false).get(C.friendCards)!
  const registered = base.map((c, i) => {
    const face = i % 2 ? 50_000 : 60_000
    const full = i % 4 < 2
    return { ...c, status: 'claimed', faceValueFen: face, balanceFen: full ? face : face - 10_000, friendOpenid: `regwx${i}`, claimedAt: c.issuedAt, registeredAt: c.issuedAt, friendPatientId: 'pat_new_2' }
  })
  // And one claimed in WeChat, not registered, ten days from expiry: the friend's expiry reminder.
  const now = cloud.clock.now().getTime()
  const soon = { ...base[0], _id: 'soon1', status: 'claimed', issuedAt: new Date(now - 82 * 86_400_000).toISOString(), expiresAt: new Date(now + 10 * 86_400_000).toISOString(), friendOpenid: 'soonwx', claimedAt: new Date(now - 80 * 86_400_000).toISOString() }
  await insertAll(cloud, new Map([[C.friendCards, [...registered, soon]]]))

  const got = await call<CardReminderView[]>('friendcard', { action: 'reminders' }, DIRECTOR)
  // The old way: every live card, by issue.
  const live = await cloud.store.query<FriendCard>(C.friendCards, { where: { status: { $in: ['issued', 'shared', 'claimed'] } }, orderBy: [['issuedAt', 'asc']], limit: 1000 })
  const expected = live.flatMap((c) => dueCardReminders(c, cloud.clock.now(), DEFAULT_POLICY))
  expect(got).toEqual(expected)
  expect(got.filter((r) => r.cardId.startsWith('reg')).map((r) => r.kind)).toEqual(['unused', 'unused', 'unused', 'unused'])
  expect(new Set(got.map((r) => r.kind))).toEqual(new Set(['unshared', 'unused', 'expiry']))
})
