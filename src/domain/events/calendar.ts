/**
 * N4: the yearly member-event calendar (seed 004): Valentine's in February, a spring outing in
 * April, Father's Day in June, a parent-child camp in August, a Double Ninth hike in October and
 * a thanks dinner in December. The director fixes each year's dates; these are the suggestions.
 */
import { addDays, dayjs } from '../clock'
import { DomainError } from '../errors'
import type { Policy } from '../policy'

export const EVENT_KINDS = ['valentine', 'spring_outing', 'fathers_day', 'family_camp', 'double_ninth', 'thanks_dinner'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const EVENT_TITLE: Record<EventKind, { zh: string; en: string }> = {
  valentine: { zh: '情人节会员活动', en: "Valentine's Day member event" },
  spring_outing: { zh: '春季踏青', en: 'Spring outing' },
  fathers_day: { zh: '父亲节活动', en: "Father's Day event" },
  family_camp: { zh: '亲子夏令营', en: 'Parent-child summer camp' },
  double_ninth: { zh: '重阳登高', en: 'Double Ninth hike' },
  thanks_dinner: { zh: '年终感恩晚宴', en: 'Thanks dinner' },
}

/** Father's Day in China is the third Sunday of June; the others are plain suggestions. */
export function suggestedDate(kind: EventKind, year: number): string {
  switch (kind) {
    case 'valentine': return `${year}-02-14`
    case 'spring_outing': return `${year}-04-18`
    case 'fathers_day': {
      const first = dayjs(`${year}-06-01`)
      return first.add(((7 - first.day()) % 7) + 14, 'day').format('YYYY-MM-DD')
    }
    case 'family_camp': return `${year}-08-08`
    case 'double_ninth': return `${year}-10-16`
    case 'thanks_dinner': return `${year}-12-18`
  }
}

/** The day invitations go out: `inviteDaysBefore` before the event (policy, default 14). */
export const inviteOn = (date: string, policy: Policy): string => addDays(date, -policy.events.inviteDaysBefore)

/** RSVP closes at the start of the event day; the number of guests a member brings is 0–3. */
export function checkRsvp(eventDate: string, today: string, guests: number): void {
  if (today >= eventDate) throw new DomainError('EVENT_CLOSED', { date: eventDate })
  if (!Number.isInteger(guests) || guests < 0 || guests > 3) throw new DomainError('VALIDATION', { field: 'guests', max: 3 })
}
