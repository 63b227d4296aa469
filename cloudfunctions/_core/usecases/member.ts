/** The member's own view (M1, M2, M6, R5) and their short-lived code (S1). */
import type { LedgerLine, MemberCode, MemberHome } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { accountId, type Account, type LedgerEntry } from '../../../src/domain/ledger'
import { effectiveTier, hasMemberDiscount, lifetimeProgress } from '../../../src/domain/membership/tier'
import { currentPolicy, type Deps } from '../deps'
import { C, type PatientDoc } from '../model'

/** S1: long enough to walk to the desk, short enough that a screenshot is useless. */
export const MEMBER_CODE_TTL_SECONDS = 60

export async function loadPatient(deps: Deps, patientId: string): Promise<PatientDoc> {
  const p = await deps.store.get<PatientDoc>(C.patients, patientId)
  if (!p) throw new DomainError('PATIENT_NOT_FOUND')
  return p
}

export async function bonusBalance(deps: Deps, patientId: string): Promise<number> {
  const acc = await deps.store.get<Account>(C.accounts, accountId(patientId, 'bonus'))
  return acc?.balanceFen ?? 0
}

export async function memberHome(deps: Deps, patientId: string): Promise<MemberHome> {
  const now = deps.clock.now()
  const [p, policy, bonusBalanceFen, entries] = await Promise.all([
    loadPatient(deps, patientId),
    currentPolicy(deps.store),
    bonusBalance(deps, patientId),
    // The member's own accounts: spend and bonus (cards have their own page).
    deps.store.query<LedgerEntry>(C.ledger, { where: { accountId: { $in: [accountId(patientId, 'spend'), accountId(patientId, 'bonus')] } }, orderBy: [['at', 'desc']], limit: 50 }),
  ])
  const owner = p.familyOwnerId ? await deps.store.get<PatientDoc>(C.patients, p.familyOwnerId) : null
  const tier = effectiveTier(p, now)
  const ledger: LedgerLine[] = entries.map((e) => ({ id: e._id, kind: e.kind, amountFen: e.amountFen, balanceAfterFen: e.balanceAfterFen, at: e.at, memo: e.memo, billId: e.kind === 'bill_payment' ? e.billId : undefined }))
  return {
    patientId: p._id,
    name: p.name,
    recordNo: p.recordNo,
    tier,
    annualUntil: tier === 'annual' ? p.annualUntil : undefined,
    cumulativeSpendFen: p.cumulativeSpendFen,
    lifetimeThresholdFen: policy.membership.lifetimeThresholdFen,
    progress: lifetimeProgress(p, policy),
    discountBp: policy.membership.discountBp,
    hasMemberDiscount: hasMemberDiscount(p, now),
    familyOwnerName: owner?.name,
    bonusBalanceFen,
    ledger,
  }
}

export function memberCode(deps: Deps, patientId: string): MemberCode {
  const { token, expiresAt } = deps.qr.sign('M', patientId, deps.clock.now(), MEMBER_CODE_TTL_SECONDS)
  return { token, expiresAt: expiresAt.toISOString(), ttlSeconds: MEMBER_CODE_TTL_SECONDS }
}
