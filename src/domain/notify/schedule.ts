/**
 * N1/N3 timing: when the day's window opens on the one 10-minute timer, when a message may go
 * out — never in quiet hours — and when a failed one is tried again.
 */
import { businessDate, dayjs, memoByInstant } from '../clock'
import type { Policy } from '../policy'

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/**
 * The earliest instant at or after `at` outside quiet hours (clinic time zone). Quiet hours may
 * span midnight (21:00–08:00): a message at 22:30 waits for 08:00 the next morning.
 */
export function sendableFrom(at: Date, policy: Policy): Date {
  const { quietStart, quietEnd } = policy.notify
  return sendable(at, `${policy.timezone}|${quietStart}|${quietEnd}`)
}

// Queuing thousands of messages at one instant asks the same question each time.
const sendable = memoByInstant((at: Date, key: string): Date => {
  const [tz, quietStart, quietEnd] = key.split('|')
  const local = dayjs(at).tz(tz)
  const m = local.hour() * 60 + local.minute()
  const start = minutes(quietStart)
  const end = minutes(quietEnd)
  const quiet = start > end ? m >= start || m < end : m >= start && m < end
  if (!quiet) return at
  const endToday = local.startOf('day').add(end, 'minute')
  return (m < end ? endToday : endToday.add(1, 'day')).toDate()
})

/** After the `attempts`-th failed send: when to retry (outside quiet hours), or null when to give up. */
export function retryAt(attempts: number, now: Date, policy: Policy): Date | null {
  const delays = policy.notify.retryDelaysMin
  if (attempts > delays.length) return null
  return sendableFrom(new Date(now.getTime() + delays[attempts - 1] * 60_000), policy)
}

/** N1: the clinic-clock time at which the daily job opens the day's window. */
export const WINDOW_OPENS_AT = '09:00'

/**
 * N1 on CloudBase's one timer (every 10 minutes; a WeChat cloud function takes one trigger): does
 * this run open the day's window? Yes on the first run at or after 09:00 clinic time whose last
 * window ended before today's 09:00 — so a run missed at 09:00 is made up by the next, and a
 * window opens once a day. Before 09:00 a run only finishes a stopped window and delivers.
 * `lastWindowEnd` is null before the first window ever.
 */
export function windowDue(now: Date, lastWindowEnd: Date | null, tz: string): boolean {
  const opens = dayjs.tz(`${businessDate(now, tz)} ${WINDOW_OPENS_AT}`, tz).toDate()
  return now >= opens && (lastWindowEnd === null || lastWindowEnd < opens)
}
