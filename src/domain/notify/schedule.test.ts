import { DEFAULT_POLICY as P } from '../policy'
import { retryAt, sendableFrom, windowDue } from './schedule'

const at = (iso: string) => new Date(iso)

describe('N3 quiet hours 21:00–08:00, clinic time (Asia/Shanghai)', () => {
  test('daytime messages go at once', () => {
    expect(sendableFrom(at('2026-12-01T02:00:00Z'), P).toISOString()).toBe('2026-12-01T02:00:00.000Z') // 10:00
    expect(sendableFrom(at('2026-12-01T12:59:59Z'), P).toISOString()).toBe('2026-12-01T12:59:59.000Z') // 20:59:59
  })
  test('from 21:00 a message waits for 08:00 the next morning', () => {
    expect(sendableFrom(at('2026-12-01T13:00:00Z'), P).toISOString()).toBe('2026-12-02T00:00:00.000Z') // 21:00 → 08:00
    expect(sendableFrom(at('2026-12-01T15:30:00Z'), P).toISOString()).toBe('2026-12-02T00:00:00.000Z') // 23:30
  })
  test('after midnight it waits for 08:00 the same morning, and 08:00 itself is open', () => {
    expect(sendableFrom(at('2026-12-01T18:10:00Z'), P).toISOString()).toBe('2026-12-02T00:00:00.000Z') // 02:10 on the 2nd
    expect(sendableFrom(at('2026-12-02T00:00:00Z'), P).toISOString()).toBe('2026-12-02T00:00:00.000Z')
  })
  test('a chain with quiet hours inside one day (12:00–14:00) is honoured too', () => {
    const p = { ...P, notify: { ...P.notify, quietStart: '12:00', quietEnd: '14:00' } }
    expect(sendableFrom(at('2026-12-01T04:30:00Z'), p).toISOString()).toBe('2026-12-01T06:00:00.000Z') // 12:30 → 14:00
    expect(sendableFrom(at('2026-12-01T13:30:00Z'), p).toISOString()).toBe('2026-12-01T13:30:00.000Z') // 21:30 is fine there
  })
})

describe('N3 retries back off, then give up', () => {
  const now = at('2026-12-01T02:00:00Z')
  test('1, 5, 30, 120, 720 minutes after the 1st..5th failure', () => {
    expect([1, 2, 3, 4].map((n) => (retryAt(n, now, P)!.getTime() - now.getTime()) / 60_000)).toEqual([1, 5, 30, 120])
  })
  test('a retry that would fall in quiet hours waits for the morning', () => {
    expect(retryAt(5, now, P)!.toISOString()).toBe('2026-12-02T00:00:00.000Z') // 10:00 + 12 h = 22:00 → 08:00
  })
  test('after the last delay there is no retry: the message is dead', () => {
    expect(retryAt(6, now, P)).toBeNull()
  })
})

describe('N1 the day\'s window on the one 10-minute timer (clinic time)', () => {
  const tz = P.timezone
  const yesterday0900 = at('2026-11-30T01:00:00Z')
  test('before 09:00 no window opens, whatever ran yesterday', () => {
    expect(windowDue(at('2026-12-01T00:50:00Z'), yesterday0900, tz)).toBe(false) // 08:50
    expect(windowDue(at('2026-11-30T16:10:00Z'), yesterday0900, tz)).toBe(false) // 00:10 on the 1st
  })
  test('the 09:00 run opens it, and so does the first later run when 09:00 was missed', () => {
    expect(windowDue(at('2026-12-01T01:00:00Z'), yesterday0900, tz)).toBe(true) // 09:00
    expect(windowDue(at('2026-12-01T05:20:00Z'), yesterday0900, tz)).toBe(true) // 13:20, after an outage
  })
  test('once a window reached 09:00 today, no other opens until tomorrow', () => {
    expect(windowDue(at('2026-12-01T01:10:00Z'), at('2026-12-01T01:00:00Z'), tz)).toBe(false) // 09:10 after the 09:00 run
    expect(windowDue(at('2026-12-01T15:50:00Z'), at('2026-12-01T01:00:00Z'), tz)).toBe(false) // 23:50
    expect(windowDue(at('2026-12-02T01:00:00Z'), at('2026-12-01T01:00:00Z'), tz)).toBe(true) // 09:00 the next day
  })
  test('a manual run before 09:00 does not take the place of the day\'s window', () => {
    expect(windowDue(at('2026-12-01T01:00:00Z'), at('2026-12-01T00:30:00Z'), tz)).toBe(true) // the CLI ran at 08:30
  })
  test('the first window ever opens at 09:00 too', () => {
    expect(windowDue(at('2026-12-01T00:59:59Z'), null, tz)).toBe(false)
    expect(windowDue(at('2026-12-01T01:00:00Z'), null, tz)).toBe(true)
  })
  test('the clinic\'s own zone decides, not the server\'s', () => {
    expect(windowDue(at('2026-12-01T01:00:00Z'), null, 'Europe/Berlin')).toBe(false) // 02:00 in Berlin
    expect(windowDue(at('2026-12-01T08:00:00Z'), null, 'Europe/Berlin')).toBe(true) // 09:00 in Berlin
  })
})
