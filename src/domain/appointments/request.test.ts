import { DomainError } from '../errors'
import { callbackPhone, checkPreferredTime, cleanNote, clinicMinutes, friendName, isCalendarDate, lastBookableDay, mainlandMobile, MAX_NOTE } from './request'
import type { OpeningHours } from './hours'

const codeOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    if (e instanceof DomainError) return e.code
    throw e
  }
  return 'ok'
}

// Jing'an: weekdays until 20:30, weekends until 18:00. 2026-11-22 is a Sunday, 11-23 a Monday.
const JINGAN: { hours: OpeningHours[] } = { hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '20:30' }, { days: [0, 6], open: '09:00', close: '18:00' }] }
// West Lake: closed on Mondays.
const XIHU: { hours: OpeningHours[] } = { hours: [{ days: [0, 2, 3, 4, 5, 6], open: '09:00', close: '17:30' }] }
const TODAY = '2026-11-22'
const TEN_AM = 10 * 60

describe('issue 12: the preferred day of an appointment request (clinic time zone)', () => {
  test('a real calendar date: 29 February only in leap years, no 31 November', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2027-02-29')).toBe(false)
    expect(isCalendarDate('2026-11-31')).toBe(false)
    expect(isCalendarDate('2026-1-5')).toBe(false)
    expect(codeOf(() => checkPreferredTime({ date: '2027-02-29', timeOfDay: 'morning' }, JINGAN, TODAY, TEN_AM))).toBe('APPOINTMENT_DATE')
  })

  test('from today up to 60 days ahead; yesterday and day 61 are refused', () => {
    expect(lastBookableDay(TODAY)).toBe('2027-01-21')
    expect(codeOf(() => checkPreferredTime({ date: TODAY, timeOfDay: 'afternoon' }, JINGAN, TODAY, TEN_AM))).toBe('ok')
    expect(codeOf(() => checkPreferredTime({ date: '2027-01-21', timeOfDay: 'morning' }, JINGAN, TODAY, TEN_AM))).toBe('ok')
    expect(codeOf(() => checkPreferredTime({ date: '2026-11-21', timeOfDay: 'morning' }, JINGAN, TODAY, TEN_AM))).toBe('APPOINTMENT_DATE')
    expect(codeOf(() => checkPreferredTime({ date: '2027-01-22', timeOfDay: 'morning' }, JINGAN, TODAY, TEN_AM))).toBe('APPOINTMENT_DATE')
  })

  test('a time of day already over today is refused; later today is fine', () => {
    expect(codeOf(() => checkPreferredTime({ date: TODAY, timeOfDay: 'morning' }, JINGAN, TODAY, 12 * 60))).toBe('APPOINTMENT_DATE')
    expect(codeOf(() => checkPreferredTime({ date: TODAY, timeOfDay: 'morning' }, JINGAN, TODAY, 11 * 60 + 59))).toBe('ok')
    // Sunday afternoon ends when the clinic closes at 18:00.
    expect(codeOf(() => checkPreferredTime({ date: TODAY, timeOfDay: 'afternoon' }, JINGAN, TODAY, 18 * 60))).toBe('APPOINTMENT_DATE')
  })

  test('only when the clinic is open: no evening on a weekend in Jing\'an, nothing on a Monday at West Lake', () => {
    expect(codeOf(() => checkPreferredTime({ date: '2026-11-23', timeOfDay: 'evening' }, JINGAN, TODAY, TEN_AM))).toBe('ok')
    expect(codeOf(() => checkPreferredTime({ date: '2026-11-28', timeOfDay: 'evening' }, JINGAN, TODAY, TEN_AM))).toBe('APPOINTMENT_CLINIC_CLOSED')
    expect(codeOf(() => checkPreferredTime({ date: '2026-11-23', timeOfDay: 'morning' }, XIHU, TODAY, TEN_AM))).toBe('APPOINTMENT_CLINIC_CLOSED')
    expect(codeOf(() => checkPreferredTime({ date: '2026-11-24', timeOfDay: 'afternoon' }, XIHU, TODAY, TEN_AM))).toBe('ok')
  })

  test('the clinic clock: 02:00 UTC is 10:00 in Shanghai', () => {
    expect(clinicMinutes(new Date('2026-11-22T02:00:00Z'), 'Asia/Shanghai')).toBe(TEN_AM)
  })
})

describe('issue 12: the phone reception calls back', () => {
  test('a mainland mobile, spaces and dashes dropped; anything else refused', () => {
    expect(mainlandMobile('138 0013 8000')).toBe('13800138000')
    expect(mainlandMobile('139-1234-5678')).toBe('13912345678')
    for (const bad of ['12800138000', '1380013800', '021-62345678', '+8613800138000', 'abc']) expect(codeOf(() => mainlandMobile(bad))).toBe('PHONE_INVALID')
  })

  test('the verified phone first, then the record\'s; a typed one only when neither is on file', () => {
    expect(callbackPhone({ verified: '13911112222', record: '13933334444' }, '13700000000')).toEqual({ phone: '13911112222', source: 'verified' })
    expect(callbackPhone({ record: '13933334444' }, '13700000000')).toEqual({ phone: '13933334444', source: 'record' })
    expect(callbackPhone({}, ' 137 0000 0000 ')).toEqual({ phone: '13700000000', source: 'typed' })
    expect(codeOf(() => callbackPhone({}, ''))).toBe('PHONE_INVALID')
    expect(codeOf(() => callbackPhone({}))).toBe('PHONE_INVALID')
  })
})

describe('issue 12: the note and the name', () => {
  test('a note is trimmed, empty is none, longer than the bound is refused (never cut)', () => {
    expect(cleanNote('  右下牙疼，工作日晚上方便  ')).toBe('右下牙疼，工作日晚上方便')
    expect(cleanNote('   ')).toBeUndefined()
    expect(cleanNote('牙'.repeat(MAX_NOTE))).toHaveLength(MAX_NOTE)
    expect(codeOf(() => cleanNote('牙'.repeat(MAX_NOTE + 1)))).toBe('VALIDATION')
  })

  test('a friend gives a name to be greeted by: 1–20 characters, no phone number in it', () => {
    expect(friendName(' 小美 ')).toBe('小美')
    for (const bad of [undefined, '', '  ', '名'.repeat(21), '小美13800138000']) expect(codeOf(() => friendName(bad))).toBe('APPOINTMENT_NAME_REQUIRED')
  })
})
