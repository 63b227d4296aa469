/** Issue 12: a preferred day and time of day as people read them (the date is a clinic business date). */
import { dayjs } from '../clock'
import { TIME_OF_DAY_LABEL, type TimeOfDay } from './hours'

type Msg = { zh: string; en: string }

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 11月24日（周二） / Tue 24 Nov. */
export function dayText(date: string): Msg {
  const d = dayjs(date, 'YYYY-MM-DD')
  return { zh: `${d.month() + 1}月${d.date()}日（${WEEKDAY_ZH[d.day()]}）`, en: d.format('ddd D MMM') }
}

/** 11月24日（周二）上午 / Tue 24 Nov, morning. */
export function whenText(date: string, timeOfDay: TimeOfDay): Msg {
  const day = dayText(date)
  const slot = TIME_OF_DAY_LABEL[timeOfDay]
  return { zh: `${day.zh}${slot.zh}`, en: `${day.en}, ${slot.en.toLowerCase()}` }
}
