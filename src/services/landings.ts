/**
 * Issue 12, speed: the pages a shared link opens for a friend (F3 card claim, R2 referral coupon),
 * in one table. On H5 a shared link goes to the page's light entry (`src/landing`: plain DOM, no
 * Taro, its data asked for by the first script on the page), so a friend on a slow phone can act
 * within a second; everything after the first tap is the app. The app's own page stays what
 * weapp, the mini-program code and in-app navigation open. No Taro here: the light entry uses it too.
 */
import type { FnName } from '../api/contract'

export interface Landing {
  /** The app's page. */
  path: string
  /** The query parameter that names what was shared. */
  param: string
  /** The request that shows it. */
  fn: FnName
  action: string
  input: (value: string) => Record<string, string>
  /** The light entry's file in the H5 build (config/landing.js writes it). */
  light: string
}

export const LANDINGS: readonly Landing[] = [
  { path: 'pages/card/claim/index', param: 't', fn: 'friendcard', action: 'offer', input: (token) => ({ token }), light: 'l/card.html' }, // F3
  { path: 'pages/referral/index', param: 'c', fn: 'referral', action: 'offer', input: (code) => ({ code }), light: 'l/referral.html' }, // R2
]

const splitPath = (path: string): [string, string] => {
  const [p, query = ''] = path.replace(/^[#/]+/, '').split('?')
  return [p, query]
}

/** The landing a page path (with its query) is, and the value it was shared with; null for any other page. */
export function landingOf(path: string): { landing: Landing; value: string } | null {
  const [p, query] = splitPath(path)
  const landing = LANDINGS.find((l) => l.path === p)
  const value = landing ? new URLSearchParams(query).get(landing.param) : null
  return landing && value ? { landing, value } : null
}

/** The landing whose light entry is at this URL path (`/l/card.html`), or undefined. */
export const landingAt = (pathname: string): Landing | undefined => LANDINGS.find((l) => `/${l.light}` === pathname)

/**
 * The link a person opens on H5 for a page the server named (e.g. `pages/card/claim/index?t=…`):
 * a landing's light entry with the same query, or the app's hash route for any other page.
 */
export function shareLink(path: string, origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''): string {
  const hit = landingOf(path)
  if (hit) return `${origin}/${hit.landing.light}?${hit.landing.param}=${encodeURIComponent(hit.value)}`
  return `${origin}/#${path.startsWith('/') ? path : `/${path}`}`
}
