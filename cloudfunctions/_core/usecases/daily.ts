/**
 * The daily job (N1). This first slice does the membership part: annual memberships past their
 * end lapse (M1, M7). Expiring cards and coupons, reminders and greetings join it with their
 * features. Idempotent: a second run finds nothing left to do. Pages of ≤ 1000 on indexed fields.
 */
import { MAX_PAGE } from '../ports/store'
import type { Deps } from '../deps'
import { C, type PatientDoc } from '../model'

export interface DailySummary { now: string; annualLapsed: number }

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
  return { now, annualLapsed }
}
