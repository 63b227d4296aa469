/** Referral card and coupons end to end (R1–R10, Q1) on the embedded database. */
import type { AuditReport, ConfirmedBill, CouponView, DaySheet, LeaderRow, MyReferrals, PartnerView, PayoutView, RatingResult, ReferralOffer, ScannedCoupon, ScanResult } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { code, data, LIFETIME, openCloud, RECEPTION, snapshot } from './helpers'
import { picked } from './catalogue'
import { savePolicy } from '../../cloudfunctions/_core/deps'
import { DEFAULT_POLICY } from '../../src/domain/policy'

const DIRECTOR = 'demo-staff-director'
const REFERRER = 'demo-patient-plain' // 赵磊, record 100007, no bonus yet
const FRIEND = 'demo-friend' // 小美, not a patient
/** R1: personal referral codes (the demo's are stable); the record number is for the desk only. */
const PLAIN = demoReferralCode('pat_plain')
const LIFETIME_CODE = demoReferralCode('pat_lifetime')
const treatment = (amountFen: number, name = '治疗 treatment') => ({ name, category: 'treatment', amountFen })

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const ref = (event: object, openid: string) => cloud.call('referral', event, openid)
// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object, openid = RECEPTION) => cloud.call('reception', await picked(cloud, event), openid)
const bonusOf = async (pid: string) => (await cloud.store.get<{ _id: string; balanceFen: number }>('accounts', `bonus:${pid}`))?.balanceFen ?? 0
let seq = 0

/** The friend becomes a patient at reception (registered through the coupon holder's ticket). */
async function friendAtDesk(): Promise<{ patientId: string; ticket: string }> {
  const coupons = data(await ref({ action: 'coupons' }, FRIEND)) as CouponView[]
  const qr = data(await ref({ action: 'couponCode', couponId: coupons[0].couponId }, FRIEND)) as { token: string }
  const scanned = data(await desk({ action: 'scan', code: qr.token })) as ScanResult & ScannedCoupon
  expect(scanned.kind).toBe('coupon')
  const reg = data(await desk({ action: 'register', ticket: scanned.ticket, name: '小美', phone: '13600001234' })) as { patientId: string }
  return { patientId: reg.patientId, ticket: scanned.ticket }
}

async function pay(patientId: string, items: object[], extra: object = {}): Promise<ConfirmedBill> {
  const p = data(await desk({ action: 'previewBill', patientId, items, ...extra })) as BillResult
  return data(await desk({ action: 'confirmBill', patientId, items, ...extra, requestId: `r-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: p.totals.dueFen })) as ConfirmedBill
}

test('R1, C1: the referral card carries the personal code and the full rules for both sides', async () => {
  const mine = data(await ref({ action: 'mine' }, REFERRER)) as MyReferrals
  expect(mine.card).toMatchObject({ code: PLAIN, path: `/pages/referral/index?c=${PLAIN}` })
  expect(mine.card.forFriend.map((l) => l.zh).join()).toContain('¥300.00')
  expect(mine.card.forReferrer.map((l) => l.zh).join()).toContain('分享、注册或点击本身没有奖励')
})

test('seed 003: a coupon, a ¥2,000 bill → ¥300 off + gift; ¥100 bonus, ¥100 payout due, 1% of ¥1,700; the evening sheet; the bonus offered next time', async () => {
  const offer = data(await ref({ action: 'offer', code: PLAIN }, FRIEND)) as ReferralOffer
  expect(offer).toMatchObject({ state: 'available', discountFen: 30_000, referrerDisplayName: '赵*' }) // C2: never the record's name
  data(await ref({ action: 'takeCoupon', code: PLAIN, device: 'iPhone-abc' }, FRIEND))
  expect(await bonusOf('pat_plain')).toBe(0) // C1, R3: nothing for taking a coupon
  const { patientId, ticket } = await friendAtDesk()

  const bill = await pay(patientId, [treatment(200_000, '根管 root canal')], { couponTicket: ticket })
  expect(bill.result.totals).toMatchObject({ couponFen: 30_000, dueFen: 170_000 })
  expect(bill.result.notes.map((n) => n.zh).join()).toContain('首诊赠品')
  expect(await bonusOf('pat_plain')).toBe(10_000 + 1_700)
  const payouts = data(await ref({ action: 'payouts' }, RECEPTION)) as PayoutView[]
  expect(payouts).toEqual([expect.objectContaining({ referrerName: '赵磊', amountFen: 10_000, status: 'due' })])
  expect(await cloud.store.get('outbox', `r4:${bill.billId}`)).toMatchObject({ to: { patientId: 'pat_plain' }, template: 'referral_reward' }) // R4

  const sheet = data(await ref({ action: 'daySheet' }, RECEPTION)) as DaySheet
  expect(sheet.rows).toEqual([expect.objectContaining({ referrerCode: '100007', maskedPhone: '135****4444', friendName: '小美', bonusFen: 10_000, shareFen: 1_700, payoutFen: 10_000, payoutStatus: 'due' })])
  expect(sheet.payoutsToMakeFen).toBe(10_000)

  const next = data(await desk({ action: 'scan', code: '100007' })) as ScanResult & { bonusBalanceFen: number }
  expect(next.bonusBalanceFen).toBe(11_700) // R5: staff see it at the referrer's next bill
  // R5: the referrer shows their own member code at the desk, so their bonus may be spent.
  const mc = data(await cloud.call('member', { action: 'code' }, REFERRER)) as { token: string }
  const payer = data(await desk({ action: 'scan', code: mc.token })) as ScanResult & { payerTicket: string }
  const used = await pay('pat_plain', [treatment(20_000)], { useBonusFen: 11_700, payerTicket: payer.payerTicket })
  expect(used.result.totals.bonusFen).toBe(11_700)
})

test('seed 000: ¥30,000 over three visits within 90 days → ¥300 share; nothing after 90 days', async () => {
  data(await ref({ action: 'takeCoupon', code: PLAIN }, FRIEND))
  const { patientId, ticket } = await friendAtDesk()
  await pay(patientId, [treatment(1_030_000)], { couponTicket: ticket }) // pays ¥10,000 after the ¥300 coupon
  cloud.clock.advance(40 * 86_400_000)
  await pay(patientId, [treatment(1_000_000)])
  cloud.clock.advance(40 * 86_400_000)
  await pay(patientId, [treatment(1_000_000)])
  const shares = await cloud.store.query<{ _id: string; amountFen: number }>('ledger', { where: { accountId: 'bonus:pat_plain', kind: 'referral_share' } })
  expect(shares.reduce((s, e) => s + e.amountFen, 0)).toBe(30_000)
  cloud.clock.advance(11 * 86_400_000) // day 91
  await pay(patientId, [treatment(1_000_000)])
  const after = await cloud.store.query<{ _id: string; amountFen: number }>('ledger', { where: { accountId: 'bonus:pat_plain', kind: 'referral_share' } })
  expect(after.reduce((s, e) => s + e.amountFen, 0)).toBe(30_000)
})

test('R3 with no bonus part (payout only): the fixed reward is given once, at the first payment, not again', async () => {
  const p = structuredClone(DEFAULT_POLICY)
  p.referral.rewardBonusFen = 0
  await savePolicy(cloud.store, p)
  data(await ref({ action: 'takeCoupon', code: PLAIN }, FRIEND))
  const { patientId, ticket } = await friendAtDesk()
  await pay(patientId, [treatment(200_000)], { couponTicket: ticket })
  await pay(patientId, [treatment(50_000)])
  const payouts = data(await ref({ action: 'payouts' }, RECEPTION)) as PayoutView[]
  expect(payouts.map((x) => x.amountFen)).toEqual([10_000])
})

test('naming the referrer\'s number at reception works the same as a coupon', async () => {
  const bill = await pay('pat_new_1', [treatment(100_000)], { referrerCode: '100007' })
  expect(bill.result.totals.couponFen).toBe(30_000)
  expect(await bonusOf('pat_plain')).toBe(10_000 + 700)
})

describe('fraud rules (R6): refused with a reason, nothing written', () => {
  test('self-referral, in one family, existing patients, a second claim, unknown code', async () => {
    const before = await snapshot(cloud)
    expect(code(await ref({ action: 'takeCoupon', code: PLAIN }, REFERRER))).toBe('REFERRAL_SELF')
    expect(code(await ref({ action: 'takeCoupon', code: LIFETIME_CODE }, 'demo-member-family'))).toBe('REFERRAL_FAMILY')
    expect(code(await ref({ action: 'takeCoupon', code: LIFETIME_CODE }, 'demo-member-annual'))).toBe('REFERRAL_EXISTING_PATIENT')
    expect(code(await ref({ action: 'takeCoupon', code: '999999' }, FRIEND))).toBe('REFERRAL_CODE_UNKNOWN')
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_annual', items: [treatment(100)], referrerCode: '100007' }))).toBe('REFERRAL_EXISTING_PATIENT')
    expect(await snapshot(cloud)).toBe(before)
    data(await ref({ action: 'takeCoupon', code: PLAIN }, FRIEND))
    expect(code(await ref({ action: 'takeCoupon', code: LIFETIME_CODE }, FRIEND))).toBe('REFERRAL_TAKEN') // first valid claim wins
    expect((data(await ref({ action: 'offer', code: LIFETIME_CODE }, FRIEND)) as ReferralOffer).state).toBe('taken')
  })

  test('ten simultaneous claims for one friend: one referral', async () => {
    const codes = ['pat_plain', 'pat_lifetime', 'pat_annual', 'pat_near_lifetime', 'pat_bonus'].map(demoReferralCode)
    const r = await Promise.all(codes.map((c) => ref({ action: 'takeCoupon', code: c }, FRIEND)))
    expect(r.filter((x) => x.ok)).toHaveLength(1)
    expect(await cloud.store.count('referrals', { friendOpenid: FRIEND })).toBe(1)
  })

  test('a coupon cannot be used by someone else, or twice, or after a month', async () => {
    data(await ref({ action: 'takeCoupon', code: PLAIN }, FRIEND))
    const { patientId, ticket } = await friendAtDesk()
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_new_1', items: [treatment(100_000)], couponTicket: ticket }))).toBe('COUPON_NOT_YOURS')
    await pay(patientId, [treatment(100_000)], { couponTicket: ticket })
    expect(code(await desk({ action: 'previewBill', patientId, items: [treatment(100_000)], couponTicket: ticket }))).toBe('COUPON_USED')
  })

  test('an expired coupon is refused', async () => {
    data(await ref({ action: 'takeCoupon', code: PLAIN }, FRIEND))
    const { patientId, ticket } = await friendAtDesk()
    cloud.clock.advance(32 * 86_400_000)
    const fresh = cloud.deps.qr.sign('T', ticket.split('.')[2], cloud.clock.now(), 60).token
    expect(code(await desk({ action: 'previewBill', patientId, items: [treatment(100_000)], couponTicket: fresh }))).toBe('COUPON_EXPIRED')
  })
})

test('a refund claws back with negative entries; a payout marked twice is refused and flagged in the audit', async () => {
  data(await ref({ action: 'takeCoupon', code: PLAIN }, FRIEND))
  const { patientId, ticket } = await friendAtDesk()
  const bill = await pay(patientId, [treatment(200_000)], { couponTicket: ticket })
  const [payout] = data(await ref({ action: 'payouts' }, RECEPTION)) as PayoutView[]
  data(await ref({ action: 'markPaid', payoutId: payout.payoutId, method: 'phone_topup', reference: 'TOPUP-20261122-01' }, RECEPTION))
  expect(code(await ref({ action: 'markPaid', payoutId: payout.payoutId, method: 'phone_topup', reference: 'TOPUP-again' }, RECEPTION))).toBe('PAYOUT_ALREADY_PAID')

  data(await desk({ action: 'refund', billId: bill.billId, amountFen: 170_000, reason: '取消治疗 cancelled', requestId: 'refund-ref-01' }, DIRECTOR))
  const claw = await cloud.store.query<{ _id: string; amountFen: number }>('ledger', { where: { accountId: 'bonus:pat_plain', kind: 'referral_clawback' } })
  expect(claw.map((e) => e.amountFen)).toEqual([-(10_000 + 1_700)])
  expect(await bonusOf('pat_plain')).toBe(0)

  const report = data(await ref({ action: 'audit' }, DIRECTOR)) as AuditReport
  expect(report.anomalies.map((a) => a.kind).sort()).toEqual(['payout_marked_twice', 'reward_without_payment', 'reward_without_payment'])
  expect(code(await ref({ action: 'audit' }, RECEPTION))).toBe('FORBIDDEN')
})

test('R8: the active-referrer list ranks by valid referrals, then referred revenue', async () => {
  // Demo: 李明 (100001) has 3 paid referrals, 孙悦 (100008) 2. 赵磊 (100007) refers two new patients.
  await pay('pat_new_1', [treatment(100_000)], { referrerCode: '100007' })
  await pay('pat_new_2', [treatment(500_000)], { referrerCode: '100007' })
  const rows = data(await ref({ action: 'leaderboard' }, RECEPTION)) as LeaderRow[]
  // Two each for 赵磊 and 孙悦: the tie breaks on referred revenue (赵磊's friends paid ¥5,400, 孙悦's ¥1,280).
  expect(rows.map((r) => [r.rank, r.code, r.validReferrals])).toEqual([[1, '100001', 3], [2, '100007', 2], [3, '100008', 2]])
  expect(rows.map((r) => r.referredRevenueFen).slice(1)).toEqual([540_000, 128_000])
})

test('Q1, R7: a promoter is asked to refer and reception is prompted; a detractor gets a follow-up, never an ask', async () => {
  const a = await pay('pat_plain', [treatment(10_000)])
  const happy = data(await ref({ action: 'rate', billId: a.billId, score: 10 }, REFERRER)) as RatingResult
  expect(happy).toMatchObject({ sentiment: 'promoter', askToRefer: true })
  expect(code(await ref({ action: 'rate', billId: a.billId, score: 9 }, REFERRER))).toBe('RATING_DONE')
  const scan = data(await desk({ action: 'scan', code: '100007' })) as { prompts: { kind: string }[] }
  expect(scan.prompts.map((p) => p.kind)).toContain('ask_referral')

  const b = await pay('pat_annual', [treatment(10_000)])
  const unhappy = data(await ref({ action: 'rate', billId: b.billId, score: 3, comment: '等太久 waited too long' }, 'demo-member-annual')) as RatingResult
  expect(unhappy).toMatchObject({ sentiment: 'detractor', askToRefer: false, followUpTaskId: `task_${b.billId}` })
  const tasks = data(await ref({ action: 'tasks' }, RECEPTION)) as { taskId: string }[]
  expect(tasks.map((t) => t.taskId)).toEqual([`task_${b.billId}`])
  // Never asked to refer: the desk is told to arrange the follow-up instead (R7, Q1).
  expect((data(await desk({ action: 'scan', code: '100004' })) as { prompts: Array<{ kind: string }> }).prompts.map((p) => p.kind)).toEqual(['follow_up'])
  expect(code(await ref({ action: 'rate', billId: b.billId, score: 10 }, LIFETIME))).toBe('NOT_FOUND') // not their bill
})

test('R10: a partner registers, bound to a consultant, and earns a commission after a referred deal is paid', async () => {
  const p = data(await cloud.call('partner', { action: 'register', name: '合作伙伴 老周', phone: '13811112222', consultantStaffId: 'staff_con_sh' }, 'wx-partner-1')) as PartnerView
  expect(p).toMatchObject({ code: 'P1001', consultantName: '咨询师 林娜', deals: 0 })
  expect(code(await cloud.call('partner', { action: 'register', name: 'x', phone: '13811112222', consultantStaffId: 'staff_con_sh' }, 'wx-partner-1'))).toBe('PARTNER_EXISTS')
  await pay('pat_new_1', [treatment(1_000_000)], { referrerCode: 'P1001' })
  const mine = data(await cloud.call('partner', { action: 'mine' }, 'wx-partner-1')) as PartnerView
  expect(mine).toMatchObject({ deals: 1, commissionDueFen: 29_100 }) // 3% of ¥9,700 paid after the ¥300 first-visit discount
})

test('R1 poster code: locally a QR image of the landing (on CloudBase, a wxacode.getUnlimited code); members only', async () => {
  expect(data(await ref({ action: 'posterCode' }, REFERRER))).toMatchObject({ kind: 'qr', mime: 'image/png', base64: expect.stringMatching(/^iVBORw0KGgo/) })
  expect(code(await ref({ action: 'posterCode' }, FRIEND))).toBe('FORBIDDEN')
})
