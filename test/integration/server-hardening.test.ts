/**
 * Issue 10 hardening of the local server: the persona header and /api/dev/* only for JSON requests
 * from a loopback Host (and Origin, when sent); a 413 answer for an oversized body; `npm start`
 * refuses a non-loopback address unless told twice. Every refusal leaves every collection as it was.
 */
import { spawn, spawnSync } from 'node:child_process'
import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import { hostName, isTrustedLocalRequest, listenDecision } from '../../cloudfunctions/_local/server-guard'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { LIFETIME, openCloud } from './helpers'
import { everything } from './snapshot-all'

const ROOT = join(__dirname, '..', '..')

interface Answer { status: number; json: { ok: boolean; data?: unknown; error?: { code: string; message: { zh: string; en: string } } } }

/** A raw HTTP request, so Host, Origin and content type are exactly what a test says. */
function call(port: number, path: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((ok, bad) => {
    const body = o.body ?? ''
    const req = request({ host: '127.0.0.1', port, path, method: o.method ?? 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...o.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          ok({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        } catch (e) {
          bad(e)
        }
      })
    })
    req.on('error', bad)
    req.end(body)
  })
}

const JSON_TYPE = { 'content-type': 'application/json' }

describe('the local server trusts only JSON requests from this machine', () => {
  let cloud: LocalCloud
  let server: Server
  let port: number
  let host: string
  beforeAll(async () => {
    cloud = await openCloud()
    server = createLocalServer({ cloud, local: true })
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    port = (server.address() as AddressInfo).port
    host = `127.0.0.1:${port}`
  })
  afterAll(async () => { server.close(); await cloud.close() })

  const whoami = JSON.stringify({ action: 'whoami' })

  test('the app itself (JSON, loopback Host and Origin) acts as its persona and may use the dev endpoints', async () => {
    for (const h of [host, `localhost:${port}`, `[::1]:${port}`]) {
      const r = await call(port, '/api/fn/identity', { headers: { ...JSON_TYPE, host: h, origin: `http://${h}`, 'x-yayou-openid': LIFETIME }, body: whoami })
      expect(r.json).toMatchObject({ ok: true, data: { persona: { kind: 'patient', name: '李明' } } })
    }
    const clock = await call(port, '/api/dev/clock', { headers: { ...JSON_TYPE, host, origin: `http://${host}` }, body: '{}' })
    expect(clock.json).toMatchObject({ ok: true })
  })

  test('a cross-site form POST to /api/dev/reset is refused and resets nothing', async () => {
    // A change a reset would undo, so a reset that slipped through would show.
    await cloud.store.set('patients', { ...(await cloud.store.get('patients', 'pat_plain'))!, name: '赵磊（改）' })
    const before = everything(cloud)
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const r = await call(port, '/api/dev/reset', { headers: { 'content-type': type, host, origin: 'https://evil.example' }, body: 'a=1' })
      expect(r.status).toBe(403)
      expect(r.json).toMatchObject({ ok: false, error: { code: 'LOCAL_REQUEST_REQUIRED', message: { zh: expect.any(String), en: expect.any(String) } } })
      // Even from this machine's own origin, a form is not the app.
      const same = await call(port, '/api/dev/reset', { headers: { 'content-type': type, host, origin: `http://${host}` }, body: 'a=1' })
      expect(same.json).toMatchObject({ ok: false, error: { code: 'LOCAL_REQUEST_REQUIRED' } })
    }
    expect(everything(cloud)).toBe(before)
  })

  test('a foreign Host header (DNS rebinding) is refused: no dev endpoint, no persona', async () => {
    const before = everything(cloud)
    for (const h of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `192.168.1.20:${port}`]) {
      const reset = await call(port, '/api/dev/reset', { headers: { ...JSON_TYPE, host: h }, body: '{}' })
      expect(reset.status).toBe(403)
      expect(reset.json).toMatchObject({ ok: false, error: { code: 'LOCAL_REQUEST_REQUIRED' } })
      const who = await call(port, '/api/fn/identity', { headers: { ...JSON_TYPE, host: h, 'x-yayou-openid': LIFETIME }, body: whoami })
      expect(who.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    expect(everything(cloud)).toBe(before)
  })

  test('a foreign or opaque Origin is refused, even with a loopback Host', async () => {
    const before = everything(cloud)
    for (const origin of ['https://evil.example', 'http://evil.example:80', 'null', 'file://', `http://127.0.0.1.evil.example:${port}`]) {
      const reset = await call(port, '/api/dev/reset', { headers: { ...JSON_TYPE, host, origin }, body: '{}' })
      expect(reset.status).toBe(403)
      expect(reset.json).toMatchObject({ ok: false, error: { code: 'LOCAL_REQUEST_REQUIRED' } })
      const invite = await call(port, '/api/fn/family', { headers: { ...JSON_TYPE, host, origin, 'x-yayou-openid': LIFETIME }, body: JSON.stringify({ action: 'invite' }) })
      expect(invite.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    expect(everything(cloud)).toBe(before)
  })

  test('the openid header is ignored without the JSON content type (the call runs as nobody)', async () => {
    const before = everything(cloud)
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', '']) {
      const headers: Record<string, string> = { host, 'x-yayou-openid': LIFETIME, ...(type ? { 'content-type': type } : {}) }
      const who = await call(port, '/api/fn/identity', { headers, body: whoami })
      expect(who.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      // A write the member could make (a family invitation) is not made either.
      const invite = await call(port, '/api/fn/family', { headers, body: JSON.stringify({ action: 'invite' }) })
      expect(invite.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    // `application/json; charset=utf-8` is JSON.
    const ok = await call(port, '/api/fn/identity', { headers: { 'content-type': 'application/json; charset=utf-8', host, 'x-yayou-openid': LIFETIME }, body: whoami })
    expect(ok.json).toMatchObject({ ok: true })
    expect(everything(cloud)).toBe(before)
  })

  test('an openid header that is not shaped like an OPENID is no caller (derived ids stay bounded)', async () => {
    const before = everything(cloud)
    for (const bad of ['o'.repeat(65), 'demo-member-lifetime/../x', 'a b', 'x;y', 'demo-member-lifetime, demo-staff-admin']) {
      const r = await call(port, '/api/fn/referral', { headers: { ...JSON_TYPE, host, 'x-yayou-openid': bad }, body: JSON.stringify({ action: 'takeCoupon', code: '100007' }) })
      expect(r.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    expect(everything(cloud)).toBe(before)
  })

  test('a 300 KB body gets a readable 413 (BODY_TOO_LARGE), not a reset connection; the server carries on', async () => {
    const before = everything(cloud)
    const big = JSON.stringify({ action: 'whoami', pad: 'x'.repeat(300 * 1024) })
    for (const path of ['/api/fn/identity', '/api/dev/clock']) {
      const r = await call(port, path, { headers: { ...JSON_TYPE, host, 'x-yayou-openid': LIFETIME }, body: big })
      expect(r.status).toBe(413)
      expect(r.json).toMatchObject({ ok: false, error: { code: 'BODY_TOO_LARGE', message: { zh: '请求内容过大', en: expect.any(String) } } })
    }
    // The same through fetch, as the H5 app sends it.
    const viaFetch = await fetch(`http://${host}/api/fn/identity`, { method: 'POST', headers: { ...JSON_TYPE, 'x-yayou-openid': LIFETIME }, body: big })
    expect(viaFetch.status).toBe(413)
    expect(await viaFetch.json()).toMatchObject({ ok: false, error: { code: 'BODY_TOO_LARGE' } })
    const after = await call(port, '/api/fn/identity', { headers: { ...JSON_TYPE, host, 'x-yayou-openid': LIFETIME }, body: whoami })
    expect(after.json).toMatchObject({ ok: true })
    expect(everything(cloud)).toBe(before)
  })
})

describe('remote mode (YAYOU_ALLOW_REMOTE=1): a LAN address is trusted, a DNS name still is not', () => {
  const req = (headers: Record<string, string>) => ({ headers: { 'content-type': 'application/json', ...headers } }) as never
  test('IP-literal Host with its own Origin passes; a DNS name or another Origin does not', () => {
    expect(isTrustedLocalRequest(req({ host: '192.168.1.20:8787', origin: 'http://192.168.1.20:8787' }), true)).toBe(true)
    expect(isTrustedLocalRequest(req({ host: '192.168.1.20:8787' }), true)).toBe(true)
    expect(isTrustedLocalRequest(req({ host: '192.168.1.20:8787', origin: 'https://evil.example' }), true)).toBe(false)
    expect(isTrustedLocalRequest(req({ host: 'evil.example:8787', origin: 'http://evil.example:8787' }), true)).toBe(false)
    expect(isTrustedLocalRequest(req({ host: '192.168.1.20:8787' }), false)).toBe(false)
    expect(hostName('[::1]:8787')).toBe('[::1]')
    expect(hostName('LOCALHOST')).toBe('localhost')
    expect(hostName('a:b:c')).toBeNull()
  })
})

describe('npm start listens on loopback unless told twice', () => {
  test('the decision', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]']) expect(listenDecision(h, {})).toEqual({ ok: true, remote: false })
    expect(listenDecision('0.0.0.0', {})).toMatchObject({ ok: false, message: expect.stringContaining('YAYOU_ALLOW_REMOTE=1') })
    expect(listenDecision('192.168.1.20', { YAYOU_ALLOW_REMOTE: 'yes' })).toMatchObject({ ok: false })
    expect(listenDecision('0.0.0.0', { YAYOU_ALLOW_REMOTE: '1' })).toEqual({ ok: true, remote: true })
  })

  const env = (dir: string, extra: Record<string, string>) => {
    const e: Record<string, string | undefined> = { ...process.env, YAYOU_DATA_DIR: dir, YAYOU_SKIP_BUILD: '1', PORT: '0' }
    delete e.YAYOU_ALLOW_REMOTE
    delete e.YAYOU_LISTEN_HOST
    return { ...e, ...extra } as NodeJS.ProcessEnv
  }

  test('YAYOU_LISTEN_HOST=0.0.0.0 without the flag: refused with a clear message, nothing started', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yayou-listen-'))
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: env(dir, { YAYOU_LISTEN_HOST: '0.0.0.0' }) })
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('Refusing to listen on 0.0.0.0')
      expect(r.stdout).not.toContain('is running')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  test('with YAYOU_ALLOW_REMOTE=1 it starts and prints a loud warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yayou-listen-'))
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env: env(dir, { YAYOU_LISTEN_HOST: '0.0.0.0', YAYOU_ALLOW_REMOTE: '1' }) })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => { out += c.toString() })
    child.stderr.on('data', (c: Buffer) => { err += c.toString() })
    try {
      await new Promise<void>((ok, bad) => {
        const timer = setTimeout(() => bad(new Error(`no start within 50 s\n${out}\n${err}`)), 50_000)
        child.stdout.on('data', () => { if (out.includes('is running')) { clearTimeout(timer); ok() } })
        child.on('exit', (code) => { clearTimeout(timer); bad(new Error(`exited ${code}\n${out}\n${err}`)) })
      })
      expect(err).toContain('WARNING: local mode is listening on 0.0.0.0')
      expect(err).toContain('can act as any demo persona')
    } finally {
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
