/**
 * Issue 12, speed: a friend's landing page asks for its data when the app starts, not when the page
 * has mounted — on a slow phone that is several hundred milliseconds of script earlier. H5 only (on
 * weapp the page's onLoad is already the start). The page takes the answer once; a reload, a persona
 * change or another page asks again as usual.
 *
 * Imported first by app.ts. Only the landing pages a shared link opens (services/landings.ts): they are
 * what a friend sees first, and their data needs nothing the app must set up.
 */
import type { FnName } from '../api/contract'
import { postFunction } from './h5-transport'
import { landingOf } from './landings'
import { rememberChainOf } from './chain'

/** A request already on its way, and its answer once it came (so the first render can show it). */
export interface Early { answer: Promise<unknown>; settled?: { value: unknown } }

const started = new Map<string, Early>()
const keyOf = (fn: string, action: string, input: Record<string, unknown>) => `${fn}.${action}:${JSON.stringify(input)}`

/** The early request for exactly this call, once; undefined when none was started for it. */
export function takeEarly(fn: FnName, action: string, input: Record<string, unknown>): Early | undefined {
  const key = keyOf(fn, action, input)
  const e = started.get(key)
  started.delete(key)
  return e
}

/** The request a landing page at this location will make, if the location is one of LANDINGS with its parameter. */
export function landingRequest(hash: string): { fn: FnName; action: string; input: Record<string, string> } | null {
  const hit = landingOf(hash)
  return hit ? { fn: hit.landing.fn, action: hit.landing.action, input: hit.landing.input(hit.value) } : null
}

function startFor(hash: string): void {
  const r = landingRequest(hash)
  if (!r) return
  const early: Early = { answer: postFunction(r.fn, { ...r.input, action: r.action }) }
  early.answer.then((value) => {
    early.settled = { value }
    // Issue 14: the offer carries the chain's currency and zone; the pages after it show them too.
    rememberChainOf((value as { data?: unknown } | null)?.data)
  }, () => undefined)
  started.set(keyOf(r.fn, r.action, r.input), early)
}

if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.location) startFor(window.location.hash)
