/** R8 active-referrer list, R9 end-of-day sheet and weekly audit (with CSV), and payouts. */
import type { AuditReport, DaySheet, LeaderRow, PayoutView, SheetRow } from '../../../src/api/contract'
import { businessDate, dayjs } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import type { LedgerEntry } from '../../../src/domain/ledger'
import { maskPhone } from '../../../src/domain/privacy'
import { findAnomalies, type AuditBill } from '../../../src/domain/referral/audit'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PartnerDoc, type PatientDoc, type PayoutDoc, type ReferralDoc } from '../model'
import { rangePages } from './range-pages'
import type { ReferrerTotalsDoc } from './referrer-totals'
import { clinicLookups, inScope, staffScope, type ScopedStaff } from './team-scope'


async function names(deps: Deps) {
  const cache = new Map<string, PatientDoc | null>()
  return async (id?: string) => {
    if (!id) return null
    if (!cache.has(id)) cache.set(id, await deps.store.get<PatientDoc>(C.patients, id))
    return cache.get(id) ?? null
  }
}

/** R8: the active-referrer list shows the top referrers (recognition), not every one who ever referred. */
export const LEADERS = 100

/**
 * R8, issue 14: read from the running totals kept in the money transactions (referrer-totals.ts),
 * the top of one index, so it costs the same however many referrals history holds.
 */
export async function leaderboard(deps: Deps): Promise<LeaderRow[]> {
  const top = await deps.store.query<ReferrerTotalsDoc>(C.referrerTotals, {
    where: { validReferrals: { $gt: 0 } }, orderBy: [['validReferrals', 'desc'], ['referredRevenueFen', 'desc'], ['_id', 'desc']], limit: LEADERS,
  })
  const patient = await names(deps)
  const out: LeaderRow[] = []
  for (const t of top) {
    const p = await patient(t._id)
    out.push({ rank: out.length + 1, referrerName: p?.name ?? '', code: p?.recordNo ?? '', validReferrals: t.validReferrals, referredRevenueFen: t.referredRevenueFen })
  }
  return out
}

/** R9, clinic scoping: the bills of the staff member's clinic (an admin's: the chain) on that day. */
export async function daySheet(deps: Deps, staff: ScopedStaff, date?: string): Promise<DaySheet> {
  const policy = await currentPolicy(deps.store)
  const day = date ?? businessDate(deps.clock.now(), policy.timezone)
  const scope = await staffScope(deps, staff)
  const patient = await names(deps)
  const rows: SheetRow[] = []
  const queries = scope === 'chain' ? [{ day }] : scope.clinicIds.map((clinicId) => ({ clinicId, day }))
  const bills: BillDoc[] = []
  for (const where of queries) for await (const page of rangePages<BillDoc>(deps.store, C.bills, { where, key: 'at', dir: 'asc' })) bills.push(...page)
  bills.sort((a, b) => a.at.localeCompare(b.at))
  for (const b of bills) {
    if (!b.referralId) continue
    const ref = await deps.store.get<ReferralDoc>(C.referrals, b.referralId)
    const referrer = await patient(ref?.referrerPatientId)
    const partner = ref?.partnerId ? await deps.store.get<PartnerDoc>(C.partners, ref.partnerId) : null
    const payout = await deps.store.get<PayoutDoc>(C.payouts, `po_${b._id}`)
    const friend = await patient(b.patientId)
    rows.push({
      referrerCode: referrer?.recordNo ?? partner?.code ?? '', referrerName: referrer?.name ?? partner?.name ?? '',
      maskedPhone: maskPhone(referrer?.phone ?? partner?.phone), friendName: friend?.name ?? '', billId: b._id, paidFen: b.paidFen,
      bonusFen: b.referralFixedFen ?? 0, shareFen: b.referralShareFen ?? 0, payoutId: payout?._id, payoutFen: payout?.amountFen ?? 0, payoutStatus: payout?.status,
    })
  }
  return { date: day, rows, payoutsToMakeFen: rows.filter((r) => r.payoutStatus === 'due').reduce((s, r) => s + r.payoutFen, 0) }
}

const REWARD_KINDS = ['referral_reward', 'referral_share', 'referral_clawback']

/** R9: the week (Monday to Sunday, clinic zone) containing `weekOf` (default: today). */
export async function audit(deps: Deps, weekOf?: string): Promise<AuditReport> {
  const policy = await currentPolicy(deps.store)
  const base = weekOf ? dayjs.tz(weekOf, policy.timezone) : dayjs(deps.clock.now()).tz(policy.timezone)
  const monday = base.subtract((base.day() + 6) % 7, 'day').startOf('day')
  const from = monday.toISOString()
  const to = monday.add(7, 'day').toISOString()
  const patient = await names(deps)

  const rewards: AuditReport['rewards'] = []
  const rewardFacts = []
  for await (const page of rangePages<LedgerEntry>(deps.store, C.ledger, { where: { kind: { $in: REWARD_KINDS }, at: { $gte: from, $lt: to } }, key: 'at', dir: 'asc' })) {
    for (const e of page) {
      rewards.push({ entryId: e._id, at: e.at, referrerName: (await patient(e.patientId))?.name ?? '', kind: e.kind, amountFen: e.amountFen, billId: e.billId })
      rewardFacts.push({ entryId: e._id, referralId: e.referralId ?? '', billId: e.billId, amountFen: e.amountFen })
    }
  }
  const payments: AuditReport['payments'] = []
  const billFacts: AuditBill[] = []
  const referralIds = new Set<string>()
  const billIds = new Set(rewardFacts.map((r) => r.billId).filter((x): x is string => Boolean(x)))
  for await (const page of rangePages<BillDoc>(deps.store, C.bills, { where: { at: { $gte: from, $lt: to } }, key: 'at', dir: 'asc' })) {
    for (const b of page) {
      if (b.referralId) billIds.add(b._id)
      else if (b.storedValueOverride) billFacts.push({ id: b._id, paidFen: b.paidFen, refundedFen: b.refundedFen ?? 0, storedValueOverride: b.storedValueOverride.reason })
    }
  }
  for (const id of billIds) {
    const b = await deps.store.get<BillDoc>(C.bills, id)
    if (!b) continue
    if (b.referralId) referralIds.add(b.referralId)
    payments.push({ billId: b._id, at: b.at, friendName: (await patient(b.patientId))?.name ?? '', paidFen: b.paidFen, refundedFen: b.refundedFen ?? 0 })
    billFacts.push({ id: b._id, paidFen: b.paidFen, refundedFen: b.refundedFen ?? 0, storedValueOverride: b.storedValueOverride?.reason })
  }
  const payoutFacts = []
  for await (const page of rangePages<PayoutDoc>(deps.store, C.payouts, { where: { createdAt: { $gte: from, $lt: to } }, key: 'createdAt', dir: 'asc' })) {
    for (const p of page) { payoutFacts.push({ id: p._id, referralId: p.referralId, markAttempts: p.markAttempts }); referralIds.add(p.referralId) }
  }
  // Device and phone patterns are judged over all of the week's referrals, new or paying.
  for await (const page of rangePages<ReferralDoc>(deps.store, C.referrals, { where: { at: { $gte: from, $lt: to } }, key: 'at', dir: 'asc' })) for (const r of page) referralIds.add(r._id)
  // R6: a phone seen this week is compared with every referral ever made on it (an indexed lookup).
  for (const id of [...referralIds]) {
    const phone = (await deps.store.get<ReferralDoc>(C.referrals, id))?.friendPhone
    if (phone) for (const r of await deps.store.query<ReferralDoc>(C.referrals, { where: { friendPhone: phone }, limit: 50 })) referralIds.add(r._id)
  }
  const referralFacts = []
  for (const id of referralIds) {
    const r = await deps.store.get<ReferralDoc>(C.referrals, id)
    if (!r) continue
    referralFacts.push({ id: r._id, referrerPatientId: r.referrerPatientId ?? r.partnerId ?? '', referrerPhone: (await patient(r.referrerPatientId))?.phone ?? '', friendPhone: r.friendPhone, friendOpenid: r.friendOpenid, device: r.device })
  }
  const anomalies = findAnomalies(referralFacts, rewardFacts, billFacts, payoutFacts)
  return { from, to, rewards, payments, anomalies }
}

async function payoutView(deps: Deps, p: PayoutDoc): Promise<PayoutView> {
  const who = p.referrerPatientId ? (await deps.store.get<PatientDoc>(C.patients, p.referrerPatientId))?.name : (await deps.store.get<PartnerDoc>(C.partners, p.partnerId ?? ''))?.name
  return { payoutId: p._id, referrerName: who ?? '', amountFen: p.amountFen, status: p.status, method: p.method, reference: p.reference, paidAt: p.paidAt }
}

const PAID_SHOWN = 100

/** Clinic scoping: payouts of bills paid at the staff member's clinic (an admin's: the chain). */
export async function payouts(deps: Deps, staff: ScopedStaff, status: 'due' | 'paid' = 'due'): Promise<PayoutView[]> {
  const scope = await staffScope(deps, staff)
  const clinicOf = clinicLookups(deps).ofBilled
  // Due: the oldest first, all of them (they are paid within days). Paid ones pile up with history:
  // the latest PAID_SHOWN, newest first (issue 14) — not the oldest thousand.
  const list = status === 'due'
    ? await deps.store.query<PayoutDoc>(C.payouts, { where: { status }, orderBy: [['createdAt', 'asc']], limit: 1000 })
    : await deps.store.query<PayoutDoc>(C.payouts, { where: { status }, orderBy: [['createdAt', 'desc']], limit: PAID_SHOWN })
  const mine: PayoutDoc[] = []
  for (const p of list) if (inScope(scope, await clinicOf(p))) mine.push(p)
  return Promise.all(mine.map((p) => payoutView(deps, p)))
}

/** R3: staff mark an external payout paid, once, with how and a reference; a second tap is refused and counted (R9). */
export async function markPaid(deps: Deps, staff: ScopedStaff, payoutId: string, method: string, reference: string): Promise<PayoutView> {
  const staffId = staff.staffId
  const p = await deps.store.get<PayoutDoc>(C.payouts, payoutId)
  // Another clinic's payout is as good as absent: nothing is written, not even an attempt.
  if (!p || !inScope(await staffScope(deps, staff), await clinicLookups(deps).ofBilled(p))) throw new DomainError('NOT_FOUND')
  const at = deps.clock.now().toISOString()
  const ok = await deps.store.updateIf(C.payouts, payoutId, { status: 'due' }, { set: { status: 'paid', method, reference, paidAt: at, paidBy: staffId }, inc: { markAttempts: 1 } })
  if (!ok) {
    await deps.store.updateIf(C.payouts, payoutId, {}, { inc: { markAttempts: 1 } })
    throw new DomainError(p.status === 'void' ? 'NOT_FOUND' : 'PAYOUT_ALREADY_PAID')
  }
  return payoutView(deps, (await deps.store.get<PayoutDoc>(C.payouts, payoutId))!)
}
