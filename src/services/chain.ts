/**
 * Issue 14 item 4: the chain's currency and time zone on every screen. The server answers them with
 * `identity.whoami` and the friend offers (F3, R2); `rememberChainOf` keeps them here, every amount
 * goes through `money` and every clinic time through services/format.ts, which read them here.
 * A copy is stored so the next launch starts in the right currency before its first whoami; with
 * neither, the default chain (seed 004: ¥, UTC+8). No Taro here: the light landing (src/landing)
 * uses it too; the app hands it Taro's storage (services/cloud.ts).
 */
import { DEFAULT_CHAIN, readChainSettings, type ChainSettings } from '../domain/chain-settings'
import type { Fen } from '../domain/money'
import type { Currency } from '../domain/policy'
import { CURRENCY_UNIT, formatMoney } from '../domain/policy-money'
import type { ErrorMessage as Msg } from '../domain/errors'

export interface ChainStorage { read(): unknown; write(chain: ChainSettings): void }

let current: ChainSettings | null = null
let storage: ChainStorage | null = null

/** The storage the copy lives in (Taro's in the app); read at the first use after this. */
export function keepChainIn(s: ChainStorage | null): void {
  storage = s
  current = null
}

/** The chain as last answered (or stored from an earlier launch; the default chain otherwise). */
export function chain(): ChainSettings {
  if (!current) {
    let stored: unknown = null
    try { stored = storage?.read() } catch { /* an unreadable copy is no copy */ }
    current = readChainSettings(stored) ?? DEFAULT_CHAIN
  }
  return current
}

/** Keeps the `chain` of an answer that carries one (whoami, the friend offers); other answers change nothing. */
export function rememberChainOf(answer: unknown): void {
  const next = readChainSettings(answer && typeof answer === 'object' ? (answer as { chain?: unknown }).chain : null)
  if (!next) return
  const before = chain()
  current = next
  if (before.currency === next.currency && before.timezone === next.timezone && before.utcOffsetMinutes === next.utcOffsetMinutes) return
  try { storage?.write(next) } catch { /* the copy only speeds up the next launch */ }
}

export const chainCurrency = (): Currency => chain().currency

/** An amount of money as the chain writes it: ¥1,234.50 or 1,234.50 ₽. */
export const money = (fen: Fen): string => formatMoney(fen, chain().currency)

/** The unit amounts are typed in: 元 / yuan, 卢布 / roubles. */
export const moneyUnit = (): Msg => CURRENCY_UNIT[chain().currency]
