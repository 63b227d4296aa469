/**
 * Issue 14: a proposed policy checked whole before it is stored. Every field of POLICY_FIELDS is
 * checked against its kind and bounds; every bad one is named (path + zh + en), so the page shows
 * each note beside its field, and nothing is stored while one is wrong (POLICY_INVALID).
 */
import { isCalendarDay } from './clock'
import { DomainError, type ErrorMessage } from './errors'
import { CATEGORIES, CURRENCIES, DEFAULT_POLICY, type Policy } from './policy'
import { POLICY_FIELDS, valueAt, withValueAt, type PolicyField } from './policy-fields'
import { placeholderProblems } from './notify/reward-text'

export interface PolicyProblem { path: string; zh: string; en: string }

/** The reason a save is made (who, when, why in the history): 2–200 characters. */
export const REASON_MIN = 2
export const REASON_MAX = 200

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** An IANA zone name this runtime knows (Asia/Shanghai, Europe/Moscow); a runtime without Intl leaves it to the server. */
export function isTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone)) return false
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0)
    return true
  } catch {
    return false
  }
}

/** "MM-DD" every year (02-29 allowed: a leap year's) or a real "YYYY-MM-DD" once. */
export const isHolidayDate = (d: unknown): boolean =>
  typeof d === 'string' && (/^\d{2}-\d{2}$/.test(d) ? isCalendarDay(`2000-${d}`) : isCalendarDay(d))

const money = (n: number) => (n / 100).toLocaleString('en-US')

/** Why one value does not fit its field, or null. */
function fieldProblem(f: PolicyField, v: unknown): ErrorMessage | ErrorMessage[] | null {
  switch (f.kind) {
    case 'money':
      return isInt(v) && v >= f.min && v <= f.max ? null
        : { zh: `金额需在 ${money(f.min)} 到 ${money(f.max)} 之间，最多两位小数`, en: `Enter an amount from ${money(f.min)} to ${money(f.max)}, at most two decimals` }
    case 'int':
      return isInt(v) && v >= f.min && v <= f.max ? null
        : { zh: `请输入 ${f.min} 到 ${f.max} 之间的整数（${f.unit.zh}）`, en: `Enter a whole number from ${f.min} to ${f.max} (${f.unit.en})` }
    case 'bp':
      return isInt(v) && v >= 0 && v <= f.max ? null
        : { zh: `比例需在 0% 到 ${f.max / 100}% 之间，最多两位小数`, en: `Enter a percentage from 0% to ${f.max / 100}%, at most two decimals` }
    case 'dayList': return dayListProblem(f, v)
    case 'categories': {
      if (!Array.isArray(v) || v.some((c) => !(CATEGORIES as readonly unknown[]).includes(c)) || new Set(v).size !== v.length) {
        return { zh: '类别无效', en: 'Unknown or repeated category' }
      }
      const missing = (f.required ?? []).filter((c) => !v.includes(c))
      return missing.length ? { zh: '亲友卡是赠送的，不能用于购买会员', en: 'A free friend card can never pay for membership' } : null
    }
    case 'bool': return typeof v === 'boolean' ? null : { zh: '请选择是或否', en: 'Choose yes or no' }
    case 'time': return typeof v === 'string' && TIME.test(v) ? null : { zh: '请按 时:分 填写，如 21:00', en: 'Enter a time as HH:mm, e.g. 21:00' }
    case 'text':
      return typeof v === 'string' && v.trim().length > 0 && v.length <= f.max ? null
        : { zh: `请填写 1 到 ${f.max} 个字`, en: `Enter 1 to ${f.max} characters` }
    case 'template': {
      // Empty is allowed: the app's own text.
      if (typeof v !== 'string' || v.length > f.max) return { zh: `最多 ${f.max} 个字（可留空）`, en: `At most ${f.max} characters (or leave it empty)` }
      const bad = placeholderProblems(v, f.placeholders)
      return bad.length ? bad : null
    }
    case 'holidays': return holidayProblems(f, v)
    case 'timezone': return isTimeZone(v) ? null : { zh: '时区无效，如 Asia/Shanghai', en: 'Not a known time zone, e.g. Asia/Shanghai' }
    case 'currency': return (CURRENCIES as readonly unknown[]).includes(v) ? null : { zh: '请选择人民币或卢布', en: 'Choose yuan or roubles' }
  }
}

function dayListProblem(f: Extract<PolicyField, { kind: 'dayList' }>, v: unknown): ErrorMessage | null {
  const what = f.order === 'desc' ? { zh: '从大到小', en: 'largest first' } : { zh: '从小到大', en: 'smallest first' }
  if (!Array.isArray(v) || v.length > f.maxItems || v.some((d) => !isInt(d) || d < 1 || d > f.max)) {
    return { zh: `请填写最多 ${f.maxItems} 个 1 到 ${f.max} 之间的整数（${f.unit.zh}）`, en: `Enter up to ${f.maxItems} whole numbers from 1 to ${f.max} (${f.unit.en})` }
  }
  const sorted = [...v].sort((a, b) => (f.order === 'asc' ? a - b : b - a))
  if (new Set(v).size !== v.length) return { zh: '数字不能重复', en: 'A number is repeated' }
  return sorted.every((d, i) => d === v[i]) ? null : { zh: `请按${what.zh}的顺序填写`, en: `List them ${what.en}` }
}

/** Each bad holiday row is its own problem (path `notify.holidays.<i>`); the list as a whole may be too long. */
function holidayProblems(f: Extract<PolicyField, { kind: 'holidays' }>, v: unknown): ErrorMessage[] | ErrorMessage | null {
  if (!Array.isArray(v) || v.length > f.maxItems) return { zh: `最多 ${f.maxItems} 个节日`, en: `At most ${f.maxItems} holidays` }
  const seen = new Set<string>()
  const rows = v.map((h: unknown, i): ErrorMessage | null => {
    const date = valueAt(h, 'date'); const zh = valueAt(h, 'name.zh'); const en = valueAt(h, 'name.en')
    if (!isHolidayDate(date)) return { zh: `第 ${i + 1} 个节日的日期无效（月-日，或 年-月-日）`, en: `Holiday ${i + 1}: not a real date (MM-DD, or YYYY-MM-DD)` }
    if (seen.has(date as string)) return { zh: `第 ${i + 1} 个节日的日期重复`, en: `Holiday ${i + 1}: the date is listed twice` }
    seen.add(date as string)
    const named = (s: unknown) => typeof s === 'string' && s.trim().length > 0 && s.length <= 30
    return named(zh) && named(en) ? null : { zh: `第 ${i + 1} 个节日需填写中英文名称（各 1–30 字）`, en: `Holiday ${i + 1}: needs a Chinese and an English name (1–30 characters each)` }
  })
  const bad = rows.filter((r): r is ErrorMessage => r !== null)
  return bad.length ? bad : null
}

/** Every problem of a proposed policy (and of the reason, when given); empty when it can be stored. */
export function policyProblems(proposed: unknown, reason?: string): PolicyProblem[] {
  const out: PolicyProblem[] = []
  for (const f of POLICY_FIELDS) {
    const p = fieldProblem(f, valueAt(proposed, f.path))
    for (const m of p === null ? [] : Array.isArray(p) ? p : [p]) out.push({ path: f.path, zh: m.zh, en: m.en })
  }
  if (reason !== undefined) {
    const r = reason.trim()
    if (r.length < REASON_MIN || r.length > REASON_MAX) {
      out.push({ path: 'reason', zh: `请填写修改原因（${REASON_MIN}–${REASON_MAX} 字）`, en: `Give the reason for the change (${REASON_MIN}–${REASON_MAX} characters)` })
    }
  }
  return out
}

/**
 * The proposed policy as it will be stored, at `version`: only the fields of POLICY_FIELDS are taken
 * (anything else sent along is dropped), the rest is fixed by the product (R1 code source).
 * Throws POLICY_INVALID naming every bad field.
 */
export function validatePolicy(proposed: unknown, version: number, reason?: string): Policy {
  const fields = policyProblems(proposed, reason)
  if (fields.length) throw new DomainError('POLICY_INVALID', { fields })
  let policy: Policy = { ...DEFAULT_POLICY, version }
  for (const f of POLICY_FIELDS) {
    const v = valueAt(proposed, f.path)
    const clean = f.kind === 'text' ? (v as string).trim()
      : f.kind === 'template' ? (v as string).trim()
      : f.kind === 'holidays' ? (v as Policy['notify']['holidays']).map((h) => ({ date: h.date, name: { zh: h.name.zh.trim(), en: h.name.en.trim() } }))
        : Array.isArray(v) ? [...v] : v
    policy = withValueAt(policy, f.path, clean)
  }
  return policy
}
