/**
 * Shared phones are normal: a parent and children often give one phone (docs/identity.md, the desk's
 * `sharedPhone`). A phone on several records is therefore a warning on each row, which still
 * imports, naming the record numbers it shares the phone with: other rows of the file and records
 * already in the system. Repeated record numbers stay problems (rows.ts).
 */
import type { Field } from './columns'
import { REASON, type Line } from './reasons'

/** Something to know about a row that imports anyway. `sharedWith`: the record numbers on its phone. */
export interface RowWarning { row: number; field: Field; reason: Line; sharedWith?: string[] }

export interface PhoneRow { row: number; recordNo: string; phone: string }

/**
 * Record numbers listed per warning. A placeholder phone typed for thousands of patients must not
 * make the report grow with the square of the rows; the count is still told ("50 or more").
 */
export const SHARED_LISTED = 50

/** Numbers in numeric order (shorter first), anything else after in text order. */
const byRecordNo = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)

function warningFor(row: number, own: string, sorted: readonly string[], maybeMore = false): RowWarning | null {
  const others = sorted.slice(0, SHARED_LISTED + 1).filter((n) => n !== own).slice(0, SHARED_LISTED)
  if (others.length === 0) return null
  const capped = maybeMore || sorted.filter((n) => n !== own).length > SHARED_LISTED
  return { row, field: 'phone', reason: REASON.phoneShared(others, capped), sharedWith: others }
}

/**
 * A warning for each row whose phone is on another record: another row here (a different record
 * number) or a record in the system (`holders`: the record numbers already on that phone, leaving
 * out those these rows rewrite — their phone is the one in the file).
 */
export function sharedPhoneWarnings(rows: readonly PhoneRow[], holders: (phone: string) => readonly string[] = () => []): RowWarning[] {
  const byPhone = new Map<string, PhoneRow[]>()
  for (const r of rows) {
    const g = byPhone.get(r.phone)
    if (g) g.push(r)
    else byPhone.set(r.phone, [r])
  }
  const out: RowWarning[] = []
  for (const [phone, group] of byPhone) {
    const existing = holders(phone)
    if (group.length < 2 && existing.length === 0) continue
    const all = [...new Set([...group.map((r) => r.recordNo), ...existing])].sort(byRecordNo)
    for (const r of group) {
      const w = warningFor(r.row, r.recordNo, all)
      if (w) out.push(w)
    }
  }
  return out.sort((a, b) => a.row - b.row)
}

/**
 * The warnings of a file checked in parts, put together: one warning per row and field, the record
 * numbers of a shared phone united (the page adds what it sees over the whole file to what each
 * part's answer says about the system).
 */
export function mergeWarnings(...lists: readonly (readonly RowWarning[])[]): RowWarning[] {
  const byKey = new Map<string, RowWarning[]>()
  for (const w of lists.flat()) {
    const k = `${w.row}\u0000${w.field}`
    const g = byKey.get(k)
    if (g) g.push(w)
    else byKey.set(k, [w])
  }
  const out: RowWarning[] = []
  for (const g of byKey.values()) {
    const shared = g.filter((w) => w.sharedWith)
    if (shared.length === 0) { out.push(g[0]); continue }
    const nos = [...new Set(shared.flatMap((w) => w.sharedWith!))].sort(byRecordNo)
    const w = warningFor(g[0].row, '', nos, shared.some((x) => x.sharedWith!.length >= SHARED_LISTED))
    if (w) out.push(w)
  }
  return out.sort((a, b) => a.row - b.row)
}
