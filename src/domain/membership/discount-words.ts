/** M2: the member discount in words, as people say it — "88折" in Chinese, "12% off" in English. */
import type { ErrorMessage as Msg } from '../errors'

/** A discount in basis points as the Chinese "折" (1200 bp → 88折, 1000 bp → 9折). */
export function zhe(discountBp: number): string {
  const pay = (10000 - discountBp) / 100
  if (pay >= 100) return '无折扣'
  return Number.isInteger(pay / 10) ? `${pay / 10}折` : `${pay}折`
}

/** The discount in either language. */
export function discountLabel(discountBp: number): Msg {
  const off = discountBp / 100
  return { zh: zhe(discountBp), en: off > 0 ? `${off}% off` : 'No discount' }
}
