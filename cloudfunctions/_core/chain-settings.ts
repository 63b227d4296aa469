/**
 * Issue 14 item 4: the chain settings the client shows money and times with, from the policy.
 * The offset is taken at the clock's now with dayjs's zone data; Asia/Shanghai and Europe/Moscow
 * (the two presets) keep one offset all year (no summer time), so the client's copy stays right.
 */
import type { ChainSettings } from '../../src/domain/chain-settings'
import { dayjs } from '../../src/domain/clock'
import type { Policy } from '../../src/domain/policy'

export function chainSettingsOf(policy: Pick<Policy, 'currency' | 'timezone'>, now: Date): ChainSettings {
  return { currency: policy.currency, timezone: policy.timezone, utcOffsetMinutes: dayjs(now).tz(policy.timezone).utcOffset() }
}
