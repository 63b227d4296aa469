/**
 * Issue 12, item 4: what reception does with an appointment request. It starts open; staff mark it
 * 已致电 (called), 已预约 (booked) or 无法联系 (unreachable). Booked is the end; a called person can
 * still be booked or turn out unreachable; an unreachable one may be reached later.
 */
import { DomainError } from '../errors'

export const APPOINTMENT_STATUSES = ['open', 'called', 'booked', 'unreachable'] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]
export type StaffMark = Exclude<AppointmentStatus, 'open'>
export const STAFF_MARKS = ['called', 'booked', 'unreachable'] as const satisfies readonly StaffMark[]

const NEXT: Record<AppointmentStatus, readonly StaffMark[]> = {
  open: ['called', 'booked', 'unreachable'],
  called: ['booked', 'unreachable'],
  unreachable: ['called', 'booked'],
  booked: [],
}

export const canMark = (from: AppointmentStatus, to: StaffMark): boolean => NEXT[from].includes(to)

export function checkMark(from: AppointmentStatus, to: StaffMark): void {
  if (!canMark(from, to)) throw new DomainError('APPOINTMENT_STATUS', { from, to })
}

export const APPOINTMENT_STATUS_LABEL: Record<AppointmentStatus, { zh: string; en: string }> = {
  open: { zh: '待联系', en: 'To call' },
  called: { zh: '已致电', en: 'Called' },
  booked: { zh: '已预约', en: 'Booked' },
  unreachable: { zh: '无法联系', en: 'Unreachable' },
}

/** Staff work the list top down: open first, then those still being chased, booked last; each by preferred day. */
const RANK: Record<AppointmentStatus, number> = { open: 0, called: 1, unreachable: 1, booked: 2 }

export function staffOrder<T extends { status: AppointmentStatus; preferredDate: string; createdAt: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) =>
    RANK[a.status] - RANK[b.status] || a.preferredDate.localeCompare(b.preferredDate) || a.createdAt.localeCompare(b.createdAt))
}
