/**
 * Issue 14: the policy page's form as text the director types (amounts in yuan or roubles, rates in
 * percent, reminder days as "30, 14, 3") and back to a proposed policy. What cannot even be read as
 * a number is noted here; everything else is judged by the domain validator, the same one the
 * server runs, so the notes beside the fields are the server's own.
 */
import type { Policy } from '../../domain/policy'
import { POLICY_FIELDS, valueAt, withValueAt, type PolicyField } from '../../domain/policy-fields'
import { policyProblems, type PolicyProblem } from '../../domain/policy-validate'
import { parseYuan } from '../../services/format'

export interface HolidayDraft { date: string; zh: string; en: string }
export type DraftValue = string | boolean | string[] | HolidayDraft[]
export type Draft = Record<string, DraftValue>

const amountText = (minor: number): string => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2))
const percentText = (bp: number): string => String(bp / 100)

/** The policy's current values as the form shows them. */
export function draftOf(policy: Policy): Draft {
  const out: Draft = {}
  for (const f of POLICY_FIELDS) {
    const v = valueAt(policy, f.path)
    switch (f.kind) {
      case 'money': out[f.path] = amountText(v as number); break
      case 'bp': out[f.path] = percentText(v as number); break
      case 'int': out[f.path] = String(v); break
      case 'dayList': out[f.path] = (v as number[]).join(', '); break
      case 'categories': out[f.path] = [...(v as string[])]; break
      case 'bool': out[f.path] = v as boolean; break
      case 'holidays': out[f.path] = (v as Policy['notify']['holidays']).map((h) => ({ date: h.date, zh: h.name.zh, en: h.name.en })); break
      // A version stored before the setting existed has none: an empty box (the app's own text).
      case 'template': out[f.path] = typeof v === 'string' ? v : ''; break
      default: out[f.path] = String(v)
    }
  }
  return out
}

const WHOLE = { zh: '请输入整数', en: 'Enter a whole number' }

/** One typed value read as the policy stores it; a problem when it is not even a number. */
function read(f: PolicyField, v: DraftValue): { value: unknown } | { problem: PolicyProblem } {
  const text = typeof v === 'string' ? v.trim() : ''
  switch (f.kind) {
    case 'money': {
      if (/^0+(\.0{0,2})?$/.test(text)) return { value: 0 }
      const p = parseYuan(text)
      return p.ok ? { value: p.fen } : { problem: { path: f.path, ...p.message } }
    }
    case 'bp': {
      const m = /^(\d+)(?:\.(\d{1,2}))?%?$/.exec(text)
      return m ? { value: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) }
        : { problem: { path: f.path, zh: '请输入百分比，最多两位小数', en: 'Enter a percentage, at most two decimals' } }
    }
    case 'int': return /^\d+$/.test(text) ? { value: Number(text) } : { problem: { path: f.path, ...WHOLE } }
    case 'dayList': {
      const parts = text.split(/[,，、\s]+/).filter(Boolean)
      if (parts.some((p) => !/^\d+$/.test(p))) return { problem: { path: f.path, zh: '请输入整数，用逗号分隔', en: 'Enter whole numbers separated by commas' } }
      // Typed in any order, kept in the order they fall due (a repeated number is left for the validator to name).
      return { value: parts.map(Number).sort((a, b) => (f.order === 'desc' ? b - a : a - b)) }
    }
    case 'holidays': return { value: (v as HolidayDraft[]).map((h) => ({ date: h.date.trim(), name: { zh: h.zh.trim(), en: h.en.trim() } })) }
    case 'categories': case 'bool': return { value: v }
    default: return { value: text }
  }
}

/** The proposed policy and every note for the form (unreadable numbers first, then the validator's). */
export function proposalOf(base: Policy, draft: Draft, reason: string): { policy: Policy; problems: PolicyProblem[] } {
  let policy = base
  const unreadable: PolicyProblem[] = []
  for (const f of POLICY_FIELDS) {
    const r = read(f, draft[f.path])
    if ('problem' in r) unreadable.push(r.problem)
    else policy = withValueAt(policy, f.path, r.value)
  }
  const skip = new Set(unreadable.map((p) => p.path))
  return { policy, problems: [...unreadable, ...policyProblems(policy, reason).filter((p) => !skip.has(p.path))] }
}
