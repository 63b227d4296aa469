/**
 * C2 我的数据: everything the clinic holds about the calling patient, read section by section.
 * Long histories are read in pages of at most 1000 by `_id` ranges (as CloudBase allows), never
 * one unbounded query; a section past CAP entries is marked truncated rather than silently cut.
 * Other people appear only as the clinic shows them to friends (surname + *), never by full name
 * or phone: a patient's export is about them (family links, referrals, cards name nobody else).
 */
import { DATA_SECTIONS, type ConsentLogEntry, type DataSection } from '../../../src/api/privacy'
import { EVENT_TITLE } from '../../../src/domain/events/calendar'
import { TIME_OF_DAY_LABEL } from '../../../src/domain/appointments/hours'
import { APPOINTMENT_STATUS_LABEL } from '../../../src/domain/appointments/status'
import { defaultDisplayName } from '../../../src/domain/identity/public-name'
import { accountId, type LedgerEntry } from '../../../src/domain/ledger'
import type { OutboxMessage } from '../../../src/domain/notify/messages'
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice'
import { CARD_STATE_LABEL, ENTRY_LABEL, TEMPLATE_LABEL, TIER_LABEL } from '../../../src/services/format'
import { MAX_PAGE, type Doc, type Store, type Where } from '../ports/store'
import { currentPolicy, type Deps } from '../deps'
import {
  C, type BillDoc, type BirthdayGiftDoc, type ClinicDoc, type CouponDoc, type EventDoc, type EventRsvpDoc, type FriendCardDoc, type InboxDoc, type PatientDoc,
  type PayoutDoc, type RatingDoc, type ReferralDoc, type TaskDoc, type UserDoc, type AppointmentDoc,
} from '../model'
import { consentLog, openidsOf } from './privacy'
import { renderMessage, type ClinicCache } from './outbox'

/** Per section and query: ten pages. A patient with more is told to ask the clinic for the rest. */
export const CAP = 10 * MAX_PAGE

/** Every document matching `where`, page by page in `_id` order; `truncated` past CAP. */
async function paged<T extends Doc>(store: Store, coll: string, where: Where): Promise<{ docs: T[]; truncated: boolean }> {
  const docs: T[] = []
  let after: string | undefined
  for (;;) {
    const page = await store.query<T>(coll, { where: after === undefined ? where : { ...where, _id: { $gt: after } }, orderBy: [['_id', 'asc']], limit: MAX_PAGE })
    docs.push(...page)
    if (page.length < MAX_PAGE) return { docs, truncated: false }
    if (docs.length >= CAP) return { docs, truncated: true }
    after = page[page.length - 1]._id
  }
}

const byAt = <T extends { at: string }>(rows: T[]): T[] => rows.sort((a, b) => a.at.localeCompare(b.at))
const byRequested = (rows: AppointmentRow[]) => rows.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))

export interface Visit {
  at: string; day: string; clinic: string; items: Array<{ name: string; amountFen: number }>
  subtotalFen: number; memberDiscountFen: number; couponFen: number; friendCardFen: number; bonusFen: number; paidFen: number; refundedFen: number
  rating?: { score: number; comment?: string; followUp?: { status: string; note?: string } }
}
export interface LedgerRow { at: string; what: string; account: string; amountFen: number; balanceAfterFen: number }
export interface MessageRow { at: string; kind: string; title: string; body: string; status: string }
export interface ReferralRow { at: string; role: string; status: string; rewardFen?: number; payouts?: Array<{ amountFen: number; status: string; paidAt?: string }> }
export interface CouponRow { issuedAt: string; expiresAt: string; discountFen: number; gift: string; status: string }
export interface CardRow { role: string; issuedAt: string; expiresAt: string; faceValueFen: number; balanceFen: number; state: string; claimedAt?: string; registeredAt?: string }
export interface FamilyRow { relation: string; name: string; since?: string; mayUseMyBalance?: boolean }
export interface EventRow { date: string; event: string; answer: string; guests: number; checkedInAt?: string }
/** Issue 12: appointment requests the person made (预约申请), with the phone they gave. */
export interface AppointmentRow { requestedAt: string; clinic: string; date: string; timeOfDay: string; phone: string; note?: string; status: string }

export interface PatientData {
  generatedAt: string
  noticeVersion: string
  profile: Record<string, unknown> & { recordNo: string; name: string }
  visits: Visit[]
  ledger: LedgerRow[]
  messages: MessageRow[]
  consents: ConsentLogEntry[]
  referrals: ReferralRow[]
  coupons: CouponRow[]
  cards: CardRow[]
  family: FamilyRow[]
  events: EventRow[]
  appointments: AppointmentRow[]
  truncated: DataSection[]
}

const ACCOUNT_LABEL: Record<string, string> = { spend: '累计消费', bonus: '奖励金', friend_card: '亲友卡' }
const STATUS_LABEL: Record<string, string> = {
  pending: '待到店', locked: '已生效', void: '已作废', active: '可使用', used: '已使用', expired: '已过期',
  queued: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败，将重试', skipped: '未发送', dead: '未能发送', interrupted: '发送中断',
  due: '待支付', paid: '已支付', open: '跟进中', done: '已跟进', yes: '参加', no: '不参加', todo: '待准备', bought: '已购买', delivered: '已送达',
}
const label = (s: string) => STATUS_LABEL[s] ?? s

export async function collectPatientData(deps: Deps, patientId: string, caller: string): Promise<PatientData> {
  const { store } = deps
  const me = await store.get<PatientDoc>(C.patients, patientId)
  if (!me) throw new Error(`patient ${patientId} vanished`)
  const truncated = new Set<DataSection>()
  const take = async <T extends Doc>(section: DataSection, coll: string, where: Where) => {
    const r = await paged<T>(store, coll, where)
    if (r.truncated) truncated.add(section)
    return r.docs
  }
  const clinics = new Map<string, string>()
  const clinicName = async (id: string) => {
    if (!clinics.has(id)) clinics.set(id, (await store.get<ClinicDoc>(C.clinics, id))?.name ?? '本连锁门店')
    return clinics.get(id)!
  }
  const openids = await openidsOf(deps, patientId, caller)
  const users = (await Promise.all(openids.map((o) => store.get<UserDoc>(C.users, o)))).filter((u): u is UserDoc => u !== null && u.patientId === patientId)
  const bonus = await store.get<{ _id: string; balanceFen: number }>(C.accounts, accountId(patientId, 'bonus'))

  const profile = {
    recordNo: me.recordNo, name: me.name, phone: me.phone, birthday: me.birthday, clinic: await clinicName(me.clinicId), registeredAt: me.createdAt,
    tier: TIER_LABEL[me.tier]?.zh ?? me.tier, annualUntil: me.annualUntil, lifetimeSince: me.lifetimeSince,
    cumulativeSpendFen: me.cumulativeSpendFen, importedSpendFen: me.importedSpendFen, bonusBalanceFen: bonus?.balanceFen ?? 0,
    displayName: me.displayName, referralCode: me.referralCode,
    birthdayGifts: await birthdayGifts(store, me, deps.clock.now()),
    wechat: users.map((u) => ({ displayName: u.displayName, linkedAt: u.boundAt ?? u.createdAt, verifiedPhone: u.verifiedPhone, privacyAcceptedVersion: u.privacyAcceptedVersion, privacyAcceptedAt: u.privacyAcceptedAt })),
  }

  const ratings = new Map((await take<RatingDoc>('visits', C.ratings, { patientId })).map((r) => [r._id, r]))
  const visits: Visit[] = []
  for (const b of await take<BillDoc>('visits', C.bills, { patientId })) {
    const r = ratings.get(b._id)
    const task = r?.sentiment === 'detractor' ? await store.get<TaskDoc>(C.tasks, `task_${b._id}`) : null
    const t = b.result.totals
    visits.push({
      at: b.at, day: b.day, clinic: await clinicName(b.clinicId), items: b.items.map((i) => ({ name: i.name, amountFen: i.amountFen })),
      subtotalFen: t.subtotalFen, memberDiscountFen: t.memberDiscountFen, couponFen: t.couponFen, friendCardFen: t.friendCardFen, bonusFen: t.bonusFen,
      paidFen: b.paidFen, refundedFen: b.refundedFen ?? 0,
      ...(r ? { rating: { score: r.score, comment: r.comment, ...(task ? { followUp: { status: label(task.status), note: task.note } } : {}) } } : {}),
    })
  }

  // Free-text memos are left out: one may name another person (a family member's payment).
  const entries = await take<LedgerEntry>('ledger', C.ledger, { patientId })
  const ledger = entries.map((e) => ({
    at: e.at, what: ENTRY_LABEL[e.kind] ?? e.kind, account: ACCOUNT_LABEL[e.accountId.split(':')[0]] ?? '账户', amountFen: e.amountFen, balanceAfterFen: e.balanceAfterFen,
  }))

  const messages: MessageRow[] = []
  const outbox = [...await take<OutboxMessage>('messages', C.outbox, { 'to.patientId': patientId })]
  for (const o of openids) outbox.push(...await take<OutboxMessage>('messages', C.outbox, { 'to.openid': o }))
  // As the person read them: the chain's currency, R4's own text and the clinic it names.
  const policy = await currentPolicy(store)
  const clinicOfBill: ClinicCache = new Map()
  for (const m of outbox) {
    const text = (await renderMessage(store, policy, m, clinicOfBill)).rendered
    messages.push({ at: m.sentAt ?? m.createdAt, kind: TEMPLATE_LABEL[m.template]?.zh ?? '消息', title: text.title.zh, body: text.body.zh, status: `发送记录：${label(m.status)}` })
  }
  for (const o of openids) {
    for (const i of await take<InboxDoc>('messages', C.inbox, { openid: o })) {
      messages.push({ at: i.at, kind: i.template === 'phone_code' ? '验证码' : TEMPLATE_LABEL[i.template]?.zh ?? '消息', title: i.title.zh, body: i.template === 'phone_code' ? '（验证码已隐去）' : i.body.zh, status: '消息页：已收到' })
    }
  }

  const referrals: ReferralRow[] = []
  const payouts = await take<PayoutDoc>('referrals', C.payouts, { referrerPatientId: patientId })
  for (const r of await take<ReferralDoc>('referrals', C.referrals, { referrerPatientId: patientId })) {
    const mine = payouts.filter((p) => p.referralId === r._id)
    // R3: what this referral earned here (fixed reward, share, clawbacks), and the external payouts.
    const rewardFen = entries.filter((e) => e.referralId === r._id).reduce((sum, e) => sum + e.amountFen, 0)
    referrals.push({ at: r.at, role: '我推荐的朋友', status: label(r.status), rewardFen, payouts: mine.map((p) => ({ amountFen: p.amountFen, status: label(p.status), paidAt: p.paidAt })) })
  }
  const received = new Map<string, ReferralDoc>()
  for (const r of await take<ReferralDoc>('referrals', C.referrals, { friendPatientId: patientId })) received.set(r._id, r)
  for (const o of openids) {
    const r = await store.get<ReferralDoc>(C.referrals, `ref_wx_${o}`)
    if (r) received.set(r._id, r)
  }
  for (const r of received.values()) referrals.push({ at: r.at, role: '我被推荐', status: label(r.status) })

  const coupons: CouponRow[] = []
  for (const o of openids) {
    for (const c of await take<CouponDoc>('coupons', C.coupons, { friendOpenid: o })) {
      coupons.push({ issuedAt: c.issuedAt, expiresAt: c.expiresAt, discountFen: c.discountFen, gift: c.gift, status: label(c.status) })
    }
  }

  const cards: CardRow[] = []
  const card = (role: string, c: FriendCardDoc): CardRow => ({
    role, issuedAt: c.issuedAt, expiresAt: c.expiresAt, faceValueFen: c.faceValueFen, balanceFen: c.balanceFen,
    state: CARD_STATE_LABEL[c.status as keyof typeof CARD_STATE_LABEL]?.zh ?? c.status, claimedAt: c.claimedAt, registeredAt: c.registeredAt,
  })
  for (const c of await take<FriendCardDoc>('cards', C.friendCards, { giverPatientId: patientId })) cards.push(card('我赠送的', c))
  const got = new Map<string, FriendCardDoc>()
  for (const c of await take<FriendCardDoc>('cards', C.friendCards, { friendPatientId: patientId })) got.set(c._id, c)
  for (const o of openids) for (const c of await take<FriendCardDoc>('cards', C.friendCards, { friendOpenid: o })) got.set(c._id, c)
  for (const c of got.values()) cards.push(card('我收到的', c))

  const family: FamilyRow[] = []
  if (me.familyOwnerId) {
    const owner = await store.get<PatientDoc>(C.patients, me.familyOwnerId)
    if (owner) family.push({ relation: '家庭主账户', name: defaultDisplayName(owner.name), since: me.familySince })
  }
  for (const m of await take<PatientDoc>('family', C.patients, { familyOwnerId: patientId })) {
    family.push({ relation: '家庭成员', name: defaultDisplayName(m.name), since: m.familySince, mayUseMyBalance: (me.standingConsent ?? []).includes(m._id) })
  }

  const appointments: AppointmentRow[] = []
  const asked = new Map<string, AppointmentDoc>()
  for (const o of openids) for (const a of await take<AppointmentDoc>('appointments', C.appointments, { openid: o })) asked.set(a._id, a)
  for (const a of asked.values()) {
    appointments.push({
      requestedAt: a.createdAt, clinic: await clinicName(a.clinicId), date: a.preferredDate, timeOfDay: TIME_OF_DAY_LABEL[a.timeOfDay].zh,
      phone: a.phone, note: a.note, status: APPOINTMENT_STATUS_LABEL[a.status].zh,
    })
  }

  const events: EventRow[] = []
  for (const r of await take<EventRsvpDoc>('events', C.eventRsvps, { patientId })) {
    const ev = await store.get<EventDoc>(C.events, r.eventId)
    events.push({ date: ev?.date ?? '', event: ev ? EVENT_TITLE[ev.kind].zh : '会员活动', answer: label(r.answer), guests: r.guests, checkedInAt: r.checkedInAt })
  }

  return {
    generatedAt: deps.clock.now().toISOString(), noticeVersion: PRIVACY_NOTICE_VERSION, profile,
    visits: byAt(visits), ledger: byAt(ledger), messages: byAt(messages), consents: (await consentLog(deps, patientId, caller)).entries,
    referrals: byAt(referrals), coupons: coupons.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)), cards: cards.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
    family, events: events.sort((a, b) => a.date.localeCompare(b.date)), appointments: byRequested(appointments), truncated: DATA_SECTIONS.filter((s) => truncated.has(s)),
  }
}

/** N2: the gift list holds a member once a year, in their birthday month (`<YYYY-MM>:<patientId>`). */
async function birthdayGifts(store: Store, me: PatientDoc, now: Date) {
  if (!me.birthdayMd) return []
  const out: Array<{ month: string; budgetFen: number; status: string }> = []
  for (let y = Number(me.createdAt.slice(0, 4)) - 1; y <= now.getUTCFullYear() + 1; y++) {
    const month = `${y}-${me.birthdayMd.slice(0, 2)}`
    const g = await store.get<BirthdayGiftDoc>(C.birthdayGifts, `${month}:${me._id}`)
    if (g) out.push({ month, budgetFen: g.budgetFen, status: label(g.status) })
  }
  return out
}

export function countsOf(d: PatientData): Record<DataSection, number> {
  return {
    profile: 1, visits: d.visits.length, ledger: d.ledger.length, messages: d.messages.length, consents: d.consents.length,
    referrals: d.referrals.length, coupons: d.coupons.length, cards: d.cards.length, family: d.family.length, events: d.events.length, appointments: d.appointments.length,
  }
}
