/** `npm run job -- --now …`: the daily job from the command line, on a local data folder (N1). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')
let dir: string
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'yayou-job-')) })
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const job = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/job.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, YAYOU_DATA_DIR: dir } })

test('runs the job at the given instant, shows progress and a summary; a second run finds nothing new', () => {
  const first = job('--now', '2027-01-01T09:00+08:00')
  expect(first.status).toBe(0)
  expect(first.stderr).toMatch(/\[█*░*\] \d\/6 expiry/)
  expect(first.stdout).toContain('job ran at                             2027-01-01T01:00:00.000Z')
  // 元旦: every member in force; the demo chain is laid out around the job's own date (N1).
  expect(first.stdout).toMatch(/queued: holiday\s+8/)
  expect(first.stdout).toMatch(/complete\s+yes/)
  const again = job('--now', '2027-01-01T15:00+08:00')
  expect(again.stdout).not.toContain('queued: holiday')
  expect(again.stdout).toContain('window 1                               2027-01-01T01:00:00.000Z → 2027-01-01T07:00:00.000Z')
}, 60_000)

test('stopped early, it says so, and the next run resumes the same window', () => {
  const stopped = job('--now', '2027-01-01T09:00+08:00', '--stop-after', '3')
  expect(stopped.stdout).toMatch(/complete\s+no — run again to continue/)
  const resumed = job('--now', '2027-01-01T09:05+08:00', '--resume-only')
  expect(resumed.stdout).toContain('(first run) → 2027-01-01T01:00:00.000Z (resumed)')
  expect(resumed.stdout).toMatch(/complete\s+yes/)
}, 60_000)

test('--timer runs as CloudBase\'s 10-minute timer: no window before 09:00 clinic time, the day\'s window at 09:00', () => {
  const early = job('--now', '2027-01-01T08:50+08:00', '--timer')
  expect(early.status).toBe(0)
  expect(early.stdout).not.toContain('window 1')
  expect(early.stdout).not.toContain('queued: holiday')
  const nine = job('--now', '2027-01-01T09:00+08:00', '--timer')
  expect(nine.stdout).toContain('window 1                               (first run) → 2027-01-01T01:00:00.000Z')
  expect(nine.stdout).toMatch(/queued: holiday\s+8/)
}, 60_000)

test('a bad --now is refused with a clear message', () => {
  const r = job('--now', 'tomorrow')
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('--now needs an ISO 8601 instant')
}, 30_000)
