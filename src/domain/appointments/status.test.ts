import { DomainError } from '../errors'
import { canMark, checkMark, staffOrder, type AppointmentStatus } from './status'

describe('issue 12: marking an appointment request', () => {
  test('open → called, booked or unreachable; called → booked or unreachable; unreachable → called or booked', () => {
    expect(canMark('open', 'called')).toBe(true)
    expect(canMark('open', 'booked')).toBe(true)
    expect(canMark('open', 'unreachable')).toBe(true)
    expect(canMark('called', 'booked')).toBe(true)
    expect(canMark('called', 'called')).toBe(false)
    expect(canMark('unreachable', 'called')).toBe(true)
  })

  test('booked is the end: nothing changes it', () => {
    for (const to of ['called', 'booked', 'unreachable'] as const) {
      expect(canMark('booked', to)).toBe(false)
      expect(() => checkMark('booked', to)).toThrow(DomainError)
    }
    try {
      checkMark('booked', 'called')
    } catch (e) {
      expect((e as DomainError).code).toBe('APPOINTMENT_STATUS')
    }
  })

  test('the staff list: open first, then those being chased, booked last; each by preferred day', () => {
    const row = (id: string, status: AppointmentStatus, preferredDate: string, createdAt = '2026-11-22T02:00:00Z') => ({ id, status, preferredDate, createdAt })
    const list = [
      row('booked-early', 'booked', '2026-11-23'),
      row('open-late', 'open', '2026-12-10'),
      row('called', 'called', '2026-11-25'),
      row('open-early-2', 'open', '2026-11-24', '2026-11-22T03:00:00Z'),
      row('open-early-1', 'open', '2026-11-24', '2026-11-22T01:00:00Z'),
      row('unreachable', 'unreachable', '2026-11-24'),
    ]
    expect(staffOrder(list).map((r) => r.id)).toEqual(['open-early-1', 'open-early-2', 'open-late', 'unreachable', 'called', 'booked-early'])
  })
})
