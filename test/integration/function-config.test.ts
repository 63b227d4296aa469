/**
 * Every cloud function's config.json against what WeChat CloudBase accepts (issue 11: nothing
 * passes here that would fail there). From the 云函数 定时触发器 docs: `triggers` holds at most ONE
 * trigger, of type `timer`, whose config is a 7-field cron (second minute hour day month weekday
 * year, China time). `timeout` is in seconds (the CLI manifest takes 1–60); WeChat DevTools' upload ignores it
 * (default 3 s), so the CLI manifest or the console applies it (docs/deploy.md, "Timeouts").
 * Cloud calls need their `permissions.openapi` entry — exactly the ones the function makes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { FUNCTIONS } from '../../cloudfunctions/_local/registry'

const ROOT = join(__dirname, '..', '..')
const CF = join(ROOT, 'cloudfunctions')
const NAMES = readdirSync(CF).filter((n) => !n.startsWith('_') && statSync(join(CF, n)).isDirectory()).sort()

interface Trigger { name: string; type: string; config: string }
interface FnConfig { permissions?: { openapi?: string[] }; timeout?: number; triggers?: Trigger[]; envVariables?: Record<string, string> }
const config = (name: string) => JSON.parse(readFileSync(join(CF, name, 'config.json'), 'utf8')) as FnConfig

/**
 * The cloud calls each adapter makes, and the functions that reach them. A function not listed
 * makes no cloud call and is granted none.
 */
const CLOUD_CALLS = [
  { api: 'wxacode.getUnlimited', adapter: '_core/adapters/poster.ts', callSite: '_core/usecases/referral.ts', functions: ['referral'] }, // R1 poster code
  { api: 'phonenumber.getPhoneNumber', adapter: '_core/adapters/phone/wechat-phone.ts', callSite: '_core/usecases/identity-binding.ts', functions: ['identity'] }, // verified phone
  { api: 'subscribeMessage.send', adapter: '_core/adapters/notify/wechat-channel.ts', callSite: '_core/usecases/outbox.ts', functions: ['daily'] }, // N3 delivery
]

const FIELDS: Array<[string, number, number, RegExp?]> = [
  ['second', 0, 59], ['minute', 0, 59], ['hour', 0, 23], ['day', 1, 31],
  ['month', 1, 12, /^(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)$/i], ['weekday', 0, 6, /^(SUN|MON|TUE|WED|THU|FRI|SAT)$/i], ['year', 1970, 2099],
]

/** Why a cron expression would be refused, or null: seven fields of `, - * /` over values in range. */
function cronProblem(expr: string): string | null {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 7) return `${fields.length} fields, CloudBase needs 7 (second minute hour day month weekday year)`
  for (let i = 0; i < 7; i++) {
    const [field, min, max, names] = FIELDS[i]
    const value = (v: string) => (names?.test(v) ? true : /^\d+$/.test(v) && +v >= min && +v <= max)
    for (const item of fields[i].split(',')) {
      const [range, step, extra] = item.split('/')
      if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `${field} "${item}": a bad increment`
      const ends = range === '*' ? [] : range.split('-')
      if (ends.length > 2 || !ends.every(value)) return `${field} "${item}": not within ${min}–${max}`
    }
  }
  return null
}

/** Repository files an entry reaches through relative imports (runtime/cloudbase.ts wires every adapter into every function, so it is left out). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || file.endsWith(join('runtime', 'cloudbase.ts'))) return
    seen.add(file)
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*'(\.[^']+)'/g)) {
      const base = resolve(dirname(file), m[1])
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((f) => existsSync(f) && statSync(f).isFile())
      if (found) visit(found)
    }
  }
  visit(entry)
  return seen
}

test('there are cloud functions to check, and each has a config.json', () => {
  expect(NAMES.length).toBeGreaterThanOrEqual(14)
  for (const n of NAMES) expect(existsSync(join(CF, n, 'config.json'))).toBe(true)
})

test.each(NAMES)('%s: at most one trigger, a timer with a 7-field cron', (name) => {
  const triggers = config(name).triggers ?? []
  expect(triggers.length).toBeLessThanOrEqual(1) // "目前仅支持一个触发器"
  for (const t of triggers) {
    expect(t.type).toBe('timer')
    expect(t.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
    expect(cronProblem(t.config)).toBeNull()
  }
})

// The CLI manifest documents 1–60 s for `timeout` (the management API allows up to 900).
test.each(NAMES)('%s: a timeout in seconds that the CLI manifest can deploy (≤ 60)', (name) => {
  const { timeout } = config(name)
  expect(Number.isInteger(timeout)).toBe(true)
  expect(timeout).toBeGreaterThanOrEqual(3)
  expect(timeout).toBeLessThanOrEqual(60)
})

test.each(NAMES)('%s: exactly the cloud-call permissions it uses', (name) => {
  const wanted = CLOUD_CALLS.filter((c) => c.functions.includes(name)).map((c) => c.api).sort()
  expect([...(config(name).permissions?.openapi ?? [])].sort()).toEqual(wanted)
})

test('the table of cloud calls is the code\'s: each adapter makes its call, no other call is made, each function reaches its call site', () => {
  const adapters = join(CF, '_core', 'adapters')
  const made = new Set<string>()
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f)
      if (statSync(p).isDirectory()) walk(p)
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\.openapi\.(\w+)\.(\w+)\(/g)) made.add(`${m[1]}.${m[2]}`)
    }
  }
  walk(adapters)
  expect([...made].sort()).toEqual(CLOUD_CALLS.map((c) => c.api).sort())
  for (const c of CLOUD_CALLS) {
    expect(readFileSync(join(CF, c.adapter), 'utf8')).toContain(`.openapi.${c.api}(`)
    for (const fn of c.functions) {
      const entry = existsSync(join(CF, fn, 'handler.ts')) ? join(CF, fn, 'handler.ts') : join(CF, fn, 'index.ts')
      expect({ fn, reaches: reachable(entry).has(join(CF, c.callSite)) }).toEqual({ fn, reaches: true })
    }
  }
})

test('every function folder is served locally: callable ones by the registry, the timer by the daily job', () => {
  const timers = NAMES.filter((n) => (config(n).triggers ?? []).length > 0)
  expect(timers).toEqual(['daily']) // run locally by `npm run job` and POST /api/dev/run-daily
  expect(NAMES.filter((n) => !timers.includes(n))).toEqual(Object.keys(FUNCTIONS).sort())
})

test('the daily function: one timer every 10 minutes; the handler decides from the clinic clock', () => {
  expect(config('daily').triggers).toEqual([{ name: 'every-10-min', type: 'timer', config: '0 */10 * * * * *' }])
  expect(readFileSync(join(CF, 'daily', 'index.ts'), 'utf8')).not.toContain('TriggerName')
})

test('the cron check itself refuses what CloudBase refuses', () => {
  expect(cronProblem('0 */10 * * * * *')).toBeNull()
  expect(cronProblem('0 0 9 * * MON-FRI *')).toBeNull()
  expect(cronProblem('0 0 9 * * *')).toMatch(/6 fields/) // 6-field (Quartz without year)
  expect(cronProblem('*/10 * * * *')).toMatch(/5 fields/) // Unix cron
  expect(cronProblem('0 0 24 * * * *')).toMatch(/hour/)
  expect(cronProblem('0 5-55/0 * * * * *')).toMatch(/increment/)
})

test('where the CLI manifest exists, it deploys the same timeout and trigger as config.json', () => {
  const file = join(ROOT, 'cloudbaserc.json')
  if (!existsSync(file)) return // written by the deploy work (issue 11, item 1)
  const rc = JSON.parse(readFileSync(file, 'utf8')) as { functions?: Array<{ name: string; timeout?: number; triggers?: Trigger[] }> }
  for (const f of rc.functions ?? []) {
    if (!NAMES.includes(f.name)) continue
    if (f.timeout !== undefined) expect({ fn: f.name, timeout: f.timeout }).toEqual({ fn: f.name, timeout: config(f.name).timeout })
    expect({ fn: f.name, triggers: f.triggers ?? [] }).toEqual({ fn: f.name, triggers: config(f.name).triggers ?? [] })
  }
})
