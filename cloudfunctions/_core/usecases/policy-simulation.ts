/**
 * Issue 14 item 5, the policy simulator: the director chooses a proposed policy (the policy form's
 * numbers, a preset, or one number changed) and a period; the period's real bills are replayed under
 * it beside what happened (src/domain/simulate, pure). This use case only gathers the history:
 * the period's bills, reward entries and payouts by indexed range, and where each friend card and
 * referral the bills touched stood when the period began. Read-only: nothing is written.
 */
import type { PolicySimulation, PolicySimulationRequest } from '../../../src/api/contract'
import { addDays, businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import type { LedgerEntry } from '../../../src/domain/ledger'
import { inScope, type Scope } from '../../../src/domain/permissions'
import type { Policy } from '../../../src/domain/policy'
import { POLICY_PRESETS } from '../../../src/domain/policy-presets'
import { validatePolicy } from '../../../src/domain/policy-validate'
import type { History, HistoryBill } from '../../../src/domain/simulate/history'
import { simulate } from '../../../src/domain/simulate/simulate'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type FriendCardDoc, type PayoutDoc, type ReferralDoc } from '../model'
import type { Store } from '../ports/store'
import { inRange, reportPeriod } from './report-period'
import { staffScope, type ScopedStaff } from './team-scope'

/** The longest period one simulation replays (a year of a chain's bills stays a few hundred pages). */
export const MAX_SIMULATION_DAYS = 366
/** Without a period: the 30 days up to yesterday. */
const DEFAULT_DAYS = 30

/** The proposed policy: a preset, or the numbers sent (checked field by field, POLICY_INVALID). */
function proposedOf(i: PolicySimulationRequest, current: Policy): Policy {
  if (i.preset) return { ...POLICY_PRESETS[i.preset].policy, version: current.version + 1 }
  if (i.policy === undefined) throw new DomainError('VALIDATION', { why: 'nothing to simulate' }, { zh: '请修改至少一项规则或选择预设方案', en: 'Change at least one setting or choose a preset' })
  return validatePolicy(i.policy, current.version + 1)
}

async function cardsAtStart(store: Store, ids: string[], from: string): Promise<History['cards']> {
  const out: History['cards'] = {}
  await Promise.all(ids.map(async (id) => {
    const card = await store.get<FriendCardDoc>(C.friendCards, id)
    if (!card || card.issuedAt >= from) { out[id] = { issuedInPeriod: true }; return }
    // The balance before the card's first movement since `from` (or now, when none): its balance when the period began.
    const [first] = await store.query<LedgerEntry>(C.ledger, { where: { accountId: `friend_card:${id}`, at: { $gte: from } }, orderBy: [['at', 'asc']], limit: 1 })
    out[id] = { balanceFen: first ? first.balanceAfterFen - first.amountFen : card.balanceFen }
  }))
  return out
}

async function referralsAtStart(store: Store, ids: string[], from: string): Promise<History['referrals']> {
  const out: History['referrals'] = {}
  await Promise.all(ids.map(async (id) => {
    const r = await store.get<ReferralDoc>(C.referrals, id)
    if (!r) return
    const before = Boolean(r.firstPaidAt && r.firstPaidAt < from)
    let sharedFen = 0
    if (before && r.referrerPatientId) {
      // The share credited before the period: what it stands at now, less what came since (shares and clawbacks).
      const since = await inRange<LedgerEntry>(store, C.ledger, 'at', from, '9999', { accountId: `bonus:${r.referrerPatientId}` })
      sharedFen = r.sharedFen - since.filter((e) => e.referralId === id && (e.kind === 'referral_share' || e.kind === 'referral_clawback')).reduce((s, e) => s + e.amountFen, 0)
    }
    out[id] = { partner: Boolean(r.partnerId), sharedFen, fixedRewarded: before && r.fixedRewarded, ...(before ? { firstPaidAt: r.firstPaidAt } : {}) }
  }))
  return out
}

export async function simulatePolicy(deps: Deps, staff: ScopedStaff, i: PolicySimulationRequest): Promise<PolicySimulation> {
  const current = await currentPolicy(deps.store)
  const proposed = proposedOf(i, current)
  const p = reportPeriod(i, { lastDay: addDays(businessDate(deps.clock.now(), current.timezone), -1), days: DEFAULT_DAYS, maxDays: MAX_SIMULATION_DAYS, tz: current.timezone })
  const scope: Scope = await staffScope(deps, staff)
  if (i.clinicId && !inScope(scope, i.clinicId)) throw new DomainError('FORBIDDEN')
  const clinicOk = (clinicId: string | undefined) => (i.clinicId ? clinicId === i.clinicId : inScope(scope, clinicId))
  const store = deps.store
  const bills = (await inRange<BillDoc>(store, C.bills, 'at', p.from, p.to)).filter((b) => clinicOk(b.clinicId))
  const billIds = new Set(bills.map((b) => b._id))
  // The rewards that happened: only those the period's bills earned (so a clinic filter holds).
  const rewards = (await Promise.all((['referral_reward', 'referral_share'] as const).map((kind) => inRange<LedgerEntry>(store, C.ledger, 'at', p.from, p.to, { kind }))))
    .flat().filter((e) => e.billId && billIds.has(e.billId))
  const payouts = (await inRange<PayoutDoc>(store, C.payouts, 'createdAt', p.from, p.to)).filter((x) => x.status !== 'void' && billIds.has(x.billId))
  const history: History = {
    from: p.from, to: p.to,
    bills: bills.map((b): HistoryBill => ({
      _id: b._id, at: b.at, patientId: b.patientId, items: b.items, result: b.result, paidFen: b.paidFen,
      friendCardId: b.friendCardId, couponId: b.couponId, referralId: b.referralId,
    })),
    ledger: rewards.map((e) => ({ kind: e.kind, amountFen: e.amountFen, at: e.at })),
    payouts: payouts.map((x) => ({ amountFen: x.amountFen, createdAt: x.createdAt })),
    cards: await cardsAtStart(store, [...new Set(bills.flatMap((b) => (b.friendCardId ? [b.friendCardId] : [])))], p.from),
    referrals: await referralsAtStart(store, [...new Set(bills.flatMap((b) => (b.referralId ? [b.referralId] : [])))], p.from),
  }
  const c = simulate(history, proposed)
  return { from: p.fromDay, to: p.toDay, clinicId: i.clinicId ?? null, currency: current.currency, ...c }
}
