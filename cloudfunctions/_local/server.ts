/**
 * `npm start`'s HTTP face: the H5 app as static files and the cloud functions at
 * `POST /api/fn/<name>` (body = the event, caller from `x-yayou-openid` in local mode).
 * Dev endpoints (`/api/dev/*`) exist only in local mode. Both the header and the dev endpoints
 * are honoured only for requests a foreign web page cannot make (see server-guard.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { DomainError, type ErrorCode } from '../../src/domain/errors'
import { isOpenid } from '../_core/runtime/schema'
import { demoPersonas } from './demo-data'
import type { LocalCloud } from './local-cloud'
import { isTrustedLocalRequest } from './server-guard'
import { serveStatic } from './static-files'

export interface ServerOptions {
  cloud: LocalCloud
  staticDir?: string
  local: boolean
  /** Local mode reachable from other machines (YAYOU_ALLOW_REMOTE=1): IP-literal hosts are trusted too. */
  allowRemote?: boolean
}

/** An event is a few KB (WeChat's docs send callFunction data above ~100 KB through its CDN instead). */
export const MAX_BODY = 256 * 1024
/** Past this much, the rest is not read: the 413 goes out and the connection closes after it. */
const MAX_DRAIN = 16 * 1024 * 1024

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(JSON.stringify(body))
}
const failure = (code: ErrorCode, details?: Record<string, unknown>) => {
  const e = new DomainError(code, details)
  return { ok: false, error: { code: e.code, message: e.messages, ...(details ? { details } : {}) } }
}

type Body = { ok: true; text: string } | { ok: false; tooLarge: true; drained: boolean }

/**
 * The request body, up to MAX_BODY. A larger one is read to its end and dropped (so the client,
 * still sending, gets the 413 rather than a reset connection), up to MAX_DRAIN.
 */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((ok, bad) => {
    const declared = Number(req.headers['content-length'] ?? NaN)
    if (declared > MAX_DRAIN) return ok({ ok: false, tooLarge: true, drained: false })
    let size = 0
    let chunks: Buffer[] | null = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) chunks = null
      else chunks?.push(c)
      if (size > MAX_DRAIN) {
        req.pause()
        ok({ ok: false, tooLarge: true, drained: false })
      }
    })
    req.on('end', () => ok(chunks ? { ok: true, text: Buffer.concat(chunks).toString('utf8') } : { ok: false, tooLarge: true, drained: true }))
    req.on('error', bad)
  })
}

type Json = { ok: true; value: unknown } | { ok: false; status: 400 | 413; drained: boolean }

async function readJson(req: IncomingMessage): Promise<Json> {
  let body: Body
  try {
    body = await readBody(req)
  } catch {
    return { ok: false, status: 400, drained: false }
  }
  if (!body.ok) return { ok: false, status: 413, drained: body.drained }
  try {
    return { ok: true, value: body.text.trim() === '' ? {} : JSON.parse(body.text) }
  } catch {
    return { ok: false, status: 400, drained: true }
  }
}

/** 400 for a body that is not JSON, 413 (BODY_TOO_LARGE) for one above MAX_BODY. */
function refuseBody(res: ServerResponse, body: Extract<Json, { ok: false }>) {
  // An undrained body cannot be skipped on a kept-alive connection: close it once the answer is out.
  const headers: Record<string, string> = body.drained ? {} : { connection: 'close' }
  if (body.status === 413) send(res, 413, failure('BODY_TOO_LARGE', { maxBytes: MAX_BODY }), headers)
  else send(res, 400, failure('BAD_REQUEST', { reason: 'body is not JSON' }), headers)
  if (!body.drained) res.on('finish', () => res.req.destroy())
}

/** The local persona's OPENID, only from a trusted local request, only if it is shaped like one. */
function headerOpenid(req: IncomingMessage, trusted: boolean): string | null {
  const v = req.headers['x-yayou-openid']
  return trusted && isOpenid(v) ? v : null
}

export function createLocalServer({ cloud, staticDir, local, allowRemote = false }: ServerOptions): Server {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const fn = /^\/api\/fn\/([A-Za-z0-9_-]+)$/.exec(url.pathname)
      if (fn) {
        if (req.method !== 'POST') return send(res, 405, failure('BAD_REQUEST', { method: req.method }))
        const body = await readJson(req)
        if (!body.ok) return refuseBody(res, body)
        // Local mode trusts the header from a trusted local request only; anything else is a caller
        // nobody identified. Elsewhere the caller comes from the platform, never a header.
        const openid = local ? headerOpenid(req, isTrustedLocalRequest(req, allowRemote)) : null
        return send(res, 200, await cloud.call(fn[1], body.value, openid))
      }
      if (url.pathname.startsWith('/api/dev/')) {
        if (!local) return send(res, 403, failure('NOT_LOCAL'))
        if (!isTrustedLocalRequest(req, allowRemote)) return send(res, 403, failure('LOCAL_REQUEST_REQUIRED'))
        return await dev(url.pathname.slice('/api/dev/'.length), req, res, cloud)
      }
      if (url.pathname.startsWith('/api/')) return send(res, 404, failure('UNKNOWN_FUNCTION', { path: url.pathname }))
      return serveStatic(req, url.pathname, res, staticDir)
    } catch (e) {
      console.error('[server]', e)
      if (!res.headersSent) send(res, 500, failure('INTERNAL'))
    }
  })
}

async function dev(what: string, req: IncomingMessage, res: ServerResponse, cloud: LocalCloud) {
  if (what === 'personas' && req.method === 'GET') return send(res, 200, { ok: true, data: demoPersonas() })
  if (req.method !== 'POST') return send(res, 405, failure('BAD_REQUEST'))
  const body = await readJson(req)
  if (!body.ok) return refuseBody(res, body)
  const input = (body.value ?? {}) as { at?: unknown; advanceMs?: unknown; advanceDays?: unknown }
  switch (what) {
    case 'clock': {
      if (input.at !== undefined) {
        const at = typeof input.at === 'string' ? new Date(input.at) : new Date(NaN)
        if (Number.isNaN(at.getTime())) return send(res, 200, failure('VALIDATION', { field: 'at', expected: 'ISO 8601 instant' }))
        cloud.clock.set(at)
      }
      const ms = Number(input.advanceMs ?? 0) + Number(input.advanceDays ?? 0) * 86_400_000
      if (!Number.isFinite(ms)) return send(res, 200, failure('VALIDATION', { field: 'advanceMs' }))
      cloud.clock.advance(ms)
      return send(res, 200, { ok: true, data: { now: cloud.clock.now().toISOString() } })
    }
    case 'reset':
      await cloud.reset()
      return send(res, 200, { ok: true, data: { now: cloud.clock.now().toISOString() } })
    case 'run-daily':
      return send(res, 200, await cloud.runDaily())
    case 'deliver':
      return send(res, 200, await cloud.deliver())
    default:
      return send(res, 404, failure('UNKNOWN_ACTION', { path: what }))
  }
}
