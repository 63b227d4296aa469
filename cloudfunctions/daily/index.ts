/**
 * CloudBase entry of the daily job (N1), fired by the timers in config.json (China time):
 * - `daily-0900`: a new window — expiry, reminders, greetings, invitations, the birthday list, delivery;
 * - `every-10-min` (at :05, :15 … 08:05–21:55, clear of 09:00): finishes a run that stopped at the
 *   time limit, opens today's window if the 09:00 run did not, and delivers what is due (R4 "told
 *   the same day", messages held overnight by quiet hours, retries).
 * Each run stops 10 s before the function's 60 s limit and leaves a cursor for the next.
 */
import { cloudbaseTimer } from '../_core/runtime/cloudbase'
import { runDaily } from '../_core/usecases/daily'

const LIMIT_MS = 60_000
const MARGIN_MS = 10_000

export const main = cloudbaseTimer((deps, event) => {
  const deadline = Date.now() + LIMIT_MS - MARGIN_MS
  const resumeOnly = (event as { TriggerName?: string } | undefined)?.TriggerName === 'every-10-min'
  return runDaily(deps, { resumeOnly, stop: () => Date.now() > deadline })
})
