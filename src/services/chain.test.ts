/**
 * Issue 14 item 4: every screen shows the chain's currency and time zone — what whoami (or a friend
 * offer) answered, kept for the next launch, the default chain (¥, UTC+8) before any answer.
 */
import type { ChainSettings } from '../domain/chain-settings'
import { chain, keepChainIn, money, moneyUnit, rememberChainOf } from './chain'
import { clinicDate, clinicDateTime } from './format'

const MOSCOW: ChainSettings = { currency: 'RUB', timezone: 'Europe/Moscow', utcOffsetMinutes: 180 }
const SHANGHAI: ChainSettings = { currency: 'CNY', timezone: 'Asia/Shanghai', utcOffsetMinutes: 480 }

/** A device's storage: what was written is what the next launch reads. */
function deviceStorage(initial: unknown = '') {
  let kept = initial
  const writes: ChainSettings[] = []
  return { read: () => kept, write: (c: ChainSettings) => { kept = c; writes.push(c) }, writes }
}

afterEach(() => keepChainIn(null))

describe('the chain module (issue 14: the currency and zone of seed 003 on every screen)', () => {
  test('before any answer: yuan and Beijing time, the default chain', () => {
    keepChainIn(deviceStorage())
    expect(chain()).toEqual(SHANGHAI)
    expect(money(123_450)).toBe('¥1,234.50')
    expect(clinicDateTime('2026-11-29T17:05:00.000Z')).toBe('2026-11-30 01:05')
  })

  test('after whoami answers a rouble chain, money is in roubles and times are Moscow time', () => {
    keepChainIn(deviceStorage())
    rememberChainOf({ openid: 'o', persona: { kind: 'guest' }, chain: MOSCOW })
    expect(money(123_450)).toBe('1,234.50 ₽')
    expect(money(-5_000)).toBe('-50.00 ₽')
    expect(moneyUnit()).toEqual({ zh: '卢布', en: 'roubles' })
    // 21:30 UTC is 00:30 the next day in Moscow, still 05:30 of that day in Shanghai
    expect(clinicDateTime('2026-11-29T21:30:00.000Z')).toBe('2026-11-30 00:30')
    expect(clinicDate('2026-11-29T20:59:59.999Z')).toBe('2026-11-29') // a Moscow card's last valid instant stays on its day
    expect(clinicDate('2026-11-29T20:59:59.999Z', 480)).toBe('2026-11-30') // (in Beijing time it would not)
  })

  test('the next launch starts in the currency the last one was told, before its first answer', () => {
    const device = deviceStorage()
    keepChainIn(device)
    rememberChainOf({ chain: MOSCOW })
    expect(device.writes).toEqual([MOSCOW])
    keepChainIn(device) // a new launch: the module starts empty and reads the device
    expect(chain()).toEqual(MOSCOW)
    expect(money(30_000)).toBe('300.00 ₽')
    rememberChainOf({ chain: MOSCOW })
    expect(device.writes).toHaveLength(1) // the same settings again: nothing rewritten
  })

  test('answers without chain settings, or with broken ones, change nothing', () => {
    keepChainIn(deviceStorage())
    rememberChainOf({ chain: MOSCOW })
    for (const answer of [null, 'text', { persona: {} }, { chain: { currency: 'USD', timezone: 'x', utcOffsetMinutes: 0 } }, { chain: { ...SHANGHAI, utcOffsetMinutes: '480' } }]) {
      rememberChainOf(answer)
    }
    expect(chain()).toEqual(MOSCOW)
  })

  test('a broken stored copy or a storage that throws gives the default chain, not a crash', () => {
    keepChainIn(deviceStorage({ currency: 'RUB' }))
    expect(chain()).toEqual(SHANGHAI)
    keepChainIn({ read: () => { throw new Error('no storage') }, write: () => { throw new Error('full') } })
    expect(money(100)).toBe('¥1.00')
    rememberChainOf({ chain: MOSCOW }) // the write fails; the screen still follows the answer
    expect(money(100)).toBe('1.00 ₽')
  })
})
