/**
 * Issue 14 item 1 at the server: the director's dashboard (`team.dashboard`) over a period of the
 * demo chain. The period is a day after the demo history, so every figure comes from what the test
 * does: two cards (one shared, claimed, registered and spent), two coupons (one used and paid), and
 * bills in both clinics. Read-only; clinic-scoped; the queries it makes all have an index.
 */
import type { CardShare, ConfirmedBill, CouponView, Dashboard, IssuedCard, ScannedCard, ScannedCoupon } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { startQueryPlanCheck } from '../../cloudfunctions/_core/adapters/embedded/query-plan-check'
import { code, data, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'

const DIRECTOR = 'demo-staff-director' // 静安 (clinic_sh)
const ADMIN = 'demo-staff-admin'
const CONSULTANT = 'demo-staff-consultant'
const RECEPTION_HZ = 'demo-staff-receptionist-hz'
const DAY = '2026-12-10' // a Thursday; its week starts Monday 2026-12-07
const EXTRACTION = { itemId: 'pi_demo_extraction' } // 拔牙, treatment, ¥300

const check = startQueryPlanCheck()
afterAll(() => check.stop())

let cloud: LocalCloud
beforeEach(async () => {
  cloud = await openCloud()
  cloud.clock.pin(new Date(`${DAY}T02:00:00Z`)) // 10:00 in Shanghai, after the demo chain's history
})
afterEach(() => cloud.close())

const call = async <T>(fn: string, event: object, openid: string) => data(await cloud.call(fn, event, openid)) as T
const board = (event: object = {}, openid = ADMIN) => cloud.call('team', { action: 'dashboard', from: DAY, to: DAY, ...event }, openid)
let seq = 0
async function pay(patientId: string, extra: object = {}, openid = RECEPTION): Promise<ConfirmedBill> {
  const event = { patientId, items: [EXTRACTION], ...extra }
  const preview = await call<BillResult>('reception', { action: 'previewBill', ...event }, openid)
  return call<ConfirmedBill>('reception', { action: 'confirmBill', ...event, requestId: `dash-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: preview.totals.dueFen }, openid)
}

/** The day's activity; answers the bills, for the sums. */
async function period(): Promise<ConfirmedBill[]> {
  const bills: ConfirmedBill[] = []
  // F1–F7: a card to 王芳, shared, claimed by a friend who registers, spends it, then pays a visit.
  const card = await call<IssuedCard>('friendcard', { action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'dash-issue-01' }, CONSULTANT)
  const share = await call<CardShare>('friendcard', { action: 'share', cardId: card.cardId }, 'demo-member-annual')
  await call('friendcard', { action: 'claim', token: share.token }, 'wx-dash-card-friend')
  const cc = await call<{ token: string }>('friendcard', { action: 'code', cardId: card.cardId }, 'wx-dash-card-friend')
  const scanned = await call<ScannedCard>('reception', { action: 'scan', code: cc.token }, RECEPTION)
  const reg = await call<ScannedCard>('friendcard', { action: 'register', ticket: scanned.ticket, name: '钱多', phone: '13600005678' }, RECEPTION)
  bills.push(await pay(reg.holderPatientId!, { friendCardTicket: reg.ticket }))
  bills.push(await pay(reg.holderPatientId!)) // the later visit, paid in money
  // A second card, never shared.
  await call('friendcard', { action: 'issue', patientId: 'pat_near_lifetime', treatmentConfirmed: true, requestId: 'dash-issue-02' }, CONSULTANT)
  // R2/R3: 赵磊's coupon taken and used on a paid first visit; 李明's taken and not used yet.
  await call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_plain'), acceptMessages: true }, 'wx-dash-coupon-1')
  const [coupon] = await call<CouponView[]>('referral', { action: 'coupons' }, 'wx-dash-coupon-1')
  const qr = await call<{ token: string }>('referral', { action: 'couponCode', couponId: coupon.couponId }, 'wx-dash-coupon-1')
  const sc = await call<ScannedCoupon>('reception', { action: 'scan', code: qr.token }, RECEPTION)
  const friend = await call<{ patientId: string }>('reception', { action: 'register', ticket: sc.ticket, name: '孙二', phone: '13600006789' }, RECEPTION)
  bills.push(await pay(friend.patientId, { couponTicket: sc.ticket, items: [{ ...EXTRACTION, quantity: 2 }] })) // more than the coupon covers: money paid
  await call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_lifetime') }, 'wx-dash-coupon-2')
  // 西湖店: one bill.
  bills.push(await pay('pat_hz_1', {}, RECEPTION_HZ))
  return bills
}

test('the day\'s figures by hand: funnels, ROI, the week, tiers, top referrers, messages; nothing written', async () => {
  const baseline = data(await board()) as Dashboard
  const bills = await period()
  const [cardBill, laterVisit] = bills
  const before = snapshotAll(cloud)
  const from = check.checked.length
  const d = data(await board()) as Dashboard
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  expect(check.checked.slice(from).filter((c) => c.finding).map((c) => `${c.collection} [${c.finding!.fields.join(', ')}]`)).toEqual([])

  expect(d).toMatchObject({ from: DAY, to: DAY, clinicId: null, chainWide: true, timezone: 'Asia/Shanghai', currency: 'CNY' })
  expect(d.clinics.map((c) => c.clinicId).sort()).toEqual(['clinic_hz', 'clinic_sh'])
  expect(d.referral.map((s) => [s.key, s.count, s.conversionPct])).toEqual([['taken', 2, null], ['visited', 1, 50], ['paid', 1, 100], ['rewarded', 1, 100]])
  expect(d.cards.steps.map((s) => [s.key, s.count])).toEqual([['issued', 2], ['shared', 1], ['claimed', 1], ['registered', 1], ['redeemed', 1], ['spent', 1]])
  // F7: the ¥600 card paid the whole ¥300 extraction; the friend then paid ¥300 in money: ROI 1.
  expect([cardBill.result.totals.friendCardFen, cardBill.paidFen, laterVisit.paidFen]).toEqual([30_000, 0, 30_000])
  expect(d.cards).toMatchObject({ redeemedFen: 30_000, friendsPaidFen: 30_000, roi: 1 })
  // ¥0 + ¥300 + (two extractions less the ¥300 coupon) ¥300 + 西湖店's ¥300.
  expect(d.weeks).toEqual([{ weekStart: '2026-12-07', bills: 4, paidFen: 90_000 }])
  // R8: 赵磊's friend paid ¥300 today, his first valid referral.
  expect(d.topReferrers.find((r) => r.name === '赵磊')).toMatchObject({ validReferrals: 1, referredRevenueFen: 30_000 })
  // Chain-wide, the same order as the R8 leaderboard's top.
  const leaders = await call<Array<{ referrerName: string; validReferrals: number }>>('referral', { action: 'leaderboard' }, RECEPTION)
  expect(d.topReferrers.map((r) => [r.rank, r.name, r.validReferrals])).toEqual(leaders.slice(0, 10).map((l, i) => [i + 1, l.referrerName, l.validReferrals]))
  // M1 on 10 December: lifetime 李明, 郑雪; annual in force 王芳, 刘洋 (until the 12th), 陈静, 周婷 (何敏 lapsed);
  // the two friends registered today join the non-members.
  const none = (x: Dashboard) => x.tiers.find((t) => t.tier === 'none')!.count
  expect(d.tiers.slice(0, 2)).toEqual([{ tier: 'lifetime', count: 2 }, { tier: 'annual', count: 4 }])
  expect(none(d)).toBe(none(baseline) + 2)
  // N3: the messages queued today, none sent or skipped yet (the daily job sends them).
  expect(d.messages.byStatus.every((m) => m.status === 'queued')).toBe(true)
  expect(d.messages.byStatus.reduce((s, m) => s + m.count, 0)).toBeGreaterThan(baseline.messages.byStatus.reduce((s, m) => s + m.count, 0))
})

test('clinic filter: 西湖店 alone sees its own bill and members; a clinic director sees only their clinic', async () => {
  const bills = await period()
  const hz = data(await board({ clinicId: 'clinic_hz' })) as Dashboard
  expect(hz.clinicId).toBe('clinic_hz')
  expect(hz.weeks).toEqual([{ weekStart: '2026-12-07', bills: 1, paidFen: bills[3].paidFen }])
  expect(hz.referral[0].count).toBe(0)
  expect(hz.cards.steps[0].count).toBe(0)
  // 西湖店's demo patients: 吴昊 (not a member) and 郑雪 (lifetime).
  expect(hz.tiers).toEqual([{ tier: 'lifetime', count: 1 }, { tier: 'annual', count: 0 }, { tier: 'none', count: 1 }])
  expect(hz.topReferrers).toEqual([])
  // 静安's director (directorSeesChain off by default): their clinic only, 西湖店 refused.
  const sh = data(await board({}, DIRECTOR)) as Dashboard
  expect(sh).toMatchObject({ chainWide: false, clinicId: null, clinics: [{ clinicId: 'clinic_sh' }] })
  expect(sh.weeks).toEqual([{ weekStart: '2026-12-07', bills: 3, paidFen: 60_000 }])
  expect(sh.referral[0].count).toBe(2)
  expect(code(await board({ clinicId: 'clinic_hz' }, DIRECTOR))).toBe('FORBIDDEN')
})

test('refusals: a receptionist, an impossible date, a period reversed or too long — typed, nothing written', async () => {
  const before = snapshotAll(cloud)
  expect(code(await board({}, RECEPTION))).toBe('FORBIDDEN')
  expect(code(await board({ from: '2026-13-45' }))).toBe('VALIDATION')
  expect(code(await board({ from: DAY, to: '2026-12-01' }))).toBe('VALIDATION')
  expect(code(await board({ from: '2025-01-01', to: DAY }))).toBe('VALIDATION')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('default period: the 30 days up to today in the clinic zone', async () => {
  const d = data(await cloud.call('team', { action: 'dashboard' }, DIRECTOR)) as Dashboard
  expect([d.from, d.to]).toEqual(['2026-11-11', DAY])
})
