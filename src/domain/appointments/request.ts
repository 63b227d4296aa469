/**
 * Issue 12, item 4 — the friend's next step: an appointment request (预约申请). A patient, or a
 * friend who claimed a card (F3) or took a coupon (R2), asks a clinic to call them back about a visit
 * (the visit where F5 registration happens). Pure rules: which day, which time of day, which phone.
 *
 * Days are business dates in the clinic's time zone (policy.timezone, PRODUCT.md conventions);
 * opening hours are local clock times of that zone.
 */
import { dayjs } from '../clock'
import { DomainError } from '../errors'
import { clockMinutes, openSlots, TIME_OF_DAY_SPAN, weekday, type OpeningHours, type TimeOfDay } from './hours'

export { openSlots, TIMES_OF_DAY, TIME_OF_DAY_LABEL, type OpeningHours, type TimeOfDay } from './hours'

/** How far ahead a person may ask; a request further out is a typo or a plan, not a callback. */
export const MAX_DAYS_AHEAD = 60
/** A note to the clinic (what hurts, when to call) stays short: reception reads it on a phone. */
export const MAX_NOTE = 200
/** The name reception greets a friend by (a patient's comes from the record). */
export const MAX_NAME = 20

/** A real calendar date written YYYY-MM-DD (29 February only in leap years). */
export const isCalendarDate = (v: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v, 'YYYY-MM-DD').format('YYYY-MM-DD') === v

/** The last day a request may name, counted from today (clinic time). */
export const lastBookableDay = (today: string): string => dayjs(today, 'YYYY-MM-DD').add(MAX_DAYS_AHEAD, 'day').format('YYYY-MM-DD')

/**
 * The day and time of day must be real, not past, within MAX_DAYS_AHEAD, and when the clinic is
 * open. `nowMinutes`: the clinic's local time now, so a slot that ended today is refused.
 */
export function checkPreferredTime(
  i: { date: string; timeOfDay: TimeOfDay },
  clinic: { hours: readonly OpeningHours[] },
  today: string,
  nowMinutes: number,
): void {
  if (!isCalendarDate(i.date)) throw new DomainError('APPOINTMENT_DATE', { field: 'preferredDate', reason: 'not a calendar date' })
  if (i.date < today) throw new DomainError('APPOINTMENT_DATE', { field: 'preferredDate', reason: 'past' })
  if (i.date > lastBookableDay(today)) throw new DomainError('APPOINTMENT_DATE', { field: 'preferredDate', reason: 'too far ahead', lastDay: lastBookableDay(today) })
  if (!openSlots(clinic.hours, i.date).includes(i.timeOfDay)) throw new DomainError('APPOINTMENT_CLINIC_CLOSED', { date: i.date, timeOfDay: i.timeOfDay })
  const slotEnd = Math.min(TIME_OF_DAY_SPAN[i.timeOfDay][1], ...clinic.hours.filter((h) => h.days.includes(weekday(i.date))).map((h) => clockMinutes(h.close)))
  if (i.date === today && nowMinutes >= slotEnd) throw new DomainError('APPOINTMENT_DATE', { field: 'timeOfDay', reason: 'already over today' })
}

/** Minutes since local midnight of an instant in the clinic's zone. */
export const clinicMinutes = (at: Date, tz: string): number => {
  const d = dayjs(at).tz(tz)
  return d.hour() * 60 + d.minute()
}

/** A mainland mobile number: 11 digits starting 13–19; spaces and dashes people type are dropped. */
export function mainlandMobile(typed: string): string {
  const digits = typed.replace(/[\s-]/g, '')
  if (!/^1[3-9]\d{9}$/.test(digits)) throw new DomainError('PHONE_INVALID', { field: 'phone' })
  return digits
}

export type PhoneSource = 'verified' | 'record' | 'typed'

/**
 * Which number reception calls: the phone this WeChat user proved (identity), else the one on
 * their patient record, else the one they type. A person with a number on file is not asked for
 * one (a typed number is ignored), so nobody books under a number they never proved or registered.
 */
export function callbackPhone(onFile: { verified?: string; record?: string }, typed?: string): { phone: string; source: PhoneSource } {
  if (onFile.verified) return { phone: onFile.verified, source: 'verified' }
  if (onFile.record) return { phone: onFile.record, source: 'record' }
  if (typed === undefined || typed.trim() === '') throw new DomainError('PHONE_INVALID', { field: 'phone', reason: 'missing' })
  return { phone: mainlandMobile(typed), source: 'typed' }
}

/** A note trimmed, with empty meaning none; longer than MAX_NOTE is refused, never cut silently. */
export function cleanNote(note: string | undefined): string | undefined {
  const n = (note ?? '').trim()
  if (!n) return undefined
  if ([...n].length > MAX_NOTE) throw new DomainError('VALIDATION', { field: 'note', max: MAX_NOTE })
  return n
}

/** The name to greet a non-patient by: required, 1–MAX_NAME characters, never a phone number. */
export function friendName(name: string | undefined): string {
  const n = (name ?? '').trim()
  if (!n || [...n].length > MAX_NAME || /\d{7,}/.test(n)) throw new DomainError('APPOINTMENT_NAME_REQUIRED', { field: 'name', max: MAX_NAME })
  return n
}
