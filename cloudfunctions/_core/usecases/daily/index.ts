/**
 * The daily job (N1, N2, N4, N3 delivery). Each run covers a window of time: from where the last
 * run ended to now, so a job run three times a day, or after a day's outage, does each thing once.
 * - idempotent: every write is a compare-and-set or a create under a stable key;
 * - resumable: the state (window, step, part, last `_id`) is saved after every page, and a run
 *   that is told to stop (the function's time limit) leaves a cursor the next run continues from;
 * - delivery (N3) comes before and after the window's steps in every invocation, apart from the
 *   window's state, so messages never wait behind a long window;
 * - its cost grows with what is due, not with the number of patients: each query is an indexed
 *   range over the window (see sweep.ts and INDEXES).
 * A lease on the state document keeps two runs (the timer and the CLI) from working at once.
 * On CloudBase one timer fires every 10 minutes; whether a run opens the day's window is the clinic
 * clock's call (`windowDue`, src/domain/notify/schedule.ts), and its time budget the function's
 * own limit (./schedule.ts).
 */
import { businessDate } from '../../../../src/domain/clock'
import { windowDue } from '../../../../src/domain/notify/schedule'
import { currentPolicy, type Deps } from '../../deps'
import { C } from '../../model'
import { deliverDue, noDelivery, type DeliveryStats } from '../outbox'
import { expiry } from './expiry'
import { giftList } from './gift-list'
import { greetings, invitations } from './greetings'
import { reminders } from './reminders'
import { sweep, type Cursor, type JobCtx, type Step } from './sweep'

const STEPS: Step[] = [expiry, reminders, greetings, invitations, giftList]
/** The lease of a run with no time limit (the CLI, the local server), renewed at every save. */
const LEASE_MS = 15 * 60_000

interface RunState { from: string | null; to: string; step: number; cursor: Cursor; startedAt: string }
interface JobDoc { _id: string; leaseUntil?: string | null; seq?: number; run?: RunState | null; last?: { from: string | null; to: string; finishedAt: string } }

export interface DailyOptions {
  /** Asked between documents: true means save the cursor and stop now (the function's time limit). */
  stop?: () => boolean
  /**
   * Whether this run may open a new window (a stopped one is always finished first):
   * `always` — a run by hand (the CLI, `POST /api/dev/run-daily`): a window up to now;
   * `when-due` — the timer: only the day's window, once the clinic clock says so (`windowDue`);
   * `never` — only finish a stopped window and deliver what is due.
   */
  opens?: 'always' | 'when-due' | 'never'
  /** How long each hold of the lease lasts: on CloudBase the function's time limit plus a margin. */
  leaseMs?: number
  onProgress?: (p: { step: string; index: number; steps: number; handled: number }) => void
}

export interface DailySummary {
  now: string
  /** false when stopped before the end; the next run continues. */
  complete: boolean
  /** true when another run holds the lease; this one did nothing. */
  busy: boolean
  windows: Array<{ from: string | null; to: string; resumed: boolean; complete: boolean }>
  annualLapsed: number
  couponsExpired: number
  cardsExpired: number
  /** S1: lapsed desk short codes removed. */
  shortCodesSwept: number
  /** Messages queued, by template. */
  queued: Record<string, number>
  giftsListed: number
  delivery: DeliveryStats
}

export const STEP_NAMES = [...STEPS.map((s) => s.name), 'deliver']

export async function runDaily(deps: Deps, opts: DailyOptions = {}): Promise<DailySummary> {
  const stop = opts.stop ?? (() => false)
  const opens = opts.opens ?? 'always'
  const leaseMs = opts.leaseMs ?? LEASE_MS
  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  const today = businessDate(now, policy.timezone)
  const counts: Record<string, number> = {}
  const summary: DailySummary = { now: now.toISOString(), complete: true, busy: false, windows: [], annualLapsed: 0, couponsExpired: 0, cardsExpired: 0, shortCodesSwept: 0, queued: {}, giftsListed: 0, delivery: noDelivery() }
  let lease = await acquire(deps, now, leaseMs)
  if (!lease) return { ...summary, complete: false, busy: true }
  let handled = 0
  // Every save renews the lease and bumps `seq`, so it always changes the document (CloudBase
  // reports an update that changes nothing as not matched).
  const save = async (patch: Partial<JobDoc>) => {
    const renewed = new Date(deps.clock.now().getTime() + leaseMs).toISOString()
    if (!(await deps.store.updateIf(C.jobs, 'daily', { leaseUntil: lease }, { set: { ...patch, leaseUntil: renewed }, inc: { seq: 1 } }))) throw new Error('daily job: lost the lease to another run')
    lease = renewed
  }
  // N3: delivery is not part of a window's state: what is due goes first, so a long window never
  // holds messages back, and again at the end for what the window queued.
  const deliver = async () => {
    if (stop()) { summary.complete = false; return }
    opts.onProgress?.({ step: 'deliver', index: STEPS.length, steps: STEP_NAMES.length, handled })
    if (!(await deliverDue(deps, policy, stop, summary.delivery)).complete) summary.complete = false
  }
  try {
    await deliver()
    let job = (await deps.store.get<JobDoc>(C.jobs, 'daily'))!
    for (let pass = 0; pass < 2; pass++) {
      const resumed = Boolean(job.run)
      // A new window opens at most once an invocation, and on the timer only when it is due.
      const due = opens === 'always' || (opens === 'when-due' && windowDue(now, job.last ? new Date(job.last.to) : null, policy.timezone))
      if (!resumed && (!due || summary.windows.some((w) => !w.resumed))) break
      const run: RunState = job.run ?? newRun(job, now)
      if (!resumed) await save({ run })
      const ctx: JobCtx = {
        deps, policy, from: run.from ? new Date(run.from) : null, to: new Date(run.to), nowDay: today,
        fromDay: run.from ? businessDate(new Date(run.from), policy.timezone) : null, today: businessDate(new Date(run.to), policy.timezone),
        count: (k, n = 1) => { counts[k] = (counts[k] ?? 0) + n },
      }
      const window = { from: run.from, to: run.to, resumed, complete: false }
      summary.windows.push(window)
      const done = await runSteps(ctx, run, stop, save, (index) => opts.onProgress?.({ step: STEP_NAMES[index], index, steps: STEP_NAMES.length, handled: ++handled }))
      if (!done) { summary.complete = false; break }
      window.complete = true
      const last = { from: run.from, to: run.to, finishedAt: deps.clock.now().toISOString() }
      await save({ run: null, last })
      job = { ...job, run: null, last }
    }
    if (summary.complete) await deliver()
  } finally {
    await deps.store.updateIf(C.jobs, 'daily', { leaseUntil: lease }, { set: { leaseUntil: null } })
  }
  summary.annualLapsed = counts.annualLapsed ?? 0
  summary.couponsExpired = counts.couponsExpired ?? 0
  summary.cardsExpired = counts.cardsExpired ?? 0
  summary.shortCodesSwept = counts.shortCodesSwept ?? 0
  summary.giftsListed = counts.giftsListed ?? 0
  for (const [k, n] of Object.entries(counts)) if (k.startsWith('queued.')) summary.queued[k.slice(7)] = n
  return summary
}

/** A new window from the last run's end; a clock set back (local demos) starts over from nothing. */
function newRun(job: JobDoc, now: Date): RunState {
  const from = job.last && job.last.to < now.toISOString() ? job.last.to : null
  return { from, to: now.toISOString(), step: 0, cursor: {}, startedAt: now.toISOString() }
}

async function acquire(deps: Deps, now: Date, leaseMs: number): Promise<string | null> {
  let job = await deps.store.get<JobDoc>(C.jobs, 'daily')
  if (!job) {
    try { await deps.store.create<JobDoc>(C.jobs, { _id: 'daily', leaseUntil: null, run: null }) } catch { /* created by a concurrent run */ }
    job = await deps.store.get<JobDoc>(C.jobs, 'daily')
  }
  const held = job?.leaseUntil ?? null
  if (held && held > now.toISOString()) return null
  const lease = new Date(now.getTime() + leaseMs).toISOString()
  return (await deps.store.updateIf(C.jobs, 'daily', { leaseUntil: held }, { set: { leaseUntil: lease } })) ? lease : null
}

async function runSteps(ctx: JobCtx, run: RunState, stop: () => boolean, save: (p: Partial<JobDoc>) => Promise<void>, progress: (index: number) => void): Promise<boolean> {
  const checkpoint = (step: number, cursor: Cursor) => save({ run: { ...run, step, cursor } })
  for (let i = run.step; i < STEPS.length; i++) {
    const parts = await STEPS[i].parts(ctx)
    const resumeAt = i === run.step && run.cursor.part ? parts.findIndex((p) => p.key === run.cursor.part) : 0
    for (let j = Math.max(0, resumeAt); j < parts.length; j++) {
      const after = i === run.step && j === resumeAt && resumeAt >= 0 ? run.cursor.afterId : undefined
      const r = await sweep(ctx, parts[j], after, stop, (c) => checkpoint(i, c), () => progress(i))
      if (!r.done) { await checkpoint(i, r.cursor); return false }
    }
    await checkpoint(i + 1, {})
  }
  return true
}
