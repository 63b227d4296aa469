/**
 * Issue 14 item 1, the director's dashboard: one period (days in the clinic's zone) and a clinic.
 * Reads only the period, by ranges on indexed keys (coupons and cards by issue, bills by `at`, the
 * outbox by `createdAt`), plus the documents those point at (a coupon's referral, a card's giver);
 * members by tier are counts on an index, top referrers the top of the R8 running totals. Counting
 * and dividing is pure (src/domain/dashboard/figures.ts). Read-only: nothing is written.
 */
import type { Dashboard, DashboardLeader, DashboardRequest } from '../../../src/api/contract'
import { businessDate } from '../../../src/domain/clock'
import { cardFunnel, messageCounts, referralFunnel, weeklyTrend, type CardFate, type CouponFate } from '../../../src/domain/dashboard/figures'
import { DomainError } from '../../../src/domain/errors'
import type { FriendCard } from '../../../src/domain/friendcard/card'
import type { Tier } from '../../../src/domain/membership/tier'
import type { OutboxMessage } from '../../../src/domain/notify/messages'
import { inScope } from '../../../src/domain/permissions'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type ClinicDoc, type CouponDoc, type PatientDoc, type ReferralDoc } from '../model'
import type { Doc, Store, Where } from '../ports/store'
import { inRange, reportPeriod } from './report-period'
import { rankPages } from './range-pages'
import type { ReferrerTotalsDoc } from './referrer-totals'
import { staffScope, type ScopedStaff } from './team-scope'

/** The longest period one dashboard reads (a year), and the default: the 30 days up to today. */
export const MAX_DASHBOARD_DAYS = 366
const DEFAULT_DAYS = 30
/** R8: the top referrers shown (from the running totals' index, filtered to the clinic). */
export const TOP_REFERRERS = 10

/** Memoised gets of one request (many coupons share a referrer, many cards a giver). */
function getter<T extends Doc>(store: Store, coll: string) {
  const cache = new Map<string, Promise<T | null>>()
  return (id: string | undefined): Promise<T | null> => {
    if (!id) return Promise.resolve(null)
    if (!cache.has(id)) cache.set(id, store.get<T>(coll, id))
    return cache.get(id)!
  }
}


/** M1: members by the tier in force now — counts on the index, per clinic or chain-wide. */
async function tierCounts(store: Store, clinicIds: readonly string[] | null, nowIso: string): Promise<Array<{ tier: Tier; count: number }>> {
  const count = async (where: Where) => {
    if (!clinicIds) return store.count(C.patients, where)
    const n = await Promise.all(clinicIds.map((clinicId) => store.count(C.patients, { clinicId, ...where })))
    return n.reduce((s, x) => s + x, 0)
  }
  const [all, lifetime, annual] = await Promise.all([count({}), count({ tier: 'lifetime' }), count({ tier: 'annual', annualUntil: { $gte: nowIso } })])
  return [{ tier: 'lifetime', count: lifetime }, { tier: 'annual', count: annual }, { tier: 'none', count: all - lifetime - annual }]
}

/**
 * R8: the top referrers from the running totals' index, the clinic's only: read in the leaderboard's
 * exact order (more valid referrals, then more revenue, then id), so the first ten of the clinic
 * found are its top ten and the walk stops there.
 */
async function topOfClinic(store: Store, patient: (id: string) => Promise<PatientDoc | null>, clinicOk: (clinicId: string | undefined) => boolean): Promise<DashboardLeader[]> {
  const found: Array<{ t: ReferrerTotalsDoc; name: string }> = []
  for await (const page of rankPages<ReferrerTotalsDoc>(store, C.referrerTotals, { validReferrals: { $gt: 0 } }, ['validReferrals', 'referredRevenueFen'], 100)) {
    for (const t of page) {
      const who = await patient(t._id)
      if (who && clinicOk(who.clinicId)) found.push({ t, name: who.name })
      if (found.length === TOP_REFERRERS) break
    }
    if (found.length === TOP_REFERRERS) break
  }
  return found.map(({ t, name }, i) => ({ rank: i + 1, name, validReferrals: t.validReferrals, referredRevenueFen: t.referredRevenueFen }))
}

export async function dashboard(deps: Deps, staff: ScopedStaff, i: DashboardRequest): Promise<Dashboard> {
  const store = deps.store
  const now = deps.clock.now()
  const policy = await currentPolicy(store)
  const p = reportPeriod(i, { lastDay: businessDate(now, policy.timezone), days: DEFAULT_DAYS, maxDays: MAX_DASHBOARD_DAYS, tz: policy.timezone })
  const scope = await staffScope(deps, staff)
  if (i.clinicId && !inScope(scope, i.clinicId)) throw new DomainError('FORBIDDEN')
  const clinicIds: readonly string[] | null = i.clinicId ? [i.clinicId] : scope === 'chain' ? null : scope.clinicIds
  // An object of no known clinic (a partner's coupon, a message to an openid) counts chain-wide only.
  const clinicOk = (clinicId: string | null | undefined) => (clinicIds ? typeof clinicId === 'string' && clinicIds.includes(clinicId) : true)
  const patient = getter<PatientDoc>(store, C.patients)
  const referral = getter<ReferralDoc>(store, C.referrals)
  const bill = getter<BillDoc>(store, C.bills)

  // R2/R3: coupons taken in the period; a used one belongs to its bill's clinic, else the referrer's.
  const coupons = await inRange<CouponDoc>(store, C.coupons, 'issuedAt', p.from, p.to)
  const fates: CouponFate[] = []
  await Promise.all(coupons.map(async (c) => {
    const used = c.status === 'used' && Boolean(c.usedBillId)
    const clinicId = used ? (await bill(c.usedBillId))?.clinicId : (await patient(c.referrerPatientId))?.clinicId
    if (!clinicOk(clinicId)) return
    const r = await referral(c.referralId)
    const paid = used && Boolean(r?.firstPaidAt)
    fates.push({ used, paid, rewarded: paid && Boolean(r && (r.fixedRewarded || r.sharedFen > 0)) })
  }))

  // F7: cards issued in the period, by the giver's clinic.
  const issued = await inRange<FriendCard>(store, C.friendCards, 'issuedAt', p.from, p.to)
  const cards: FriendCard[] = []
  await Promise.all(issued.map(async (c) => { if (clinicOk((await patient(c.giverPatientId))?.clinicId)) cards.push(c) }))
  const cardFates: CardFate[] = cards.map((c) => ({
    shared: Boolean(c.sharedAt), claimed: Boolean(c.claimedAt), registered: Boolean(c.registeredAt),
    redeemedFen: c.history.filter((h) => h.event === 'redeemed').reduce((s, h) => s + (h.amountFen ?? 0), 0),
    friendPaidFen: c.friendSpendFen ?? 0, // F7 running total on the card (friendcard-totals.ts)
  }))

  const bills = (await inRange<BillDoc>(store, C.bills, 'at', p.from, p.to)).filter((b) => clinicOk(b.clinicId))

  // N3: messages created in the period; one to a patient belongs to the patient's clinic.
  const outbox = await inRange<OutboxMessage>(store, C.outbox, 'createdAt', p.from, p.to)
  const messages: OutboxMessage[] = []
  await Promise.all(outbox.map(async (m) => {
    if (!clinicIds || ('patientId' in m.to && clinicOk((await patient(m.to.patientId))?.clinicId))) messages.push(m)
  }))

  const topReferrers = await topOfClinic(store, (id) => patient(id), clinicOk)
  const allClinics = await store.query<ClinicDoc>(C.clinics, { orderBy: [['_id', 'asc']], limit: 1000 })
  return {
    from: p.fromDay, to: p.toDay, clinicId: i.clinicId ?? null,
    clinics: allClinics.filter((c) => inScope(scope, c._id)).map((c) => ({ clinicId: c._id, name: c.name })),
    chainWide: scope === 'chain',
    timezone: policy.timezone, currency: policy.currency,
    referral: referralFunnel(fates),
    cards: cardFunnel(cardFates),
    weeks: weeklyTrend(bills, p.fromDay, p.toDay, policy.timezone),
    tiers: await tierCounts(store, clinicIds, now.toISOString()),
    topReferrers,
    messages: messageCounts(messages),
  }
}
