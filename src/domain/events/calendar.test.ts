import { DEFAULT_POLICY as P } from '../policy'
import { checkRsvp, EVENT_KINDS, inviteOn, suggestedDate } from './calendar'

describe('N4 the member-event calendar', () => {
  test('six events a year, in Feb, Apr, Jun, Aug, Oct and Dec', () => {
    expect(EVENT_KINDS.map((k) => suggestedDate(k, 2027).slice(5, 7))).toEqual(['02', '04', '06', '08', '10', '12'])
  })
  test("Father's Day is the third Sunday of June", () => {
    expect(suggestedDate('fathers_day', 2026)).toBe('2026-06-21')
    expect(suggestedDate('fathers_day', 2027)).toBe('2027-06-20')
    expect(suggestedDate('fathers_day', 2025)).toBe('2025-06-15')
  })
  test('invitations go out 14 days before (policy)', () => {
    expect(inviteOn('2027-02-14', P)).toBe('2027-01-31')
  })
  test('replies close on the event day; at most 3 guests', () => {
    expect(() => checkRsvp('2027-02-14', '2027-02-13', 3)).not.toThrow()
    expect(() => checkRsvp('2027-02-14', '2027-02-14', 0)).toThrow('EVENT_CLOSED')
    expect(() => checkRsvp('2027-02-14', '2027-02-01', 4)).toThrow('VALIDATION')
  })
})
