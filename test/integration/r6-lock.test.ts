/**
 * Issue 10, R6 closed when the referral locks (the friend's first payment), each loophole as a test:
 * whoever the friend has become since the claim, a referral that would not be valid now pays nothing.
 * Named at the payment (a coupon, a code): the bill is refused, nothing written. Attached from an
 * earlier claim: the referral ends without paying and the bill stands.
 */
import type { AuditReport, CardSummary, CouponView, FamilyInvite, InboxItem, MemberCode, NewPatient, PartnerView, ScannedCoupon, ScannedPatient } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { code, data, openCloud, RECEPTION } from './helpers'
import { picked, stock } from './catalogue'
import { changes, snapshotAll } from './snapshot-all'

const DIRECTOR = 'demo-staff-director'
const items = [{ name: '治疗', category: 'treatment', amountFen: 100_000 }]

let cloud: LocalCloud
let seq = 0
beforeEach(async () => { cloud = await openCloud(); await stock(cloud, items) }) // in the price list before any refusal's snapshot
afterEach(() => cloud.close())

const call = (fn: string, event: object, openid: string) => cloud.call(fn, event, openid)
// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object) => call('reception', await picked(cloud, event), RECEPTION)
const bonusOf = async (pid: string) => (await cloud.store.get<{ _id: string; balanceFen: number }>('accounts', `bonus:${pid}`))?.balanceFen ?? 0

async function bill(patientId: string, extra: object = {}) {
  const p = await desk({ action: 'previewBill', patientId, items, ...extra })
  if (!p.ok) return p
  return desk({ action: 'confirmBill', patientId, items, ...extra, requestId: `r6-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: (p.data as BillResult).totals.dueFen })
}

/** Expects the bill to be refused with `expected` and not one document written anywhere. */
async function refusedBill(patientId: string, extra: object, expected: string) {
  const before = snapshotAll(cloud)
  expect(code(await bill(patientId, extra))).toBe(expected)
  expect(changes(before, snapshotAll(cloud))).toEqual([])
}

async function takeCoupon(openid: string, referrerPatientId: string): Promise<string> {
  data(await call('referral', { action: 'takeCoupon', code: demoReferralCode(referrerPatientId) }, openid))
  const [c] = data(await call('referral', { action: 'coupons' }, openid)) as CouponView[]
  const qr = data(await call('referral', { action: 'couponCode', couponId: c.couponId }, openid)) as MemberCode
  return (data(await desk({ action: 'scan', code: qr.token })) as ScannedCoupon).ticket
}

async function bindByPhone(openid: string, phone: string, patientId: string) {
  data(await call('identity', { action: 'sendPhoneCode', phone }, openid))
  const msg = (data(await call('notify', { action: 'inbox' }, openid)) as InboxItem[]).find((m) => m.template === 'phone_code')!
  data(await call('identity', { action: 'verifyPhone', phone, code: /(\d{6})/.exec(msg.body.zh)![1] }, openid))
  data(await call('identity', { action: 'bindVerified', patientId }, openid))
}

test('a friend who joined the referrer\'s family after claiming the coupon earns the referrer nothing', async () => {
  const ticket = await takeCoupon('wx-cousin', 'pat_lifetime') // 李明's coupon
  const friend = data(await desk({ action: 'register', ticket, name: '李表妹', phone: '13044445555' })) as NewPatient
  const invite = data(await call('family', { action: 'invite' }, 'demo-member-lifetime')) as FamilyInvite
  data(await call('family', { action: 'accept', token: invite.token }, 'wx-cousin'))
  const before = await bonusOf('pat_lifetime')
  await refusedBill(friend.patientId, { couponTicket: ticket }, 'REFERRAL_FAMILY')
  data(await bill(friend.patientId)) // without the coupon: the bill stands, the claim ends unpaid
  expect(await bonusOf('pat_lifetime')).toBe(before)
  expect(await cloud.store.get('referrals', 'ref_wx_wx-cousin')).toMatchObject({ status: 'void', voidReason: 'REFERRAL_FAMILY' })
  expect(await cloud.store.query('payouts', { where: { referrerPatientId: 'pat_lifetime' } })).toEqual([])
})

test('an existing patient who took a coupon before binding earns the referrer nothing, however they were bound', async () => {
  const ticket = await takeCoupon('wx-wangfang-2', 'pat_plain') // a guest takes 赵磊's coupon …
  await bindByPhone('wx-wangfang-2', '13700001111', 'pat_annual') // … and turns out to be 王芳 (¥8,600 spent)
  await refusedBill('pat_annual', { couponTicket: ticket }, 'REFERRAL_EXISTING_PATIENT')
  data(await bill('pat_annual'))
  expect(await bonusOf('pat_plain')).toBe(0)
  expect(await cloud.store.get('referrals', 'ref_wx_wx-wangfang-2')).toMatchObject({ status: 'void', voidReason: 'REFERRAL_EXISTING_PATIENT' })
})

test('the same person (same phone) already referred by someone else: a second referrer earns nothing', async () => {
  const ticket = await takeCoupon('wx-xiaoqian', 'pat_plain')
  const x = data(await desk({ action: 'register', ticket, name: '钱小倩', phone: '13055556666' })) as NewPatient
  data(await bill(x.patientId, { couponTicket: ticket }))
  const zhaoBonus = await bonusOf('pat_plain')
  expect(zhaoBonus).toBeGreaterThan(0)
  // A second record on the same phone (as a "family member"), billed naming 孙悦's number at the desk.
  const y = data(await desk({ action: 'registerWalkIn', name: '钱小美', phone: '13055556666', sharedPhone: true })) as NewPatient
  const sunBefore = await bonusOf('pat_bonus')
  await refusedBill(y.patientId, { referrerCode: '100008' }, 'REFERRAL_DUPLICATE')
  expect(await bonusOf('pat_bonus')).toBe(sunBefore)
  expect(await bonusOf('pat_plain')).toBe(zhaoBonus)
})

test('a partner never earns commission on their own bills', async () => {
  const partner = data(await call('partner', { action: 'register', name: '周老板', phone: '13066667777', consultantStaffId: 'staff_con_sh' }, 'wx-partner')) as PartnerView
  const self = data(await desk({ action: 'registerWalkIn', name: '周老板', phone: '13066667777' })) as NewPatient
  await refusedBill(self.patientId, { referrerCode: partner.code }, 'REFERRAL_SELF')
  expect(await cloud.store.query('payouts', { where: { status: 'due' } })).toEqual([])
})

test('two first payments at once for one person and two referrers: one locks, the other is refused', async () => {
  const a = data(await desk({ action: 'registerWalkIn', name: '甲', phone: '13077778888' })) as NewPatient
  const b = data(await desk({ action: 'registerWalkIn', name: '乙', phone: '13077778888', sharedPhone: true })) as NewPatient
  const [ra, rb] = await Promise.all([bill(a.patientId, { referrerCode: '100007' }), bill(b.patientId, { referrerCode: '100008' })])
  expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1)
  const locked = await cloud.store.query<{ _id: string; status: string }>('referrals', { where: { status: 'locked', friendPhone: '13077778888' } })
  expect(locked).toHaveLength(1)
})

test('R9: the weekly audit flags every pair of referrals on one phone, and every stored-value override', async () => {
  const at = cloud.clock.now().toISOString()
  const base = { source: 'coupon', at, status: 'pending', sharedFen: 0, fixedRewarded: false, revenueFen: 0, policyVersion: 1, friendPhone: '13088889999' }
  await cloud.store.set('referrals', { _id: 'ref_wx_pair-1', referrerPatientId: 'pat_plain', friendOpenid: 'pair-1', ...base })
  await cloud.store.set('referrals', { _id: 'ref_wx_pair-2', referrerPatientId: 'pat_bonus', friendOpenid: 'pair-2', ...base })
  const scanned = data(await desk({ action: 'scan', code: '100008' })) as ScannedPatient
  expect(scanned.payerTicket).toBeUndefined() // a typed number is not the payer's own code
  data(await bill('pat_bonus', { useBonusFen: 5_000, storedValueOverride: '患者手机没电，核对身份证' }))
  const audit = data(await call('referral', { action: 'audit' }, DIRECTOR)) as AuditReport
  expect(audit.anomalies).toEqual(expect.arrayContaining([
    expect.objectContaining({ kind: 'referrals_share_phone', ids: ['ref_wx_pair-1', 'ref_wx_pair-2'] }),
    expect.objectContaining({ kind: 'stored_value_override', zh: expect.stringContaining('患者手机没电') }),
  ]))
})

test('F7: staff see giver and friend by the names on their records, phones masked; an unregistered friend has no name', async () => {
  const summary = data(await call('friendcard', { action: 'summary' }, DIRECTOR)) as CardSummary
  const claimed = summary.cards.find((c) => c.cardId === 'fc_demo_claimed')!
  expect(claimed).toMatchObject({ giverName: '李明', giverMaskedPhone: '139****5678' })
  expect(claimed.friendName).toBeUndefined() // claimed in WeChat, not registered yet: no placeholder
  expect(JSON.stringify(summary)).not.toContain('微信朋友')
})

test('an imported record is an existing patient even with no spend on file: a referrer earns nothing for it', async () => {
  await cloud.store.set('patients', { ...(await cloud.store.get('patients', 'pat_new_2'))!, importedAt: cloud.clock.now().toISOString(), importedSpendFen: 0 })
  const ticket = await takeCoupon('wx-machao', 'pat_plain')
  await bindByPhone('wx-machao', '13100001010', 'pat_new_2') // 马超, in the clinic's old system
  await refusedBill('pat_new_2', { couponTicket: ticket }, 'REFERRAL_EXISTING_PATIENT')
  data(await bill('pat_new_2'))
  expect(await bonusOf('pat_plain')).toBe(0)
})
