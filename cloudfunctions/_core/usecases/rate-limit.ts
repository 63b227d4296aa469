/** Per-caller fixed-window limits (issue 10): one counter document per window, bumped by compare-and-set. */
import { DomainError } from '../../../src/domain/errors'
import { rateDocId, type RateRule } from '../../../src/domain/identity/rate-limit'
import { isStoreError, type Store } from '../ports/store'
import { C } from '../model'

export async function spendRate(store: Store, action: string, caller: string, now: Date, rule: RateRule): Promise<void> {
  const id = rateDocId(action, caller, now, rule)
  // The window's first use creates its counter: one call, the common case (issue 11: round trips).
  try {
    await store.create(C.rateLimits, { _id: id, count: 1, action, expiresAt: new Date(now.getTime() + rule.windowSeconds * 1000).toISOString() })
    return
  } catch (e) {
    if (!isStoreError(e, 'DUPLICATE')) throw e
  }
  if (await store.updateIf(C.rateLimits, id, { count: { $lt: rule.max } }, { inc: { count: 1 } })) return
  throw new DomainError('RATE_LIMITED')
}
