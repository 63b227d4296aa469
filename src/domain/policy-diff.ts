/**
 * Issue 14: what one policy version changed against the one before, for the history. A leaf is a
 * number, text, switch or a whole list (reminder days, categories, holidays): a list that changed
 * is shown before and after as a whole, which is how a director reads it.
 */
import { DEFAULT_POLICY, type Policy } from './policy'
import { valueAt } from './policy-fields'

export interface PolicyChange { path: string; before: unknown; after: unknown }

const isSection = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * A version stored before a setting existed has none and works with its default (currentPolicy):
 * missing on one side and the default on the other is no change.
 */
const sameAsDefault = (a: unknown, b: unknown, path: string): boolean =>
  (a === undefined || b === undefined) && same(a ?? b, valueAt(DEFAULT_POLICY, path))

/** Every leaf that differs, in the order of `after`'s fields (then fields only `before` had); `version` is not a change. */
export function policyDiff(before: Policy, after: Policy): PolicyChange[] {
  const out: PolicyChange[] = []
  const walk = (a: unknown, b: unknown, prefix: string) => {
    if (isSection(a) && isSection(b)) {
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
      for (const k of keys) walk(a[k], b[k], prefix ? `${prefix}.${k}` : k)
    } else if (!same(a, b) && !sameAsDefault(a, b, prefix)) {
      out.push({ path: prefix, before: a, after: b })
    }
  }
  walk({ ...before, version: 0 }, { ...after, version: 0 }, '')
  return out
}
