/**
 * The `daily` cloud function's own entry (cloudfunctions/daily/index.ts) on the embedded database:
 * CloudBase's runtime wrapper is replaced by one that hands it the local deps, everything else is
 * the code that runs on CloudBase — the time limit from the invocation context, the lease it
 * takes, and the clinic clock deciding whether the day's window opens (N1).
 */
import type { Deps } from '../../cloudfunctions/_core/deps'
import type { DailySummary } from '../../cloudfunctions/_core/usecases/daily'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { openCloud } from './helpers'

const mockDeps: { current?: Deps } = {}
jest.mock('../../cloudfunctions/_core/runtime/cloudbase', () => ({
  cloudbaseTimer: (job: (deps: Deps, event: unknown, context: unknown) => Promise<unknown>) => (event: unknown, context?: unknown) => job(mockDeps.current!, event, context),
}))
// jest hoists the mock above this import.
import { main } from '../../cloudfunctions/daily'

const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)
const TIMER = { Type: 'Timer', TriggerName: 'every-10-min', Time: '2026-12-01T01:00:00Z' }

let cloud: LocalCloud
let leases: string[]
beforeEach(async () => {
  cloud = await openCloud()
  leases = []
  // Every lease the run writes on jobs/daily, in order.
  const store = new Proxy(cloud.store, { get: (s, k) => {
    const v = Reflect.get(s, k) as unknown
    if (k !== 'updateIf' || typeof v !== 'function') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(s) : v
    return (c: string, id: string, expect: unknown, patch: { set?: { leaseUntil?: string | null } }) => {
      if (c === 'jobs' && patch.set?.leaseUntil) leases.push(patch.set.leaseUntil)
      return (v as (...a: unknown[]) => unknown).call(s, c, id, expect, patch)
    }
  } })
  mockDeps.current = { ...cloud.deps, store }
})
afterEach(() => cloud.close())

const run = async (at: string, context?: unknown) => { cloud.clock.pin(sh(at)); return (await main(TIMER, context)) as DailySummary }

test('the lease lasts the time limit the context gives, plus the 10 s margin', async () => {
  const s = await run('2026-12-01 09:00', { time_limit_in_ms: 60_000, request_id: 'r1' })
  expect(s.complete).toBe(true)
  expect(leases[0]).toBe(new Date(sh('2026-12-01 09:00').getTime() + 70_000).toISOString())
})

test('with no limit in the context it assumes CloudBase\'s 3 s default, not 60 s', async () => {
  await run('2026-12-01 09:00')
  expect(leases[0]).toBe(new Date(sh('2026-12-01 09:00').getTime() + 13_000).toISOString())
})

test('a run whose time is up stops at once and leaves the window for the next run', async () => {
  const stopped = await run('2026-12-01 09:00', { getRemainingTimeInMillis: () => 1 })
  expect(stopped).toMatchObject({ complete: false, windows: [expect.objectContaining({ resumed: false, complete: false })] })
  const next = await run('2026-12-01 09:10', { time_limit_in_ms: 60_000 })
  expect(next).toMatchObject({ complete: true, windows: [expect.objectContaining({ to: sh('2026-12-01 09:00').toISOString(), resumed: true, complete: true })] })
})

test('the same trigger before 09:00 opens no window; at 09:00 it opens the day\'s', async () => {
  expect((await run('2026-12-01 08:50', { time_limit_in_ms: 60_000 })).windows).toEqual([])
  expect((await run('2026-12-01 09:00', { time_limit_in_ms: 60_000 })).windows).toHaveLength(1)
  expect((await run('2026-12-01 09:10', { time_limit_in_ms: 60_000 })).windows).toEqual([])
})
