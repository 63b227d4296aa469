/**
 * Every query the request paths and the daily job make has an index (issue 11, item 2). CloudBase
 * answers a query on a field without an index by reading the whole collection: slow, refused on a
 * large one, and invisible to functional tests. The embedded store builds SQLite indexes from the
 * same INDEXES that `npm run provision` creates on CloudBase, so SQLite's query plan for each query
 * shape tells whether CloudBase would have an index for it (query-plan-check.ts).
 *
 * The flows below drive the cloud functions as people would (reception, friend card, referral,
 * family, events, team, identity, privacy, import, the daily job); each asserts that the query
 * shapes it made for the first time all have an index. The test code itself never queries the store.
 */
import type { BalanceRequest, BindingCode, CardCode, ConfirmedBill, CouponView, FamilyInvite, InboxItem, IssuedCard, MemberCode, MemberEvent, PatientMatch, PayoutView, ScannedCard, ScannedCoupon, StaffInvitation } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { startQueryPlanCheck, type CheckedQuery } from '../../cloudfunctions/_core/adapters/embedded/query-plan-check'
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice'
import { data, LIFETIME, openCloud, RECEPTION } from './helpers'
import { picked } from './catalogue'

const DIRECTOR = 'demo-staff-director'
const CONSULTANT = 'demo-staff-consultant'
const ADMIN = 'demo-staff-admin'
const FRIEND = 'demo-friend'
const PLAIN = 'demo-patient-plain' // 赵磊, record 100007
const ANNUAL = 'demo-member-annual' // 王芳
const FAMILY = 'demo-member-family' // 张丽, in 李明's family
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)
const treatment = (amountFen: number) => ({ name: '治疗 treatment', category: 'treatment', amountFen })

/**
 * Whole-collection reads that an index cannot fix, because of the query's shape: `$exists: true`
 * matches every document whose field is missing or null through the index too (CloudBase indexes are
 * not sparse). Fix: query `{ $gt: '' }` on the (string) id instead, which walks the index. Reported;
 * delete the entry when the call site is fixed (the last test insists).
 */
const KNOWN: Array<{ collection: string; fields: string[]; site: string }> = []
const isKnown = (c: CheckedQuery) => KNOWN.some((k) => k.collection === c.collection && k.fields.join() === c.finding?.fields.join())

const check = startQueryPlanCheck()
afterAll(() => check.stop())

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const call = async (fn: string, event: object, openid: string) => data(await cloud.call(fn, event, openid)) as never
// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object, openid = RECEPTION) => call('reception', await picked(cloud, event), openid)
let seq = 0
async function pay(patientId: string, items: object[], extra: object = {}): Promise<ConfirmedBill> {
  const preview = (await desk({ action: 'previewBill', patientId, items, ...extra })) as BillResult
  return desk({ action: 'confirmBill', patientId, items, ...extra, requestId: `ix-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: preview.totals.dueFen })
}
const scan = async (token: string) => desk({ action: 'scan', code: token })

/** Runs a flow and returns the new query shapes that would read a whole collection on CloudBase. */
async function unindexed(flow: () => Promise<void>): Promise<string[]> {
  const from = check.checked.length
  await flow()
  const fresh = check.checked.slice(from)
  return fresh.filter((c) => c.finding && !isKnown(c)).map((c) => `${c.collection} [${c.finding!.fields.join(', ')}]: ${c.finding!.why}\n  ${c.sql}\n  ${c.plan.join(' | ')}`)
}

test('reception: scan, look up, bill, refund, owner balance, walk-in, desk binding code', async () => {
  expect(await unindexed(async () => {
    const mc = (await call('member', { action: 'code' }, LIFETIME)) as MemberCode
    await scan(mc.token)
    await scan('100002')
    for (const query of ['100001', '5678', '13912345678']) expect(((await desk({ action: 'lookup', query })) as PatientMatch[]).length).toBeGreaterThan(0)
    const bill = await pay('pat_lifetime', [treatment(45_000)])
    await pay('pat_new_2', [treatment(10_000)], { namedMemberCode: '100001' })
    await desk({ action: 'refund', billId: bill.billId, amountFen: 10_000, reason: '部分退款 partial', requestId: 'ix-refund-01' }, DIRECTOR)
    const req = (await desk({ action: 'requestOwnerBalance', patientId: 'pat_family_wife', amountFen: 5_000 })) as BalanceRequest
    await call('family', { action: 'get' }, LIFETIME)
    await call('family', { action: 'decide', requestId: req.requestId, approve: true }, LIFETIME)
    await desk({ action: 'registerWalkIn', name: '黄小蕾', phone: '13100009999', birthday: '2019-05-01', sharedPhone: true })
    const bc = (await desk({ action: 'bindingCode', patientId: 'pat_new_1' })) as BindingCode
    await call('identity', { action: 'bindByDeskCode', token: bc.token }, 'wx-ix-desk')
    await call('member', { action: 'home' }, LIFETIME)
  })).toEqual([])
})

test('friend card: issue, share, offer, claim, code, register, redeem, reminders, summary, revoke', async () => {
  expect(await unindexed(async () => {
    const issued = (await call('friendcard', { action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'ix-issue-01' }, CONSULTANT)) as IssuedCard
    await call('friendcard', { action: 'mine' }, ANNUAL)
    await call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, 'demo-member-giver')
    await call('friendcard', { action: 'offer', token: 'demo-share-token-new-card-0001' }, FRIEND)
    await call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001', acceptReminders: true }, FRIEND)
    const cc = (await call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
    const scanned = (await scan(cc.token)) as ScannedCard
    const reg = (await call('friendcard', { action: 'register', ticket: scanned.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
    await pay(reg.holderPatientId!, [treatment(45_000)], { friendCardTicket: reg.ticket })
    await call('friendcard', { action: 'mine' }, FRIEND)
    await call('friendcard', { action: 'reminders' }, DIRECTOR)
    await call('friendcard', { action: 'summary' }, DIRECTOR)
    await call('friendcard', { action: 'revoke', cardId: issued.cardId, reason: '误发 issued by mistake' }, DIRECTOR)
  })).toEqual([])
})

test('referral: card, coupon, the friend at the desk, payouts, reports, ratings, partners', async () => {
  expect(await unindexed(async () => {
    const plainCode = demoReferralCode('pat_plain')
    await call('referral', { action: 'mine' }, PLAIN)
    await call('referral', { action: 'posterCode' }, PLAIN)
    await call('referral', { action: 'offer', code: plainCode }, FRIEND)
    await call('referral', { action: 'takeCoupon', code: plainCode, device: 'iPhone-ix', acceptMessages: true }, FRIEND)
    await call('referral', { action: 'offer', code: plainCode }, FRIEND) // now "yours": the coupon by its referral
    const [coupon] = (await call('referral', { action: 'coupons' }, FRIEND)) as CouponView[]
    const qr = (await call('referral', { action: 'couponCode', couponId: coupon.couponId }, FRIEND)) as { token: string }
    const scanned = (await scan(qr.token)) as ScannedCoupon
    const reg = (await desk({ action: 'register', ticket: scanned.ticket, name: '小美', phone: '13600001234' })) as { patientId: string }
    const bill = await pay(reg.patientId, [treatment(200_000)], { couponTicket: scanned.ticket })
    const [payout] = (await call('referral', { action: 'payouts' }, RECEPTION)) as PayoutView[]
    await call('referral', { action: 'markPaid', payoutId: payout.payoutId, method: 'phone_topup', reference: 'TOPUP-IX-01' }, RECEPTION)
    await call('referral', { action: 'daySheet' }, RECEPTION)
    await call('referral', { action: 'audit' }, DIRECTOR)
    await call('referral', { action: 'leaderboard' }, RECEPTION)
    await call('referral', { action: 'rate', billId: bill.billId, score: 3, comment: '等太久' }, FRIEND)
    const [task] = (await call('referral', { action: 'tasks' }, RECEPTION)) as Array<{ taskId: string }>
    await call('referral', { action: 'closeTask', taskId: task.taskId, note: '已电话回访' }, RECEPTION)
    await scan('100007') // prompts: the latest rating, unsent cards, visits
    await call('partner', { action: 'register', name: '合作伙伴 老周', phone: '13811112222', consultantStaffId: 'staff_con_sh' }, 'wx-ix-partner')
    await pay('pat_new_1', [treatment(100_000)], { referrerCode: 'P1001' })
    await call('partner', { action: 'mine' }, 'wx-ix-partner')
    await call('partner', { action: 'list' }, DIRECTOR)
  })).toEqual([])
})

test('family, membership, events, messages', async () => {
  expect(await unindexed(async () => {
    const inv = (await call('family', { action: 'invite' }, LIFETIME)) as FamilyInvite
    await call('family', { action: 'invitation', token: inv.token }, ANNUAL)
    await call('family', { action: 'accept', token: inv.token }, ANNUAL)
    await call('family', { action: 'setStanding', patientId: 'pat_family_wife', allowed: true }, LIFETIME)
    await call('family', { action: 'unbind', patientId: 'pat_annual' }, LIFETIME)
    await call('family', { action: 'get' }, FAMILY)
    await call('membership', { action: 'reminders' }, DIRECTOR)
    await call('membership', { action: 'birthdays' }, RECEPTION)
    await call('events', { action: 'plan', year: 2026 }, DIRECTOR)
    const ev = (await call('events', { action: 'create', kind: 'thanks_dinner', date: '2026-12-20', place: '静安店二楼', capacity: 30 }, DIRECTOR)) as MemberEvent
    await call('events', { action: 'list' }, LIFETIME)
    await call('events', { action: 'rsvp', eventId: ev.eventId, attending: true, guests: 1 }, LIFETIME)
    await call('events', { action: 'attendees', eventId: ev.eventId }, RECEPTION)
    cloud.clock.pin(sh('2026-12-20 18:00'))
    await call('events', { action: 'checkIn', eventId: ev.eventId, code: '100001' }, RECEPTION)
    await call('notify', { action: 'subscribe', templates: ['birthday', 'holiday'], source: 'home' }, ANNUAL)
    await call('notify', { action: 'consents' }, ANNUAL)
    await call('notify', { action: 'inbox' }, ANNUAL)
    await call('notify', { action: 'outbox' }, DIRECTOR)
    await call('notify', { action: 'outbox', status: 'queued' }, DIRECTOR)
  })).toEqual([])
})

test('team: clinics, invite, join, role, clinic, disable, reinvite, history', async () => {
  expect(await unindexed(async () => {
    await call('team', { action: 'clinics' }, ADMIN)
    const inv = (await call('team', { action: 'invite', name: '前台 小吴', role: 'receptionist', clinicId: 'clinic_hz', phone: '13812345678' }, ADMIN)) as StaffInvitation
    await call('team', { action: 'invitation', token: inv.token }, 'wx-ix-colleague')
    await call('team', { action: 'join', token: inv.token }, 'wx-ix-colleague')
    await call('team', { action: 'list' }, ADMIN)
    await call('team', { action: 'setRole', staffId: inv.staffId, role: 'consultant' }, ADMIN)
    await call('team', { action: 'move', staffId: inv.staffId, clinicId: 'clinic_sh' }, ADMIN)
    await call('team', { action: 'setActive', staffId: inv.staffId, active: false }, ADMIN)
    const other = (await call('team', { action: 'invite', name: '医生 小孙', role: 'doctor', clinicId: 'clinic_sh' }, ADMIN)) as StaffInvitation
    await call('team', { action: 'reinvite', staffId: other.staffId }, ADMIN)
    await call('team', { action: 'history' }, ADMIN)
    await call('team', { action: 'history', staffId: inv.staffId }, ADMIN)
  })).toEqual([])
})

test('identity and privacy: whoami, a verified phone, the profile, my data', async () => {
  expect(await unindexed(async () => {
    for (const who of [LIFETIME, FRIEND, RECEPTION, 'wx-ix-newcomer']) await call('identity', { action: 'whoami' }, who)
    await call('identity', { action: 'sendPhoneCode', phone: '13100009999' }, 'wx-ix-newcomer')
    const sms = ((await call('notify', { action: 'inbox' }, 'wx-ix-newcomer')) as InboxItem[]).find((m) => m.template === 'phone_code')!
    await call('identity', { action: 'verifyPhone', phone: '13100009999', code: /(\d{6})/.exec(sms.body.zh)![1] }, 'wx-ix-newcomer')
    await call('identity', { action: 'bindVerified', patientId: 'pat_new_1' }, 'wx-ix-newcomer')
    await call('identity', { action: 'profile' }, LIFETIME)
    await call('identity', { action: 'setDisplayName', displayName: '老李' }, LIFETIME)
    await call('privacy', { action: 'notice' }, 'wx-ix-newcomer')
    await call('privacy', { action: 'accept', version: PRIVACY_NOTICE_VERSION }, 'wx-ix-newcomer')
    for (const who of [LIFETIME, FAMILY]) {
      await call('privacy', { action: 'summary' }, who)
      await call('privacy', { action: 'export', format: 'json' }, who)
      await call('privacy', { action: 'consentLog' }, who)
    }
  })).toEqual([])
})

test('patient import: a dry run, then the real run with an update', async () => {
  const content = ['病历号,姓名,手机,生日,诊所,历史消费,最近就诊', '500001,钱多多,13811110001,1980-01-15,静安店,"35,000.00",2026-10-08', '100001,李明,13912345678,1978-03-14,,50000,'].join('\n')
  expect(await unindexed(async () => {
    for (const dryRun of [true, false]) await call('records', { action: 'importPatients', fileName: 'patients.csv', format: 'csv', content, dryRun, defaultClinicId: 'clinic_sh' }, DIRECTOR)
  })).toEqual([])
})

test('the daily job: a day, New Year (holiday greetings, the gift list), expiry months later, delivery', async () => {
  expect(await unindexed(async () => {
    await call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001' }, FRIEND)
    await call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_plain') }, 'wx-ix-coupon')
    for (const at of ['2026-11-22 10:00', '2026-11-22 10:10', '2027-01-01 09:00', '2027-01-01 09:10', '2027-04-01 09:00']) {
      cloud.clock.pin(sh(at))
      data(await cloud.runDaily())
      data(await cloud.deliver())
    }
    await call('membership', { action: 'markGift', month: '2027-02', patientId: 'pat_near_lifetime', step: 'bought' }, RECEPTION)
  })).toEqual([])
})

test('the flows reached every queried collection, and the known whole-collection reads are still there', () => {
  const filtered = new Set(check.checked.filter((c) => c.sql.includes(' WHERE ') && !/ WHERE id = \?/.test(c.sql)).map((c) => c.collection))
  for (const coll of ['bills', 'ledger', 'patients', 'users', 'staff', 'staffInvites', 'staffAudit', 'friendCards', 'referrals', 'coupons', 'payouts', 'partners', 'tasks', 'ratings', 'outbox', 'inbox', 'events', 'eventRsvps', 'birthdayGifts', 'balanceRequests']) {
    expect([coll, filtered.has(coll)]).toEqual([coll, true])
  }
  for (const k of KNOWN) expect([k.site, check.checked.some((c) => isKnown(c) && c.collection === k.collection)]).toEqual([k.site, true])
})
