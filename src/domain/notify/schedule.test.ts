import { DEFAULT_POLICY as P } from '../policy'
import { retryAt, sendableFrom } from './schedule'

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
