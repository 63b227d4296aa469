/**
 * Issue 11, cold start: every deployable bundle (scripts/build-functions.ts) loads in a fresh Node
 * process with nothing installed beside it, and the bundled @cloudbase/node-sdk — trimmed by
 * scripts/sdk-trim.ts — still signs and sends a real database request over HTTP (to a local server
 * standing in for CloudBase's gateway) and reads the answer. A left-out SDK part fails loudly.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { buildFunctions, functionNames } from '../../scripts/build-functions'
import { LEFT_OUT, sdkTrim } from '../../scripts/sdk-trim'

jest.setTimeout(120_000)

const out = mkdtempSync(join(tmpdir(), 'yayou-bundles-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Runs `code` in a fresh node (cwd: the bundles' folder, so nothing from our node_modules resolves). */
function node(code: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['-e', code], { cwd: out, env: { PATH: process.env.PATH ?? '', NODE_PATH: '', ...env } as unknown as NodeJS.ProcessEnv })
    let stdout = ''
    let stderr = ''
    c.stdout.on('data', (b) => { stdout += b })
    c.stderr.on('data', (b) => { stderr += b })
    c.on('exit', (status) => resolve({ status, stdout, stderr }))
  })
}

beforeAll(async () => { await buildFunctions(out) })

test('every function bundle loads alone and exports main, without loading wx-server-sdk', async () => {
  const names = functionNames()
  const probe = `for (const n of ${JSON.stringify(names)}) { const m = require('./' + n + '/index.js'); if (typeof m.main !== 'function') throw new Error(n + ': no main') }
console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules/.test(k))))`
  const r = await node(probe)
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  expect(JSON.parse(r.stdout)).toEqual([]) // everything it needs is inside the bundle
})

test('the bundled SDK sends a signed database request to CloudBase and reads its answer', async () => {
  const seen: Array<{ url: string; body: Record<string, unknown>; auth: string }> = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => { body += c })
    req.on('end', () => {
      seen.push({ url: req.url ?? '', body: JSON.parse(body) as Record<string, unknown>, auth: String(req.headers.authorization ?? '') })
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { list: [] }, requestId: 'r' }))
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`
    const env = {
      TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', TCB_ENV: 'yayou-test', SCF_NAMESPACE: 'yayou-test',
      TENCENTCLOUD_SECRETID: 'test-id', TENCENTCLOUD_SECRETKEY: 'test-key', TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }), YAYOU_QR_SECRET: 'q'.repeat(64),
    }
    const context = { request_id: 'req-1', time_limit_in_ms: 3000, environment: JSON.stringify({ WX_OPENID: 'oBundleProbe0001' }) }
    const r = await node(`require('./member/index.js').main({ action: 'code' }, ${JSON.stringify(context)}).then((x) => console.log(JSON.stringify(x)))`, env)
    expect(r.status).toBe(0)
    // The caller is looked up by the openid from the context; an unknown WeChat user is refused.
    expect(seen).toHaveLength(1)
    expect(seen[0].body).toMatchObject({ action: 'database.getDocument', collectionName: 'users', queryType: 'DOC', envName: 'yayou-test' })
    expect(JSON.parse(String(seen[0].body.query))).toEqual({ _id: 'oBundleProbe0001' })
    expect(seen[0].auth).toMatch(/^TC3-HMAC-SHA256 Credential=test-id\//)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  } finally {
    await new Promise((ok) => server.close(ok))
  }
})

test('a left-out SDK part fails loudly, naming itself, when anything reads it', async () => {
  const r = await build({ stdin: { contents: "module.exports = require('jsonwebtoken')", resolveDir: out }, bundle: true, platform: 'node', format: 'cjs', write: false, plugins: [sdkTrim()] })
  const mod = { exports: {} as Record<string, unknown> }
  new Function('module', 'exports', 'require', r.outputFiles[0].text)(mod, mod.exports, require)
  expect(() => mod.exports.sign).toThrow(/jsonwebtoken is left out.*custom-login tickets/)
  expect(Object.keys(LEFT_OUT)).toContain('@cloudbase/wx-cloud-client-sdk')
})

test('a function installs wx-server-sdk exactly when it may make WeChat cloud calls, and nothing else', async () => {
  const { readFileSync } = await import('node:fs')
  for (const n of functionNames()) {
    const json = (f: string) => JSON.parse(readFileSync(join(out, n, f), 'utf8')) as { dependencies?: object; permissions?: { openapi?: string[] } }
    const deps = Object.keys(json('package.json').dependencies ?? {})
    const callsWeChat = (json('config.json').permissions?.openapi ?? []).length > 0
    expect({ n, deps }).toEqual({ n, deps: callsWeChat ? ['wx-server-sdk'] : [] })
  }
})

test('records keeps exceljs in a file of its own, read on the first XLSX only, that loads and reads a workbook', async () => {
  const probe = `
require('./records/index.js')
const loadedAtStart = Object.keys(require.cache).some((k) => k.endsWith('exceljs.js'))
import('./records/exceljs.js').then(async (m) => {
  const wb = new m.default.Workbook()
  wb.addWorksheet('患者').addRow(['病历号', '姓名'])
  const again = new m.default.Workbook()
  await again.xlsx.load(await wb.xlsx.writeBuffer())
  console.log(JSON.stringify({ loadedAtStart, header: again.worksheets[0].getRow(1).values }))
})`
  const r = await node(probe)
  expect(r.stderr).toBe('')
  expect(JSON.parse(r.stdout)).toEqual({ loadedAtStart: false, header: [null, '病历号', '姓名'] })
})
