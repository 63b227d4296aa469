/** N3, C2: one-time subscribe-message consents, given at the person's own tap, counted per template. */
import type { ConsentCounts } from '../../../src/api/contract'
import type { TemplateKey } from '../../../src/domain/notify/messages'
import type { TxContext } from '../ports/store'
import type { Deps } from '../deps'
import { C, type ConsentDoc } from '../model'
import { withRetry } from './retry'

/** Adds one consent for each template; the log keeps the last 50 grants (when and where). */
export async function recordConsentInTx(tx: TxContext, openid: string, templates: TemplateKey[], source: string, at: string): Promise<ConsentDoc> {
  const doc = await tx.get<ConsentDoc>(C.consents, openid)
  const counts = { ...(doc?.counts ?? {}) }
  for (const t of templates) counts[t] = (counts[t] ?? 0) + 1
  const log = [...(doc?.log ?? []), ...templates.map((template) => ({ at, template, source }))].slice(-50)
  const next = { _id: openid, counts, log }
  await tx.set<ConsentDoc>(C.consents, next)
  return next
}

export async function subscribe(deps: Deps, openid: string, templates: TemplateKey[], source: string): Promise<ConsentCounts> {
  const at = deps.clock.now().toISOString()
  const doc = await withRetry(() => deps.store.transaction((tx) => recordConsentInTx(tx, openid, [...new Set(templates)], source, at)))
  return { counts: doc.counts as ConsentCounts['counts'] }
}

export async function consents(deps: Deps, openid: string): Promise<ConsentCounts> {
  const doc = await deps.store.get<ConsentDoc>(C.consents, openid)
  return { counts: (doc?.counts ?? {}) as ConsentCounts['counts'] }
}
