/**
 * `npm start`'s HTTP face: the H5 app as static files and the cloud functions at
 * `POST /api/fn/<name>` (body = the event, caller from `x-yayou-openid` in local mode).
 * Dev endpoints (`/api/dev/*`) exist only in local mode.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { DomainError, type ErrorCode } from '../../src/domain/errors'
import { demoPersonas } from './demo-data'
import type { LocalCloud } from './local-cloud'

export interface ServerOptions { cloud: LocalCloud; staticDir?: string; local: boolean }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json',
}
const MAX_BODY = 256 * 1024

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
const failure = (code: ErrorCode, details?: Record<string, unknown>) => {
  const e = new DomainError(code, details)
  return { ok: false, error: { code: e.code, message: e.messages, ...(details ? { details } : {}) } }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, bad) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) { bad(new Error('body too large')); req.destroy() } else chunks.push(c)
    })
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')))
    req.on('error', bad)
  })
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await readBody(req)
    return { ok: true, value: text.trim() === '' ? {} : JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

export function createLocalServer({ cloud, staticDir, local }: ServerOptions): Server {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const fn = /^\/api\/fn\/([A-Za-z0-9_-]+)$/.exec(url.pathname)
      if (fn) {
        if (req.method !== 'POST') return send(res, 405, failure('BAD_REQUEST', { method: req.method }))
        const body = await readJson(req)
        if (!body.ok) return send(res, 400, failure('BAD_REQUEST', { reason: 'body is not JSON' }))
        // Local mode trusts the header; elsewhere the caller comes from the platform, never a header.
        const openid = local ? (req.headers['x-yayou-openid'] as string | undefined) || null : null
        return send(res, 200, await cloud.call(fn[1], body.value, openid))
      }
      if (url.pathname.startsWith('/api/dev/')) {
        if (!local) return send(res, 403, failure('NOT_LOCAL'))
        return await dev(url.pathname.slice('/api/dev/'.length), req, res, cloud)
      }
      if (url.pathname.startsWith('/api/')) return send(res, 404, failure('UNKNOWN_FUNCTION', { path: url.pathname }))
      return serveStatic(url.pathname, res, staticDir)
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
  if (!body.ok) return send(res, 400, failure('BAD_REQUEST', { reason: 'body is not JSON' }))
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

function serveStatic(pathname: string, res: ServerResponse, staticDir?: string) {
  if (!staticDir || !existsSync(staticDir)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    return res.end('The H5 app is not built yet: run `npm run build:h5` (npm start does this for you).')
  }
  const root = resolve(staticDir)
  let file = resolve(join(root, normalize(decodeURIComponent(pathname))))
  if (!file.startsWith(root)) file = join(root, 'index.html')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300',
  })
  // A file removed by a rebuild between the check and the read must not leave the request hanging.
  createReadStream(file).on('error', () => res.end()).pipe(res)
}
