import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Time is injected: production uses the system clock, tests and the local cloud a settable one. */
export interface Clock { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

/** A clock that only moves when told to (tests, `POST /api/dev/clock`). */
export class ManualClock implements Clock {
  private t: number
  constructor(start: Date | string) { this.t = new Date(start).getTime() }
  now(): Date { return new Date(this.t) }
  set(at: Date | string): void { this.t = new Date(at).getTime() }
  advance(ms: number): void { this.t += ms }
}

/**
 * Remembers the last results of a pure function of (instant, zone): dayjs's zone conversion costs
 * tens of microseconds, and the daily job asks about the same few instants thousands of times.
 */
export function memoByInstant<R>(fn: (at: Date, key: string) => R, size = 512): (at: Date, key: string) => R {
  const cache = new Map<string, R>()
  return (at, key) => {
    const k = `${at.getTime()}|${key}`
    let r = cache.get(k)
    if (r === undefined) {
      r = fn(at, key)
      if (cache.size >= size) cache.delete(cache.keys().next().value as string)
      cache.set(k, r)
    }
    return r
  }
}

/** The business date (YYYY-MM-DD) of an instant in the clinic's time zone. */
export const businessDate: (at: Date, tz: string) => string = memoByInstant((at, tz) => dayjs(at).tz(tz).format('YYYY-MM-DD'))

/**
 * "Valid N months" (PRODUCT.md conventions): calendar months in the clinic's zone, valid to the
 * end of that day. Jan 31 + 1 month = Feb 28/29 (dayjs clamps to the month's last day).
 * Returns the last instant (UTC) at which the thing is still valid.
 */
export function validUntil(issuedAt: Date, months: number, tz: string): Date {
  return dayjs(issuedAt).tz(tz).add(months, 'month').endOf('day').toDate()
}

export const addDays = (date: string, days: number): string =>
  dayjs(date, 'YYYY-MM-DD').add(days, 'day').format('YYYY-MM-DD')

export { dayjs }

/** A `YYYY-MM-DD` that names a real calendar day (2026-02-30 and 2026-13-45 do not). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}
