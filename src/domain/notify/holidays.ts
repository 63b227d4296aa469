/** N1: the configured holidays that fall on a business date. */
import type { Policy } from '../policy'

export function holidaysOn(date: string, policy: Policy): Policy['notify']['holidays'] {
  return policy.notify.holidays.filter((h) => h.date === date || h.date === date.slice(5))
}
