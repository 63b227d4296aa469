/**
 * Local-mode persona (H5 only). The local Node server answers `GET /api/dev/personas` only in local
 * mode; there the chosen persona's openid is kept in localStorage and sent as `x-yayou-openid`.
 * `?as=<openid>` in the URL (hash query or search) preselects a persona, for tests and links.
 * On weapp none of this runs: WeChat itself tells the cloud function who the caller is.
 */
import type { DemoPersona, Result } from '../api/contract'

export const OPENID_KEY = 'yayou.openid'

type Listener = (openid: string | null) => void
const listeners = new Set<Listener>()
let current: string | null | undefined

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** `as` from `#/pages/x/index?as=...` or from `?as=...` before the hash. */
function openidFromUrl(): string | null {
  if (typeof window === 'undefined' || !window.location) return null
  const { hash, search } = window.location
  const q = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''
  for (const part of [q, search.replace(/^\?/, '')]) {
    const as = new URLSearchParams(part).get('as')
    if (as) return as
  }
  return null
}

/** The persona openid to send, or null (no header: the server decides, e.g. guest). */
export function currentOpenid(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  if (current === undefined) {
    const fromUrl = openidFromUrl()
    if (fromUrl) storage()?.setItem(OPENID_KEY, fromUrl)
    current = fromUrl ?? storage()?.getItem(OPENID_KEY) ?? null
  }
  return current
}

export function setOpenid(openid: string | null): void {
  if (openid) storage()?.setItem(OPENID_KEY, openid)
  else storage()?.removeItem(OPENID_KEY)
  current = openid
  listeners.forEach((l) => l(openid))
}

export function onPersonaChange(l: Listener): () => void {
  listeners.add(l)
  return () => {
    listeners.delete(l)
  }
}

let personas: Promise<DemoPersona[] | null> | undefined

/** The demo personas, or null when the server is not in local mode (NOT_LOCAL, 404, no server). */
export function loadPersonas(): Promise<DemoPersona[] | null> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(null)
  // JSON content type: the server's proof that this is the app on this machine, not a foreign page.
  personas ??= fetch('/api/dev/personas', { headers: { accept: 'application/json', 'content-type': 'application/json' } })
    .then(async (res) => {
      if (!res.ok) return null
      const body = (await res.json()) as Result<DemoPersona[]>
      return body.ok && Array.isArray(body.data) ? body.data : null
    })
    .catch(() => null)
  return personas
}
