/** N1 birthday greetings and N2 the monthly birthday gift list. */
import { applyRate, type Fen } from '../money'
import type { Policy } from '../policy'
import { dayjs } from '../clock'

/** "1975-02-29" → "02-29": the indexed field the daily job queries by. */
export function birthdayMd(birthday: string | undefined): string | undefined {
  const m = birthday ? /^\d{4}-(\d{2}-\d{2})$/.exec(birthday) : null
  return m ? m[1] : undefined
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The birthdays greeted on business date `date` (YYYY-MM-DD). A 29 February birthday is greeted
 * on 28 February in a common year, so nobody is forgotten three years in four.
 */
export function birthdaysOn(date: string): string[] {
  const md = date.slice(5)
  return md === '02-28' && !isLeap(Number(date.slice(0, 4))) ? ['02-28', '02-29'] : [md]
}

/** The month after the one `date` falls in, as YYYY-MM. */
export const nextMonth = (date: string): string => dayjs(`${date.slice(0, 7)}-01`).add(1, 'month').format('YYYY-MM')

/** The day a birthday falls on in `month` (YYYY-MM): 29 February moves to the 28th in a common year. */
export function birthdayIn(month: string, md: string): string {
  const day = md === '02-29' && !isLeap(Number(month.slice(0, 4))) ? '02-28' : md
  return `${month.slice(0, 4)}-${day}`
}

/** N2: 0.5% (policy) of what the member actually paid in the last 12 months, half up. */
export const giftBudget = (spend12mFen: Fen, policy: Policy): Fen => applyRate(Math.max(0, spend12mFen), policy.notify.birthdayGiftBp)
