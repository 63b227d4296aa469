/**
 * The daily job (N1). This first slice does the membership part: annual memberships past their
 * end lapse (M1, M7). Expiring cards and coupons, reminders and greetings join it with their
 * features. Idempotent: a second run finds nothing left to do. Pages of ≤ 1000 on indexed fields.
 */
import { expireCard, type FriendCard } from '../../../src/domain/friendcard/card'
import { accountId, type LedgerEntry } from '../../../src/domain/ledger'
import { MAX_PAGE } from '../ports/store'
import type { Deps } from '../deps'
import { C, type PatientDoc } from '../model'
import { LIVE_STATUSES } from './friendcard-report'
import { withRetry } from './retry'

export interface DailySummary { now: string; annualLapsed: number; cardsExpired: number }

export async function runDaily(deps: Deps): Promise<DailySummary> {
  const now = deps.clock.now().toISOString()
  let annualLapsed = 0
  for (;;) {
    const due = await deps.store.query<PatientDoc>(C.patients, { where: { tier: 'annual', annualUntil: { $lt: now } }, orderBy: [['annualUntil', 'asc']], limit: MAX_PAGE })
    for (const p of due) {
      // Compare-and-set: a renewal that lands meanwhile wins, and the member keeps the tier.
      const done = await deps.store.updateIf(C.patients, p._id, { tier: 'annual', annualUntil: p.annualUntil ?? null }, { set: { tier: 'none', annualUntil: undefined, annualLapsedAt: now } })
      if (done) annualLapsed++
    }
    if (due.length < MAX_PAGE) break
  }
  return { now, annualLapsed, cardsExpired: await expireCards(deps) }
}

/** F5: live cards past validity whose friend never registered; the unused value is forfeited. */
async function expireCards(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  let expired = 0
  let skip = 0
  for (;;) {
    const page = await deps.store.query<FriendCard>(C.friendCards, { where: { status: { $in: LIVE_STATUSES }, expiresAt: { $lt: now.toISOString() } }, orderBy: [['expiresAt', 'asc']], limit: MAX_PAGE, skip })
    let expiredHere = 0
    for (const c of page) {
      const done = await withRetry(() => deps.store.transaction(async (tx) => {
        const cur = await tx.get<FriendCard>(C.friendCards, c._id)
        const next = cur && expireCard(cur, now)
        if (!cur || !next) return false // registered meanwhile, or already swept
        await tx.set(C.friendCards, next)
        if (cur.balanceFen > 0) {
          await tx.create<LedgerEntry>(C.ledger, { _id: `${cur._id}:expire`, accountId: accountId(cur._id, 'friend_card'), patientId: cur.giverPatientId, kind: 'card_expire', amountFen: -cur.balanceFen, balanceAfterFen: 0, at: now.toISOString(), actor: 'system', memo: '过期 expired' })
        }
        return true
      }))
      if (done) expiredHere++
    }
    expired += expiredHere
    // Expired cards leave the result; registered ones stay (they never expire), so page past those.
    skip += page.length - expiredHere
    if (page.length < MAX_PAGE) break
  }
  return expired
}
