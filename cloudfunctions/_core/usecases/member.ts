/** The member's own view (M1, M2, M3 badge, M6 spend, R5 bonus, each account apart) and their short-lived code (S1). */
import type { AccountHistory, LedgerLine, MemberCode, MemberHome } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { accountId, type Account, type LedgerEntry } from '../../../src/domain/ledger'
import { effectiveTier, hasMemberDiscount, lifetimeProgress } from '../../../src/domain/membership/tier'
import { memberBadge } from '../../../src/domain/membership/badge'
import { newestFirst, openingBalance } from '../../../src/domain/membership/history'
import { maskPhone } from '../../../src/domain/privacy'
import { currentPolicy, type Deps } from '../deps'
import { C, type PatientDoc } from '../model'
import { issueShortCode } from './short-codes'

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

/** How many lines of each account the home shows (the member data export has them all, C2). */
export const HISTORY_LINES = 50

const lineOf = (e: LedgerEntry): LedgerLine => ({ id: e._id, kind: e.kind, amountFen: e.amountFen, balanceAfterFen: e.balanceAfterFen, at: e.at, memo: e.memo, billId: e.kind === 'bill_payment' ? e.billId : undefined })

/**
 * One account's history, newest first (issue 12): one more line than shown is read, so the page
 * knows whether older lines exist; the opening balance makes the lines shown add up.
 */
async function accountHistory(deps: Deps, patientId: string, kind: 'spend' | 'bonus', knownBalanceFen?: number): Promise<AccountHistory> {
  const entries = await deps.store.query<LedgerEntry>(C.ledger, { where: { accountId: accountId(patientId, kind) }, orderBy: [['at', 'desc']], limit: HISTORY_LINES + 1 })
  const ordered = newestFirst(entries)
  const lines = ordered.slice(0, HISTORY_LINES).map(lineOf)
  // The newest entry carries the balance after it, written in the same transaction as the account.
  const balanceFen = knownBalanceFen ?? lines[0]?.balanceAfterFen ?? 0
  return { lines, openingFen: openingBalance(lines, balanceFen), balanceFen: lines[0]?.balanceAfterFen ?? balanceFen, more: ordered.length > HISTORY_LINES }
}

export async function memberHome(deps: Deps, patientId: string): Promise<MemberHome> {
  const now = deps.clock.now()
  const [p, policy, bonus] = await Promise.all([loadPatient(deps, patientId), currentPolicy(deps.store), accountHistory(deps, patientId, 'bonus')])
  const bonusBalanceFen = bonus.balanceFen
  // Spend (M6) and bonus (R5) are separate accounts with separate running balances: read apart.
  const [spend, owner] = await Promise.all([
    accountHistory(deps, patientId, 'spend', p.cumulativeSpendFen),
    p.familyOwnerId ? deps.store.get<PatientDoc>(C.patients, p.familyOwnerId) : null,
  ])
  const tier = effectiveTier(p, now)
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
    badge: memberBadge(p, now),
    maskedPhone: maskPhone(p.phone),
    spend,
    bonus,
    ledger: [...spend.lines, ...bonus.lines].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, HISTORY_LINES),
  }
}

export async function memberCode(deps: Deps, patientId: string): Promise<MemberCode> {
  const { token, expiresAt } = deps.qr.sign('M', patientId, deps.clock.now(), MEMBER_CODE_TTL_SECONDS)
  return { token, shortCode: await issueShortCode(deps, token, expiresAt), expiresAt: expiresAt.toISOString(), ttlSeconds: MEMBER_CODE_TTL_SECONDS }
}
