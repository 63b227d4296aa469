/**
 * Demo data for the local cloud: a chain with two clinics, staff in every role, and patients in
 * the states the product needs (lifetime member with family, annual members, one near the
 * lifetime threshold, plain patients, a patient with a bonus balance, WeChat friends who are not
 * patients yet). Dates are relative to the clock, so the demo stays meaningful whenever it runs.
 */
import { createHash } from 'node:crypto'
import type { DemoPersona, StaffRole } from '../../src/api/contract'
import { referralCodeFrom } from '../../src/domain/identity/referral-code'
import { dayjs } from '../../src/domain/clock'
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice'
import { accountId, type Account } from '../../src/domain/ledger'
import { journal } from '../../src/domain/journal'
import { DEFAULT_POLICY } from '../../src/domain/policy'
import { claimCard, expireCard, issueCard, shareCard, type FriendCard } from '../../src/domain/friendcard/card'
import type { Store } from '../_core/ports/store'
import { savePolicy } from '../_core/deps'
import { C, type ClinicDoc, type ConsentDoc, type EventDoc, type PatientDoc, type ReferralDoc, type StaffDoc, type UserDoc } from '../_core/model'
import { birthdayFields, phoneFields } from '../_core/usecases/patients'
import type { TemplateKey } from '../../src/domain/notify/messages'
import { inviteOn } from '../../src/domain/events/calendar'
import { loadDemoPriceList } from './demo-price-list'
import { rebuildReferrerTotals } from '../_core/usecases/referrer-totals'
import { rebuildCardTotals } from '../_core/usecases/friendcard-rebuild'

interface PersonSeed { openid?: string; label?: string }
interface PatientSeed extends PersonSeed, Partial<PatientDoc> { _id: string; name: string; recordNo: string; phone: string }

const CLINICS: ClinicDoc[] = [
  // Issue 12: fictional addresses and numbers; coordinates (GCJ-02) near the districts named. 西湖店 is closed on Mondays.
  {
    _id: 'clinic_sh', chainId: 'chain_yayou', name: '牙友口腔 · 静安店', city: '上海',
    address: '上海市静安区愚园路 388 号 2 楼', phone: '021-62881234', latitude: 31.22318, longitude: 121.44269,
    hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '20:30' }, { days: [0, 6], open: '09:00', close: '18:00' }],
  },
  {
    _id: 'clinic_hz', chainId: 'chain_yayou', name: '牙友口腔 · 西湖店', city: '杭州',
    address: '杭州市西湖区文三路 259 号 3 楼', phone: '0571-88271234', latitude: 30.27936, longitude: 120.13905,
    hours: [{ days: [0, 2, 3, 4, 5, 6], open: '09:00', close: '17:30' }],
  },
]

const STAFF: Array<StaffDoc & PersonSeed> = [
  { _id: 'staff_rec_sh', name: '前台 小周', role: 'receptionist', clinicId: 'clinic_sh', phone: '13800000101', active: true, openid: 'demo-staff-receptionist', label: '前台 小周 (receptionist, 静安)' },
  { _id: 'staff_rec_hz', name: '前台 小陈', role: 'receptionist', clinicId: 'clinic_hz', phone: '13800000102', active: true, openid: 'demo-staff-receptionist-hz', label: '前台 小陈 (receptionist, 西湖)' },
  { _id: 'staff_con_sh', name: '咨询师 林娜', role: 'consultant', clinicId: 'clinic_sh', phone: '13800000103', active: true, openid: 'demo-staff-consultant', label: '咨询师 林娜 (consultant)' },
  { _id: 'staff_doc_sh', name: '王医生', role: 'doctor', clinicId: 'clinic_sh', phone: '13800000104', active: true, openid: 'demo-staff-doctor', label: '王医生 (doctor)' },
  { _id: 'staff_dir_sh', name: '院长 赵强', role: 'director', clinicId: 'clinic_sh', phone: '13800000105', active: true, openid: 'demo-staff-director', label: '院长 赵强 (director)' },
  { _id: 'staff_adm', name: '管理员 孙琳', role: 'admin', clinicId: 'clinic_sh', phone: '13800000106', active: true, openid: 'demo-staff-admin', label: '管理员 孙琳 (admin)' },
]

function patients(now: Date): PatientSeed[] {
  const iso = (d: dayjs.Dayjs) => d.toISOString()
  const t = dayjs(now)
  const none = { tier: 'none' as const, cumulativeSpendFen: 0 }
  return [
    { _id: 'pat_lifetime', name: '李明', recordNo: '100001', phone: '13912345678', birthday: '1978-03-14', tier: 'lifetime', lifetimeSince: iso(t.subtract(8, 'month')), cumulativeSpendFen: 4_236_000, familySize: 2, openid: 'demo-member-lifetime', label: '李明 · 终身家庭会员 (lifetime member, family owner)' },
    { _id: 'pat_family_wife', name: '张丽', recordNo: '100002', phone: '13912345679', birthday: '1980-07-02', ...none, cumulativeSpendFen: 580_000, familyOwnerId: 'pat_lifetime', familySince: iso(t.subtract(7, 'month')), openid: 'demo-member-family', label: '张丽 · 家庭成员 (family of 李明)' },
    { _id: 'pat_family_son', name: '李小宇', recordNo: '100003', phone: '13912345680', birthday: '2012-11-30', ...none, cumulativeSpendFen: 120_000, familyOwnerId: 'pat_lifetime', familySince: iso(t.subtract(7, 'month')) },
    { _id: 'pat_annual', name: '王芳', recordNo: '100004', phone: '13700001111', birthday: '1990-05-20', tier: 'annual', annualUntil: iso(t.add(5, 'month').endOf('day')), cumulativeSpendFen: 860_000, openid: 'demo-member-annual', label: '王芳 · 年度会员 (annual member)' },
    { _id: 'pat_annual_lapsing', name: '刘洋', recordNo: '100005', phone: '13700002222', birthday: '1985-12-01', tier: 'annual', annualUntil: iso(t.add(20, 'day').endOf('day')), cumulativeSpendFen: 310_000, openid: 'demo-member-lapsing', label: '刘洋 · 年度会员即将到期 (annual, lapses in 20 days)' },
    { _id: 'pat_near_lifetime', name: '陈静', recordNo: '100006', phone: '13600003333', birthday: '1975-02-29', tier: 'annual', annualUntil: iso(t.add(9, 'month').endOf('day')), cumulativeSpendFen: 2_950_000, openid: 'demo-member-near', label: '陈静 · 差¥500成为终身会员 (annual, ¥500 from lifetime)' },
    { _id: 'pat_plain', name: '赵磊', recordNo: '100007', phone: '13500004444', birthday: '1995-09-09', ...none, cumulativeSpendFen: 45_000, openid: 'demo-patient-plain', label: '赵磊 · 普通患者 (patient, not a member)' },
    { _id: 'pat_bonus', name: '孙悦', recordNo: '100008', phone: '13500005555', birthday: '1988-01-15', ...none, cumulativeSpendFen: 260_000, openid: 'demo-patient-bonus', label: '孙悦 · 有奖励金¥200 (patient with ¥200 bonus)' },
    { _id: 'pat_treatment_half', name: '周婷', recordNo: '100009', phone: '13500006666', birthday: '1992-04-18', tier: 'annual', annualUntil: iso(t.add(7, 'month').endOf('day')), cumulativeSpendFen: 1_200_000, openid: 'demo-member-giver', label: '周婷 · 刚获赠亲友卡 (member with a new ¥600 friend card)' },
    { _id: 'pat_hz_1', name: '吴昊', recordNo: '200001', phone: '13300007777', birthday: '1983-08-08', clinicId: 'clinic_hz', ...none, cumulativeSpendFen: 98_000 },
    { _id: 'pat_hz_2', name: '郑雪', recordNo: '200002', phone: '13300008888', birthday: '1999-10-10', clinicId: 'clinic_hz', tier: 'lifetime', lifetimeSince: iso(t.subtract(2, 'year')), cumulativeSpendFen: 3_410_000 },
    { _id: 'pat_new_1', name: '黄蕾', recordNo: '100010', phone: '13100009999', birthday: '2001-06-06', ...none },
    { _id: 'pat_new_2', name: '马超', recordNo: '100011', phone: '13100001010', birthday: '1970-12-25', ...none },
    { _id: 'pat_lapsed', name: '何敏', recordNo: '100012', phone: '13100002020', birthday: '1987-03-03', tier: 'annual', annualUntil: iso(t.subtract(10, 'day').endOf('day')), cumulativeSpendFen: 150_000 },
    { _id: 'pat_senior', name: '高建国', recordNo: '100013', phone: '13100003030', birthday: '1950-01-01', ...none, cumulativeSpendFen: 720_000 },
    { _id: 'pat_child', name: '罗朵朵', recordNo: '100014', phone: '13100004040', birthday: '2016-02-14', ...none, cumulativeSpendFen: 30_000 },
  ]
}

/** WeChat users who opened a shared link but are not patients yet (the "friend" persona). */
const FRIENDS: Array<UserDoc & { label: string }> = [
  { _id: 'demo-friend', displayName: '小美', createdAt: '', label: '小美 · 朋友，尚未就诊 (friend, not a patient yet)' },
  { _id: 'demo-friend-2', displayName: '阿杰', createdAt: '', label: '阿杰 · 朋友 (another friend)' },
]

export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.count(C.clinics)) === 0
}

/** R1: demo members get stable personal codes (the same on every reset), made like real ones but from their id. */
export const demoReferralCode = (patientId: string): string =>
  referralCodeFrom(createHash('sha256').update(`yayou-demo:${patientId}`).digest())!

/** Loads the demo chain into an empty store. Returns the personas the H5 switcher lists. */
export async function loadDemoData(store: Store, now: Date): Promise<void> {
  const at = now.toISOString()
  await savePolicy(store, DEFAULT_POLICY)
  for (const c of CLINICS) await store.set(C.clinics, c)
  for (const { openid, label: _label, ...s } of STAFF) {
    // Joined staff: the staff record names its WeChat user and the user names the staff record, as `join` writes them.
    await store.set<StaffDoc>(C.staff, openid ? { ...s, openid, joinedAt: at } : s)
    if (openid) await store.set<UserDoc>(C.users, { _id: openid, displayName: s.name, staffId: s._id, createdAt: at })
  }
  for (const { openid, label: _label, ...seed } of patients(now)) {
    const doc: PatientDoc = { clinicId: 'clinic_sh', tier: 'none', cumulativeSpendFen: 0, createdAt: at, ...seed, ...birthdayFields(seed.birthday), ...phoneFields(seed.phone), referralCode: demoReferralCode(seed._id) }
    await store.set(C.patients, doc)
    await store.set(C.referralCodes, { _id: doc.referralCode!, patientId: doc._id, at })
    // M6: the spend a patient brought from before the system, as one ledger entry, so spend = Σ payments.
    if (doc.cumulativeSpendFen > 0) {
      const j = journal({ id: `demo:${doc._id}`, at: dayjs(now).subtract(60, 'day').toISOString(), actor: 'system' })
      await store.set(C.ledger, j.post({ kind: 'bill_payment', part: 'payment', ownerId: doc._id, patientId: doc._id, amountFen: doc.cumulativeSpendFen, balanceBeforeFen: 0, memo: '历史消费 earlier visits' }))
    }
    if (openid) await store.set<UserDoc>(C.users, { _id: openid, displayName: doc.name, patientId: doc._id, createdAt: at })
  }
  for (const { label: _label, ...f } of FRIENDS) await store.set<UserDoc>(C.users, { ...f, createdAt: at })
  // R3, R5, R8: earlier referrals that were paid for — 孙悦 referred 吴昊 and 罗朵朵 (¥200 bonus),
  // 李明 referred 郑雪, 高建国 and 周婷 (¥300, which his family may use with consent, M4).
  const referred: Array<[referrer: string, friend: string]> = [
    ['pat_bonus', 'pat_hz_1'], ['pat_bonus', 'pat_child'], ['pat_lifetime', 'pat_hz_2'], ['pat_lifetime', 'pat_senior'], ['pat_lifetime', 'pat_treatment_half'],
  ]
  const balances = new Map<string, number>()
  for (const [i, [referrer, friend]] of referred.entries()) {
    const when = dayjs(now).subtract(60 - i, 'day').toISOString()
    const fp = patients(now).find((p) => p._id === friend)!
    await store.set<ReferralDoc>(C.referrals, {
      _id: `ref_pat_${friend}`, referrerPatientId: referrer, friendPatientId: friend, friendPhone: fp.phone, source: 'code', at: when,
      status: 'locked', lockedAt: when, firstPaidAt: when, sharedFen: 0, fixedRewarded: true, revenueFen: fp.cumulativeSpendFen ?? 0, policyVersion: DEFAULT_POLICY.version,
    })
    const j = journal({ id: `demo:${referrer}:${friend}`, referralId: `ref_pat_${friend}`, at: when, actor: 'system' })
    const e = j.post({ kind: 'referral_reward', part: 'ref-bonus', ownerId: referrer, patientId: referrer, amountFen: 10_000, balanceBeforeFen: balances.get(referrer) ?? 0, memo: '推荐奖励 referral reward' })
    balances.set(referrer, e.balanceAfterFen)
    await store.set(C.ledger, e)
  }
  for (const [patientId, balanceFen] of balances) {
    await store.set<Account>(C.accounts, { _id: accountId(patientId, 'bonus'), ownerId: patientId, kind: 'bonus', balanceFen, updatedAt: at })
  }
  await rebuildReferrerTotals(store, at) // R8 running totals of the referrals above (issue 14)
  const quotas = new Map<string, number>()
  for (const card of demoCards(now)) {
    const quotaId = `cards:${card.giverPatientId}:${dayjs(card.issuedAt).tz(DEFAULT_POLICY.timezone).year()}`
    quotas.set(quotaId, (quotas.get(quotaId) ?? 0) + 1)
    await store.set(C.friendCards, card)
    const who = { ownerId: card._id, patientId: card.giverPatientId }
    const issued = journal({ id: card._id, at: card.issuedAt, actor: card.issuedBy })
    await store.set(C.ledger, issued.post({ ...who, kind: 'card_issue', part: 'issue', amountFen: card.faceValueFen, balanceBeforeFen: 0, memo: '发放亲友卡 card issued' }))
    const gone = card.history.find((h) => h.event === 'expired')
    if (gone?.amountFen) {
      const expired = journal({ id: card._id, at: gone.at, actor: 'system' })
      await store.set(C.ledger, expired.post({ ...who, kind: 'card_expire', part: 'expire', amountFen: -gone.amountFen, balanceBeforeFen: gone.amountFen, memo: '过期 expired' }))
    }
  }
  for (const [_id, issued] of quotas) await store.set(C.quotas, { _id, issued }) // F1 yearly cap
  await rebuildCardTotals(store, at) // F7 running totals of the cards above (issue 14)
  // N3: consents these members gave in WeChat's subscribe dialog earlier (one message each).
  for (const [openid, templates] of DEMO_CONSENTS) {
    await store.set<ConsentDoc>(C.consents, { _id: openid, counts: Object.fromEntries(templates.map((t) => [t, 1])), log: templates.map((template) => ({ at, template, source: 'demo' })) })
  }
  await acceptPrivacyNotice(store, at)
  await loadDemoPriceList(store, at) // issue 13: the chain's price list (收费项目)
  // N4: this year's thanks dinner, three weeks ahead; the daily job invites members a week from now.
  const date = dayjs(now).tz(DEFAULT_POLICY.timezone).add(21, 'day').format('YYYY-MM-DD')
  const on = inviteOn(date, DEFAULT_POLICY)
  await store.set<EventDoc>(C.events, {
    _id: `ev_thanks_dinner_${date.replace(/-/g, '')}`, kind: 'thanks_dinner', date, place: "静安店三楼 · 3rd floor, Jing'an", capacity: 40,
    inviteOn: on, inviteAt: dayjs.tz(on, DEFAULT_POLICY.timezone).toISOString(), going: 0, createdAt: at, createdBy: 'staff_dir_sh',
  })
}

/** C2: every demo person has agreed to the privacy notice already; only a new WeChat user is asked at first use. */
async function acceptPrivacyNotice(store: Store, at: string): Promise<void> {
  for (const { openid } of demoPersonas()) {
    const user = await store.get<UserDoc>(C.users, openid)
    if (!user) continue
    await store.set<UserDoc>(C.users, { ...user, privacyAcceptedVersion: PRIVACY_NOTICE_VERSION, privacyAcceptedAt: at })
    const c = await store.get<ConsentDoc>(C.consents, openid)
    await store.set<ConsentDoc>(C.consents, { _id: openid, counts: c?.counts ?? {}, log: [...(c?.log ?? []), { at, template: 'privacy_notice', source: 'demo', version: PRIVACY_NOTICE_VERSION }] })
  }
}

const DEMO_CONSENTS: Array<[string, TemplateKey[]]> = [
  ['demo-member-lifetime', ['birthday', 'holiday', 'event_invite', 'referral_reward']],
  ['demo-member-lapsing', ['membership_expiry', 'event_invite']],
  ['demo-member-near', ['birthday', 'event_invite']],
  ['demo-member-giver', ['card_unshared', 'card_unused']],
  ['demo-patient-bonus', ['referral_reward']],
  ['demo-friend-2', ['card_expiry']],
]

/** F1–F5 in several states: new (周婷), claimed by 阿杰 (李明's), and an old one that expired unused. */
function demoCards(now: Date): FriendCard[] {
  const ago = (days: number) => dayjs(now).subtract(days, 'day').toDate()
  const fresh = issueCard({ id: 'fc_demo_new', shareToken: 'demo-share-token-new-card-0001', giverPatientId: 'pat_treatment_half', giverDisplayName: '周*', staffId: 'staff_con_sh', now: ago(1) }, DEFAULT_POLICY)
  const given = issueCard({ id: 'fc_demo_claimed', shareToken: 'demo-share-token-claimed-0002', giverPatientId: 'pat_lifetime', giverDisplayName: '李*', staffId: 'staff_con_sh', now: ago(40) }, DEFAULT_POLICY)
  const claimed = claimCard(shareCard(given, 'pat_lifetime', ago(39)), { openid: 'demo-friend-2' }, ago(38))
  const old = issueCard({ id: 'fc_demo_expired', shareToken: 'demo-share-token-expired-0003', giverPatientId: 'pat_lifetime', giverDisplayName: '李*', staffId: 'staff_con_sh', now: ago(200) }, DEFAULT_POLICY)
  const expired = expireCard(shareCard(old, 'pat_lifetime', ago(199)), ago(100))!
  return [fresh, claimed, expired]
}

export function demoPersonas(): DemoPersona[] {
  const out: DemoPersona[] = []
  for (const p of patients(new Date())) if (p.openid && p.label) out.push({ openid: p.openid, label: p.label, kind: 'member' })
  for (const f of FRIENDS) out.push({ openid: f._id, label: f.label, kind: 'friend' })
  for (const s of STAFF) if (s.openid && s.label) out.push({ openid: s.openid, label: s.label, kind: 'staff', role: s.role as StaffRole })
  return out
}
