/**
 * Issue 14: money on screen in the chain's currency (a policy setting): ¥1,234.50 or 1,234.50 ₽.
 * Amounts are integer minor units either way (fen, kopecks); only the sign of the unit changes.
 */
import { amountDigits, type Fen } from './money'
import type { Currency } from './policy'
import type { ErrorMessage } from './errors'

export const CURRENCY_LABEL: Record<Currency, ErrorMessage> = {
  CNY: { zh: '人民币（¥）', en: 'Yuan (¥)' },
  RUB: { zh: '卢布（₽）', en: 'Roubles (₽)' },
}

/** The unit an amount is typed in: 元 / yuan, 卢布 / roubles. */
export const CURRENCY_UNIT: Record<Currency, ErrorMessage> = {
  CNY: { zh: '元', en: 'yuan' },
  RUB: { zh: '卢布', en: 'roubles' },
}

/** The sign written with an amount: ¥ before it, ₽ after it. */
export const CURRENCY_SIGN: Record<Currency, string> = { CNY: '¥', RUB: '₽' }

/** ¥1,234.50 or 1,234.50 ₽; digits grouped by hand (amountDigits: no Intl on the friend's landing). */
export function formatMoney(amount: Fen, currency: Currency): string {
  const sign = amount < 0 ? '-' : ''
  const unit = CURRENCY_SIGN[currency]
  return currency === 'RUB' ? `${sign}${amountDigits(amount)} ${unit}` : `${sign}${unit}${amountDigits(amount)}`
}
