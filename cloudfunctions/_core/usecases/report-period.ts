/**
 * Issue 14: a report's period, the way the director picks it — clinic-zone days, both ends
 * included — as the instants the queries range over, and the range read itself (range paging on the
 * indexed field, never skip). Shared by the dashboard and the policy simulator.
 */
import { addDays, dayjs } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import type { Doc, Store, Where } from '../ports/store'
import { allInRange } from './range-pages'

export interface Period { fromDay: string; toDay: string; from: string; to: string }

/**
 * `from`–`to` (default: `days` days ending at `lastDay`), refused as VALIDATION when reversed or
 * longer than `maxDays`; `from` is that day's 00:00 in `tz`, `to` the next day after `toDay`'s.
 */
export function reportPeriod(i: { from?: string; to?: string }, o: { lastDay: string; days: number; maxDays: number; tz: string }): Period {
  const toDay = i.to ?? o.lastDay
  const fromDay = i.from ?? addDays(toDay, -(o.days - 1))
  const days = dayjs(toDay).diff(dayjs(fromDay), 'day') + 1
  if (days < 1) throw new DomainError('VALIDATION', { why: 'period', field: 'from' }, { zh: '开始日期须不晚于结束日期', en: 'The start date must not be after the end date' })
  if (days > o.maxDays) throw new DomainError('VALIDATION', { why: 'period', field: 'to' }, { zh: `一次最多 ${o.maxDays} 天`, en: `At most ${o.maxDays} days at a time` })
  const at = (day: string) => dayjs.tz(day, o.tz).toDate().toISOString()
  return { fromDay, toDay, from: at(fromDay), to: at(addDays(toDay, 1)) }
}

/** Every document with `field` in [from, to), in order. */
export const inRange = <T extends Doc>(store: Store, coll: string, field: string, from: string, to: string, where: Where = {}): Promise<T[]> =>
  allInRange<T>(store, coll, { where: { ...where, [field]: { $gte: from, $lt: to } }, key: field, dir: 'asc' })
