/**
 * One cell → one value, or why not. Exact and dependency-free: money is parsed from its digits to
 * integer fen (never through a float), dates are checked against the calendar by arithmetic.
 */
import type { Fen } from '../money'
import { REASON, type Line } from './reasons'

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Line }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (reason: Line): Parsed<never> => ({ ok: false, reason })

/** 病历号: letters, digits and "-", 1–20 (it becomes part of the patient's id, `pat_<recordNo>`). */
export function parseRecordNo(cell: string): Parsed<string> {
  const v = cell.trim()
  if (v === '') return bad(REASON.required('病历号', 'The record number'))
  return /^[A-Za-z0-9-]{1,20}$/.test(v) ? ok(v) : bad(REASON.recordNoFormat)
}

export function parseName(cell: string): Parsed<string> {
  const v = cell.trim().replace(/\s+/g, ' ')
  if (v === '') return bad(REASON.required('姓名', 'The name'))
  if ([...v].length > 40 || /[\u0000-\u001f\u007f]/.test(v)) return bad(REASON.nameFormat)
  return ok(v)
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]; spaces, dashes and a +86 / 0086 prefix are dropped. */
export function parsePhone(cell: string): Parsed<string> {
  const trimmed = cell.trim()
  if (trimmed === '') return bad(REASON.required('手机', 'The phone'))
  let v = trimmed.replace(/[\s\-()（）]/g, '')
  if (/^(\+86|0086)\d{11}$/.test(v)) v = v.slice(v.length - 11)
  else if (/^86\d{11}$/.test(v)) v = v.slice(2)
  return /^1[3-9]\d{9}$/.test(v) ? ok(v) : bad(REASON.phoneFormat)
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * A calendar date as YYYY-MM-DD from 1985-06-01, 1985/6/1, 1985.6.1, 19850601 or 1985年6月1日; a time
 * after it (as exports of "last visit" often carry) is ignored. Not before 1900, not after `today`.
 */
export function parseDate(cell: string, label: { zh: string; en: string }, today: string): Parsed<string | undefined> {
  const v = cell.trim()
  if (v === '') return ok(undefined)
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v)
  if (!m) return bad(REASON.dateFormat(label.zh, label.en))
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const max = mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]
  if (mo < 1 || mo > 12 || d < 1 || d > max) return bad(REASON.notADate(label.zh, label.en, v))
  const date = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  if (y < 1900) return bad(REASON.dateTooEarly(label.zh, label.en))
  if (date > today) return bad(REASON.dateInFuture(label.zh, label.en))
  return ok(date)
}

/** ¥10,000,000: no patient has spent that at a dental clinic; more is a typo (an extra digit, fen as yuan). */
export const MAX_IMPORTED_SPEND_FEN: Fen = 1_000_000_000

/** "12,345.6" / "¥12345.60" / "12345" yuan → fen, exactly. Empty means no historical spend. */
export function parseYuan(cell: string): Parsed<Fen> {
  const v = cell.trim().replace(/^[¥￥₽]/, '').replace(/,/g, '').replace(/(元|卢布|₽)$/, '').trim()
  if (v === '') return ok(0)
  if (/^-/.test(v)) return bad(REASON.moneyNegative)
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v)
  if (!m) return bad(REASON.moneyFormat)
  const whole = m[1].replace(/^0+(?=\d)/, '')
  // Integers only: whole yuan × 100 + the fen digits; more than 9 digits is over the cap anyway.
  return whole.length > 9 ? bad(REASON.moneyTooLarge) : capped(Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0')))
}

/** "1234560" fen → 1234560. */
export function parseFen(cell: string): Parsed<Fen> {
  const v = cell.trim().replace(/,/g, '')
  if (v === '') return ok(0)
  if (/^-/.test(v)) return bad(REASON.moneyNegative)
  if (!/^\d+$/.test(v)) return bad(REASON.fenFormat)
  const digits = v.replace(/^0+(?=\d)/, '')
  return digits.length > 11 ? bad(REASON.moneyTooLarge) : capped(Number(digits))
}

const capped = (fen: Fen): Parsed<Fen> => (fen > MAX_IMPORTED_SPEND_FEN ? bad(REASON.moneyTooLarge) : ok(fen))
