/**
 * `npm test`: everything, in the order a failure is cheapest to find — typecheck, lint, unit and
 * integration tests, the compiled weapp pages in miniprogram-simulate, then the H5 build in
 * Debian's Chromium. Builds are made when stale. Ends with one line: `tests: N passed, N failed`.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, run } from './lib'

interface Tally { passed: number; failed: number; skipped: number }
const tally: Tally = { passed: 0, failed: 0, skipped: 0 }
const failures: string[] = []
const out = mkdtempSync(join(tmpdir(), 'yayou-test-'))

function step(name: string, fn: () => boolean): void {
  console.log(`\n━━ ${name} ━━`)
  const t0 = Date.now()
  let ok = false
  try { ok = fn() } catch (e) { console.error(e instanceof Error ? e.message : e) }
  console.log(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  if (!ok) failures.push(name)
}

function jest(label: string, projects: string[]): boolean {
  const file = join(out, `${label}.json`)
  const code = run('npx', ['jest', '--selectProjects', ...projects, '--json', `--outputFile=${file}`])
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number }
    tally.passed += r.numPassedTests
    tally.failed += r.numFailedTests
    tally.skipped += r.numPendingTests
    if (code !== 0 && r.numFailedTests === 0) tally.failed += 1 // a suite that failed to run
    if (r.numTotalTests === 0) { console.error(`${label}: no test ran`); return false }
  } else tally.failed += 1
  return code === 0
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, installed with apt-get when we are root; otherwise say loudly why not. */
function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian\'s chromium package (apt-get)…')
    run('apt-get', ['update', '-qq'])
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { DEBIAN_FRONTEND: 'noninteractive' })
    if (existsSync(CHROMIUM)) return true
  }
  const bar = '!'.repeat(78)
  console.error(`\n${bar}\n!! BROWSER TESTS DID NOT RUN: ${CHROMIUM} is missing and could not be installed\n!! (need root for 'apt-get install -y chromium', or set CHROMIUM_PATH).\n${bar}\n`)
  return false
}

step('typecheck (tsc)', () => run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) === 0)
step('lint (eslint)', () => run('npx', ['eslint', '.', '--max-warnings=0']) === 0)
step('unit + integration tests (jest)', () => jest('node', ['unit', 'integration']))
step('weapp pages (taro build --type weapp, miniprogram-simulate)', () => { buildApp('weapp'); return jest('weapp', ['weapp']) })
if (process.env.YAYOU_SKIP_BROWSER === '1') {
  console.error('\n!! YAYOU_SKIP_BROWSER=1: browser tests skipped on request.\n')
  tally.skipped += 1
} else if (ensureChromium()) {
  step('browser tests (taro build --type h5, Chromium)', () => { buildApp('h5'); return jest('browser', ['browser']) })
} else {
  tally.skipped += 1
}

console.log(`\n${failures.length ? `failed steps: ${failures.join('; ')}` : 'all steps passed'}`)
console.log(`tests: ${tally.passed} passed, ${tally.failed + (failures.length && !tally.failed ? 1 : 0)} failed, ${tally.skipped} skipped`)
process.exit(failures.length ? 1 : 0)
