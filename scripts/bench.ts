/**
 * `npm run bench`: measurements, not pass/fail tests.
 * - The weapp production main package against WeChat's 2 MB limit (our budget: 600 KB).
 * - The deployable cloud function bundles.
 * - The bill engine and the confirm-bill path on the embedded database.
 * - Store round trips per request-path action (each a network call on CloudBase).
 * - Cold start: each function bundle's load time against `node -e 0`.
 * - The friend's landing pages: interactive under a 4× CPU throttle against a trivial page (H5 build).
 * - The daily job (N1) on 200,000 patients / 1,000,000 cards against 10× fewer, same due count.
 * - Every staff report with 10× the old history against 1×, the same recent activity (issue 14).
 * - The policy simulator over 1,000,000 ledger entries and their bills (issue 14, goal ≤ 10 s).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { computeBill, type BillItem } from '../src/domain/bill/engine'
import { DEFAULT_POLICY } from '../src/domain/policy'
import { buildFunctions } from './build-functions'
import { benchDaily } from './bench-daily'
import { benchImport } from './bench-import'
import { benchReports } from './bench-reports'
import { benchSimulate } from './bench-simulate'
import { benchRoundTrips } from './bench-roundtrips'
import { benchColdStart } from './bench-cold-start'
import { benchThroughput } from './bench-throughput'
import { benchLanding } from './bench-landing'
import { buildApp, ROOT } from './lib'

const KB = 1024
const WECHAT_LIMIT = 2 * KB * KB
const BUDGET = 600 * KB

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

function weappSizes() {
  buildApp('weapp')
  const dist = join(ROOT, 'dist')
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, '') + '/')
  let main = 0
  const subs: Record<string, number> = {}
  for (const f of files(dist)) {
    const rel = relative(dist, f)
    const size = statSync(f).size
    const root = roots.find((r) => rel.startsWith(r))
    if (root) subs[root] = (subs[root] ?? 0) + size
    else main += size
  }
  return { main, subs }
}

function time(label: string, n: number, fn: () => unknown): void {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) fn()
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n
  console.log(`  ${label.padEnd(44)} ${us.toFixed(1).padStart(9)} µs/op  (n=${n})`)
}

async function timeAsync(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await fn(i)
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n
  console.log(`  ${label.padEnd(44)} ${us.toFixed(1).padStart(9)} µs/op  (n=${n})`)
}

async function main() {
  console.log('\nweapp production build (main package vs the 2 MB WeChat limit, 600 KB budget)')
  const { main: size, subs } = weappSizes()
  const verdict = size <= BUDGET ? 'within budget' : size <= WECHAT_LIMIT ? 'OVER BUDGET' : 'OVER THE WECHAT LIMIT'
  console.log(`  main package   ${(size / KB).toFixed(1)} KB of ${WECHAT_LIMIT / KB} KB (${((100 * size) / WECHAT_LIMIT).toFixed(1)}%) — ${verdict}`)
  for (const [root, s] of Object.entries(subs)) console.log(`  subpackage ${root.padEnd(12)} ${(s / KB).toFixed(1)} KB`)

  console.log('\ncloud function bundles (dist-functions/)')
  for (const f of await buildFunctions()) console.log(`  ${f.name.padEnd(12)} ${(f.bytes / KB).toFixed(1)} KB`)
  benchColdStart()

  console.log('\nbill engine (pure)')
  const items: BillItem[] = Array.from({ length: 20 }, (_, i) => ({ name: `item ${i}`, category: i % 4 === 0 ? 'special_price' : 'treatment', amountFen: 10_000 + i }))
  time('computeBill, 20 items, all four steps', 20_000, () => computeBill(items, {
    memberDiscount: 'member', coupon: { id: 'c', discountFen: 30_000 }, friendCard: { id: 'f', balanceFen: 60_000 }, bonus: { balanceFen: 20_000, useFen: 20_000 },
  }, DEFAULT_POLICY))

  console.log('\nreception on the embedded database (SQLite, in memory)')
  const clock = new LocalClock()
  clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  await timeAsync('member home (50 ledger lines)', 500, () => cloud.call('member', { action: 'home' }, 'demo-patient-plain'))
  await cloud.close()
  await benchThroughput()

  await benchRoundTrips()
  buildApp('h5')
  await benchLanding()
  await benchDaily()
  await benchReports()
  benchSimulate()
  await benchImport()
}

main().catch((e) => { console.error(e); process.exit(1) })
