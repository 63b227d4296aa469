/**
 * Issue 14 item 4: what every screen needs to know of the chain's policy to show money and times —
 * its currency (¥ or ₽) and its time zone. The server answers it with `identity.whoami` and with the
 * friend offers (F3, R2) that show money before any whoami; the client keeps it (services/chain.ts).
 * Pure and dependency-free: the light landing and the weapp main package import it.
 */
import type { Currency } from './policy'

export interface ChainSettings {
  currency: Currency
  /** The IANA zone of policy.timezone, for the exports (they carry dayjs in the staff subpackage). */
  timezone: string
  /**
   * The zone's offset from UTC at the server's now, in minutes (+480 Shanghai, +180 Moscow). The
   * client applies it by arithmetic so no date library ships to it; neither zone has summer time.
   */
  utcOffsetMinutes: number
}

/** Seed 004's chain, the default policy: yuan, Asia/Shanghai (UTC+8). */
export const DEFAULT_CHAIN: ChainSettings = { currency: 'CNY', timezone: 'Asia/Shanghai', utcOffsetMinutes: 480 }

/** A chain settings value as received (an answer, a stored copy), or null when it is not one. */
export function readChainSettings(v: unknown): ChainSettings | null {
  if (!v || typeof v !== 'object') return null
  const c = v as Partial<ChainSettings>
  const ok = (c.currency === 'CNY' || c.currency === 'RUB') && typeof c.timezone === 'string' && c.timezone !== ''
    && typeof c.utcOffsetMinutes === 'number' && Number.isInteger(c.utcOffsetMinutes) && Math.abs(c.utcOffsetMinutes) <= 14 * 60
  return ok ? { currency: c.currency as Currency, timezone: c.timezone as string, utcOffsetMinutes: c.utcOffsetMinutes as number } : null
}
