/** Issue 14 item 4: the chain settings whoami and the friend offers answer, from the policy. */
import { DEFAULT_POLICY } from '../../src/domain/policy'
import { POLICY_PRESETS } from '../../src/domain/policy-presets'
import { chainSettingsOf } from './chain-settings'

const now = new Date('2026-07-01T12:00:00Z') // summer: a zone with summer time would show it now

test('seed 004 (the default): yuan, Shanghai, UTC+8', () => {
  expect(chainSettingsOf(DEFAULT_POLICY, now)).toEqual({ currency: 'CNY', timezone: 'Asia/Shanghai', utcOffsetMinutes: 480 })
})

test('seed 003: roubles, Moscow, UTC+3 in summer and winter alike', () => {
  const seed003 = POLICY_PRESETS.seed003
  expect(chainSettingsOf(seed003.policy, now)).toEqual({ currency: 'RUB', timezone: 'Europe/Moscow', utcOffsetMinutes: 180 })
  expect(chainSettingsOf(seed003.policy, new Date('2026-01-15T12:00:00Z')).utcOffsetMinutes).toBe(180)
})

test('the offset is the zone\'s at that instant (a zone with summer time, for the record)', () => {
  const berlin = { currency: 'CNY' as const, timezone: 'Europe/Berlin' }
  expect(chainSettingsOf(berlin, now).utcOffsetMinutes).toBe(120)
  expect(chainSettingsOf(berlin, new Date('2026-01-15T12:00:00Z')).utcOffsetMinutes).toBe(60)
})
