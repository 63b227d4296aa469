/**
 * The deploy manifest (cloudbaserc.json, read by Tencent's CLI `tcb`) against the functions the
 * build makes (issue 11, item 1): every function once, its timeout and trigger as its config.json
 * says (DevTools reads config.json, the CLI reads the manifest: they must agree), at most one trigger
 * (WeChat: "目前仅支持一个触发器"), a 7-field cron, a supported runtime, and secrets only as
 * `{{env.X}}` placeholders that the CLI fills from `.env.local` or the shell.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { functionNames } from '../../scripts/build-functions'

const ROOT = join(__dirname, '..', '..')
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

interface Trigger { name: string; type: string; config: string }
interface ManifestFn { name: string; handler: string; runtime: string; timeout: number; memorySize: number; installDependency: boolean; envVariables: Record<string, string>; triggers?: Trigger[] }
interface Manifest { version: string; envId: string; functionRoot: string; functions: ManifestFn[] }
interface FnConfig { timeout: number; triggers?: Trigger[]; permissions?: { openapi?: string[] } }

const manifest = json('cloudbaserc.json') as Manifest
const config = (name: string) => json(`cloudfunctions/${name}/config.json`) as FnConfig
const names = functionNames()

/** Node.js runtimes CloudBase offers for event functions (docs: 云函数 运行环境支持). */
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15', 'Nodejs20.19']
const MEMORY = [128, 256, 512, 1024, 2048]
const PLACEHOLDER = /^\{\{env\.[A-Z][A-Z0-9_]*\}\}$/

/** Second, minute, hour, day, month, weekday, year: each field's values, as CloudBase's timer reads them. */
const FIELDS: Array<[number, number]> = [[0, 59], [0, 59], [0, 23], [1, 31], [1, 12], [0, 6], [1970, 2099]]
function cronValues(expr: string): number[][] {
  const parts = expr.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`"${expr}" has ${parts.length} fields, not 7`)
  return parts.map((part, i) => {
    const [lo, hi] = FIELDS[i]
    const out = new Set<number>()
    for (const item of part.split(',')) {
      const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item)
      if (!m) throw new Error(`"${expr}": field ${i + 1} "${part}" is not a cron field`)
      const from = m[1] === '*' ? lo : Number(m[2])
      const to = m[1] === '*' ? hi : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? hi : from
      const step = m[4] !== undefined ? Number(m[4]) : 1
      if (from < lo || to > hi || from > to || step < 1) throw new Error(`"${expr}": field ${i + 1} "${part}" is outside ${lo}–${hi}`)
      for (let v = from; v <= to; v += step) out.add(v)
    }
    return [...out].sort((a, b) => a - b)
  })
}

/**
 * What `tcb` (2.x, @cloudbase/toolbox ConfigParser) makes of the manifest: each `{{env.X}}`
 * replaced by X from `.env`, `.env.local` or the shell (missing → empty), then JSON-parsed with a
 * reviver that turns any string which parses as a JSON object into that object.
 */
function renderLikeTcb(raw: string, env: Record<string, string>): Manifest {
  const text = raw.replace(/\{\{\s*env\.([A-Za-z0-9_]+)\s*\}\}/g, (_m, k: string) => env[k] ?? '')
  return JSON.parse(text, (_k, v) => {
    if (typeof v !== 'string') return v
    try { const parsed = JSON.parse(v); return typeof parsed === 'object' && parsed !== null ? parsed : v } catch { return v }
  }) as Manifest
}

test('names every function the build makes, once, from dist-functions/', () => {
  expect(manifest.functionRoot).toBe('./dist-functions')
  expect(manifest.functions.map((f) => f.name).sort()).toEqual([...names].sort())
  expect(names).toEqual(expect.arrayContaining(['daily', 'identity', 'reception', 'team']))
  expect(names).not.toContain('_core')
})

test('each function: index.main, a supported Node.js runtime, memory, cloud-installed SDKs, config.json\'s timeout', () => {
  for (const f of manifest.functions) {
    const c = config(f.name)
    expect({ name: f.name, handler: f.handler, installDependency: f.installDependency }).toEqual({ name: f.name, handler: 'index.main', installDependency: true })
    expect([f.name, RUNTIMES.includes(f.runtime)]).toEqual([f.name, true])
    expect([f.name, MEMORY.includes(f.memorySize)]).toEqual([f.name, true])
    expect([f.name, f.timeout]).toEqual([f.name, c.timeout])
    expect([f.name, Number.isInteger(f.timeout) && f.timeout >= 1 && f.timeout <= 60]).toEqual([f.name, true])
  }
  expect(new Set(manifest.functions.map((f) => f.runtime)).size).toBe(1) // one runtime for all: the build targets it
})

test('at most one trigger per function, the same in the manifest and in config.json, a valid 7-field timer', () => {
  for (const name of names) {
    const fromConfig = config(name).triggers ?? []
    const fromManifest = manifest.functions.find((f) => f.name === name)!.triggers ?? []
    expect([name, fromConfig.length <= 1, fromManifest.length <= 1]).toEqual([name, true, true])
    expect([name, fromManifest]).toEqual([name, fromConfig])
    for (const t of fromManifest) {
      expect(t.type).toBe('timer')
      expect(t.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
      expect(() => cronValues(t.config)).not.toThrow()
    }
  }
  // Only the daily job runs on a timer, every 10 minutes on the minute (China time), all day.
  expect(manifest.functions.filter((f) => f.triggers?.length).map((f) => f.name)).toEqual(['daily'])
  const [sec, min, hour, day, month, weekday] = cronValues(manifest.functions.find((f) => f.name === 'daily')!.triggers![0].config)
  expect({ sec, min, hours: hour.length, days: day.length, months: month.length, weekdays: weekday.length }).toEqual({ sec: [0], min: [0, 10, 20, 30, 40, 50], hours: 24, days: 31, months: 12, weekdays: 7 })
})

test('the cron reader refuses what CloudBase would', () => {
  expect(() => cronValues('0 */10 * * * *')).toThrow('6 fields')
  expect(() => cronValues('0 61 * * * * *')).toThrow('outside')
  expect(() => cronValues('0 5-55/10 8-21 * * * *')).not.toThrow()
})

test('secrets only as placeholders; each function gets the variables it reads', () => {
  expect(manifest.envId).toBe('{{env.YAYOU_ENV}}')
  for (const f of manifest.functions) {
    for (const [k, v] of Object.entries(f.envVariables)) expect([f.name, k, v]).toEqual([f.name, k, `{{env.${k}}}`])
    expect(Object.values(f.envVariables).every((v) => PLACEHOLDER.test(v))).toBe(true)
    const expected = ['YAYOU_QR_SECRET', ...(f.name === 'daily' ? ['YAYOU_TEMPLATES'] : []), ...(f.name === 'team' ? ['YAYOU_BOOTSTRAP_SECRET'] : [])]
    expect([f.name, Object.keys(f.envVariables).sort()]).toEqual([f.name, expected.sort()])
  }
  // The code reads exactly these (runtime/cloudbase.ts, team/index.ts).
  const runtime = readFileSync(join(ROOT, 'cloudfunctions/_core/runtime/cloudbase.ts'), 'utf8')
  expect(runtime).toContain('process.env.YAYOU_QR_SECRET')
  expect(runtime).toContain('process.env.YAYOU_TEMPLATES')
  expect(readFileSync(join(ROOT, 'cloudfunctions/team/index.ts'), 'utf8')).toContain('process.env.YAYOU_BOOTSTRAP_SECRET')
})

test('as tcb renders it: the env id and every variable are plain strings; a missing one is empty, never the placeholder', () => {
  const raw = readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')
  const templates = Buffer.from(JSON.stringify({ card_expiry: { id: 'tmpl-abc', fields: { thing1: 'title' } } })).toString('base64')
  const env = { YAYOU_ENV: 'yayou-prod-4g2a1b', YAYOU_QR_SECRET: 'a'.repeat(64), YAYOU_TEMPLATES: templates }
  const rendered = renderLikeTcb(raw, env)
  expect(rendered.envId).toBe('yayou-prod-4g2a1b')
  for (const f of rendered.functions) for (const v of Object.values(f.envVariables)) expect(typeof v).toBe('string')
  const daily = rendered.functions.find((f) => f.name === 'daily')!
  expect(daily.envVariables).toEqual({ YAYOU_QR_SECRET: 'a'.repeat(64), YAYOU_TEMPLATES: templates })
  expect(rendered.functions.find((f) => f.name === 'team')!.envVariables.YAYOU_BOOTSTRAP_SECRET).toBe('') // not set: bootstrap refused
  // Why YAYOU_TEMPLATES goes base64 through the CLI: a JSON value breaks the file or becomes an object.
  const asJson = JSON.stringify({ card_expiry: { id: 'tmpl-abc', fields: {} } })
  expect(() => renderLikeTcb(raw, { ...env, YAYOU_TEMPLATES: asJson })).toThrow(SyntaxError)
  const escaped = renderLikeTcb(raw, { ...env, YAYOU_TEMPLATES: asJson.replace(/"/g, '\\"') })
  expect(typeof escaped.functions.find((f) => f.name === 'daily')!.envVariables.YAYOU_TEMPLATES).toBe('object')
})

test('cloud-call permissions stay in config.json (DevTools registers them on upload)', () => {
  expect(config('daily').permissions?.openapi).toContain('subscribeMessage.send')
  expect(config('identity').permissions?.openapi).toContain('phonenumber.getPhoneNumber')
  expect(config('referral').permissions?.openapi).toContain('wxacode.getUnlimited')
})

test('project.config.json: DevTools opens the repo root; the real appid never lives in the repository', () => {
  const p = json('project.config.json') as { appid: string; miniprogramRoot: string; cloudfunctionRoot: string }
  expect(p).toMatchObject({ appid: 'touristappid', miniprogramRoot: 'dist/', cloudfunctionRoot: 'dist-functions/' })
})
