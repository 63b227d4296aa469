/**
 * Issue 12, item 4: a clinic's opening hours and the times of day a person may ask for. Clock times
 * are local to the clinic's zone (policy.timezone); weekdays 0 = Sunday … 6 = Saturday, as dayjs.
 */
import { dayjs } from '../clock'

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const
export type TimeOfDay = (typeof TIMES_OF_DAY)[number]

/** 上午 until noon, 下午 until 18:00, 晚上 after: each as [from, to) minutes of the local day. */
export const TIME_OF_DAY_SPAN: Record<TimeOfDay, readonly [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 18 * 60],
  evening: [18 * 60, 24 * 60],
}

export const TIME_OF_DAY_LABEL: Record<TimeOfDay, { zh: string; en: string }> = {
  morning: { zh: '上午', en: 'Morning' },
  afternoon: { zh: '下午', en: 'Afternoon' },
  evening: { zh: '晚上', en: 'Evening' },
}

/** Opening hours: on these weekdays, from `open` to `close` (HH:mm, clinic time). */
export interface OpeningHours { days: number[]; open: string; close: string }

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes since midnight of a clock time HH:mm. */
export function clockMinutes(hhmm: string): number {
  const m = HHMM.exec(hhmm)
  if (!m) throw new Error(`bad clock time ${hhmm}`)
  return Number(m[1]) * 60 + Number(m[2])
}

export const weekday = (date: string): number => dayjs(date, 'YYYY-MM-DD').day()

/** The times of day a clinic is open on a date: a slot counts when its span overlaps the hours. */
export function openSlots(hours: readonly OpeningHours[], date: string): TimeOfDay[] {
  const day = weekday(date)
  return TIMES_OF_DAY.filter((slot) => {
    const [from, to] = TIME_OF_DAY_SPAN[slot]
    return hours.some((h) => h.days.includes(day) && clockMinutes(h.open) < to && clockMinutes(h.close) > from)
  })
}

const DAY_ZH = ['日', '一', '二', '三', '四', '五', '六']
const DAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** Weekdays as people read them: a run of three or more as a range (周一至周五), Monday first. */
function daysText(days: readonly number[]): { zh: string; en: string } {
  const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => days.includes(d))
  if (order.length === 7) return { zh: '每天', en: 'Daily' }
  const runs: number[][] = []
  for (const d of order) {
    const last = runs[runs.length - 1]
    const prev = last?.[last.length - 1]
    if (last && prev !== undefined && (prev + 1) % 7 === d && prev !== 0) last.push(d)
    else runs.push([d])
  }
  const part = (r: number[], names: string[], prefix: string, to: string) =>
    r.length >= 3 ? `${prefix}${names[r[0]]}${to}${prefix}${names[r[r.length - 1]]}` : r.map((d) => `${prefix}${names[d]}`).join(prefix ? '、' : ', ')
  return {
    zh: runs.map((r) => part(r, DAY_ZH, '周', '至')).join('、'),
    en: runs.map((r) => part(r, DAY_EN, '', '–')).join(', '),
  }
}

/** One line per row of hours, e.g. 周一至周五 09:00–20:30. */
export function hoursLines(hours: readonly OpeningHours[]): Array<{ zh: string; en: string }> {
  return hours.map((h) => {
    const d = daysText(h.days)
    return { zh: `${d.zh} ${h.open}–${h.close}`, en: `${d.en} ${h.open}–${h.close}` }
  })
}
