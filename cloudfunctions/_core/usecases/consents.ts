/** N3, C2: one-time subscribe-message consents, given at the person's own tap, counted per template. */
import type { ConsentCounts } from '../../../src/api/contract'
import type { TemplateKey } from '../../../src/domain/notify/messages'
import type { TxContext } from '../ports/store'
import type { Deps } from '../deps'
import { C, type ConsentDoc } from '../model'
import { withRetry } from './retry'

/** Log entries that are kept however long the log grows (C2: what a person agreed to, e.g. the privacy notice). */
const KEPT_SOURCES = new Set(['privacy_notice'])

/** Keeps every kept-source entry and the newest 50 of the rest, in order. */
export function trimConsentLog<E extends { source: string }>(log: E[], keep = 50): E[] {
  const others = log.filter((e) => !KEPT_SOURCES.has(e.source)).slice(-keep)
  const kept = new Set(others)
  return log.filter((e) => KEPT_SOURCES.has(e.source) || kept.has(e))
}

/** Adds one consent for each template; the log keeps the last 50 grants (when and where), and every privacy acceptance. */
export async function recordConsentInTx(tx: TxContext, openid: string, templates: TemplateKey[], source: string, at: string): Promise<ConsentDoc> {
  const doc = await tx.get<ConsentDoc>(C.consents, openid)
  const counts = { ...(doc?.counts ?? {}) }
  for (const t of templates) counts[t] = (counts[t] ?? 0) + 1
  const log = trimConsentLog([...(doc?.log ?? []), ...templates.map((template) => ({ at, template, source }))])
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
