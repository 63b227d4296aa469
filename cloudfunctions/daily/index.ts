/**
 * CloudBase entry of the daily job (N1–N4), fired by its one timer (config.json: every 10
 * minutes, China time; a WeChat cloud function takes a single trigger). Each run:
 * - finishes a window that stopped at the time limit, and delivers what is due (R4 "told the same
 *   day", messages held overnight by quiet hours, retries);
 * - opens the day's window — expiry, reminders, greetings, invitations, the birthday list — on the
 *   first run at or after 09:00 clinic time (`windowDue`, policy.timezone), so a missed 09:00 run
 *   is made up ten minutes later, and a window opens once a day.
 * The run stops a margin before the time limit CloudBase gives this invocation (never an assumed
 * 60 s: see usecases/daily/schedule.ts) and leaves a cursor for the next; its lease lasts as long
 * as the function may run, plus the margin.
 */
import { cloudbaseTimer } from '../_core/runtime/cloudbase'
import { runDaily } from '../_core/usecases/daily'
import { timeBudget, timeLimitOf } from '../_core/usecases/daily/schedule'

export const main = cloudbaseTimer((deps, _event, context) => {
  const budget = timeBudget(timeLimitOf(context), Date.now())
  return runDaily(deps, { opens: 'when-due', leaseMs: budget.leaseMs, stop: () => Date.now() > budget.stopAt })
})
