/**
 * How long one invocation of the daily function may work (N1, N3). The time limit is the
 * function's own setting, read from the invocation context — not assumed: an upload from WeChat
 * DevTools ignores `timeout` in config.json and leaves CloudBase's default of 3 s (docs/deploy.md,
 * "Timeouts"). The run stops a margin before the limit and leaves a cursor; its lease on
 * `jobs/daily` lasts the limit plus the margin, so a run the platform kills anyway blocks the next
 * one for moments, not 15 minutes.
 */

/** Time kept back before the limit: one WeChat send (its own timeout, wechat-channel.ts) and a save. */
export const MARGIN_MS = 10_000
/** CloudBase's time limit for a function whose timeout was never set. */
export const DEFAULT_LIMIT_MS = 3_000

/**
 * The invocation's time limit, from the context CloudBase (SCF) passes to `main(event, context)`:
 * `getRemainingTimeInMillis()` where the runtime offers it (it counts what is already spent),
 * else `time_limit_in_ms` (the field @cloudbase/node-sdk's `IContextParam` declares), else the
 * platform default — a short run that stops early is safe, one that overruns is killed.
 */
export function timeLimitOf(context: unknown): number {
  const c = (context ?? {}) as { getRemainingTimeInMillis?: unknown; time_limit_in_ms?: unknown }
  if (typeof c.getRemainingTimeInMillis === 'function') {
    const left = Number((c.getRemainingTimeInMillis as () => unknown).call(context))
    if (Number.isFinite(left) && left > 0) return left
  }
  const limit = Number(c.time_limit_in_ms)
  return Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_LIMIT_MS
}

export interface TimeBudget {
  /** Epoch ms after which the job stops between documents and saves its cursor. */
  stopAt: number
  /** How long each hold of the lease on `jobs/daily` lasts. */
  leaseMs: number
}

/**
 * The budget of a run that started at `startedAt` with `limitMs` to go. A short limit (the 3 s
 * default) keeps a quarter back instead of the whole margin, so the run still does something.
 */
export function timeBudget(limitMs: number, startedAt: number): TimeBudget {
  const margin = Math.min(MARGIN_MS, Math.floor(limitMs / 4))
  return { stopAt: startedAt + limitMs - margin, leaseMs: limitMs + MARGIN_MS }
}
