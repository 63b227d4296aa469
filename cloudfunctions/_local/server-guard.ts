/**
 * Who may use the local server's trust (issue 10 hardening): in local mode the caller's OPENID
 * comes from the `x-yayou-openid` header and `/api/dev/*` resets data or moves the clock, so both
 * are honoured only for a request that a web page elsewhere cannot forge:
 * - `content-type: application/json` — a cross-site <form> can only send form or text types; a
 *   cross-site fetch with JSON needs a CORS preflight, which this server never grants;
 * - a loopback `Host` (127.0.0.1, localhost, [::1], any port) — a DNS-rebinding page reaches us
 *   under its own host name, so its Host is not loopback;
 * - an `Origin`, when the browser sends one, that is loopback too — no cross-site caller.
 * With the explicit remote flag (YAYOU_ALLOW_REMOTE=1, see scripts/start.ts) the Host may also be
 * an IP address literal (a phone on the LAN), never a DNS name, and the Origin must be the Host.
 */
import type { IncomingMessage } from 'node:http'

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6_BRACKETED = /^\[[0-9a-fA-F:.]+\]$/

/** `host[:port]` → the host part, lower case, IPv6 kept in brackets; null when malformed. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null
  const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim())
  return m ? m[1].toLowerCase() : null
}

export const isLoopbackName = (name: string | null): boolean => name !== null && LOOPBACK_NAMES.has(name)

const isIpLiteral = (name: string | null): boolean => name !== null && (IPV4.test(name) || IPV6_BRACKETED.test(name))

/** The Origin's `host[:port]`, or null when it is not an http(s) origin (e.g. `null` from a sandbox). */
function originHost(origin: string): string | null {
  try {
    const u = new URL(origin)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : null
  } catch {
    return null
  }
}

export function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type']
  return typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === 'application/json'
}

/** True when this request may act as a local persona and use the dev endpoints. */
export function isTrustedLocalRequest(req: IncomingMessage, allowRemote = false): boolean {
  if (!isJsonRequest(req)) return false
  const host = req.headers.host
  const name = hostName(host)
  if (!(isLoopbackName(name) || (allowRemote && isIpLiteral(name)))) return false
  const origin = req.headers.origin
  if (origin === undefined) return true
  const from = originHost(origin)
  if (from === null) return false
  return allowRemote ? from === host!.trim().toLowerCase() : isLoopbackName(hostName(from))
}

export type ListenDecision = { ok: true; remote: boolean } | { ok: false; message: string }

/**
 * Where `npm start` may listen: a loopback address always; any other address only with
 * YAYOU_ALLOW_REMOTE=1, because everyone who can reach it could then act as any demo persona.
 */
export function listenDecision(host: string, env: Record<string, string | undefined>): ListenDecision {
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host.toLowerCase()
  if (isLoopbackName(name)) return { ok: true, remote: false }
  if (env.YAYOU_ALLOW_REMOTE === '1') return { ok: true, remote: true }
  return {
    ok: false,
    message: `Refusing to listen on ${host}: local mode trusts the persona header and offers /api/dev/* (reset, clock). ` +
      'Set YAYOU_ALLOW_REMOTE=1 as well if you really want other machines to reach it.',
  }
}
