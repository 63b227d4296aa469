/**
 * Patient import, second check: the file's valid records against the database. Existing records are
 * fetched by record number, phone and id in pages (indexed `$in` queries, never one query per row),
 * then each record is planned as create, update or unchanged — or becomes a problem:
 * a record number held by several records, a record of a clinic outside the caller's scope, an id
 * clash. A phone on other records (in the file or the system) is normal, a family: a warning on the
 * row, which still imports. Nothing is written here.
 */
import { dayjs } from '../../../src/domain/clock'
import type { ImportRecord, RowProblem } from '../../../src/domain/import/rows'
import { REASON } from '../../../src/domain/import/reasons'
import { sharedPhoneWarnings, type RowWarning } from '../../../src/domain/import/shared-phones'
import { standingAfterImport } from '../../../src/domain/import/standing'
import type { Policy } from '../../../src/domain/policy'
import { MAX_PAGE, type Store } from '../ports/store'
import { C, type PatientDoc } from '../model'
import { birthdayFields, phoneFields } from './patients'

/** `$in` values per query: small enough for any document database, large enough to be quick. */
const IN_PAGE = 100

export type RowAction = 'create' | 'update' | 'unchanged'
export interface PlannedRow { rec: ImportRecord; action: RowAction; id: string; becomesLifetime: boolean }

/** A new record's id follows the record number, as records minted at the desk do (`pat_<recordNo>`). */
export const patientIdFor = (recordNo: string): string => `pat_${recordNo}`

/** All documents whose `field` is one of `values`, grouped by that field's value. */
export async function fetchBy(store: Store, field: 'recordNo' | 'phone' | '_id', values: Iterable<string>, onPage?: () => void): Promise<Map<string, PatientDoc[]>> {
  const out = new Map<string, PatientDoc[]>()
  const all = [...new Set(values)]
  for (let i = 0; i < all.length; i += IN_PAGE) {
    const slice = all.slice(i, i + IN_PAGE)
    for (let skip = 0; ; skip += MAX_PAGE) {
      const page = await store.query<PatientDoc>(C.patients, { where: { [field]: { $in: slice } }, limit: MAX_PAGE, skip })
      for (const p of page) {
        const k = field === '_id' ? p._id : p[field]
        const list = out.get(k)
        if (list) list.push(p)
        else out.set(k, [p])
      }
      if (page.length < MAX_PAGE) break
    }
    onPage?.()
  }
  return out
}

/** Start of the visit day in the clinic's zone; memoised per date (a file repeats dates a lot). */
export function visitInstant(tz: string): (date: string) => string {
  const memo = new Map<string, string>()
  return (date) => {
    let v = memo.get(date)
    if (!v) memo.set(date, (v = dayjs.tz(date, tz).toISOString()))
    return v
  }
}

/**
 * What the import writes on a record: the new document, or the fields of an existing one.
 * Blank optional cells (birthday, last visit) never erase what the record already has.
 */
export function importedFields(existing: PatientDoc | null, rec: ImportRecord, at: Date, policy: Policy, visitAt: (d: string) => string): Partial<PatientDoc> {
  const s = standingAfterImport(existing, rec.importedSpendFen, at, policy)
  return {
    recordNo: rec.recordNo,
    name: rec.name,
    ...phoneFields(rec.phone), // the desk finds patients by the last 4 digits
    clinicId: rec.clinicId,
    ...birthdayFields(rec.birthday),
    ...(rec.lastVisit ? { lastVisitAt: visitAt(rec.lastVisit) } : {}),
    tier: s.tier,
    cumulativeSpendFen: s.cumulativeSpendFen,
    lifetimeSince: s.lifetimeSince,
    lifetimeFromImport: s.lifetimeFromImport,
    importedSpendFen: rec.importedSpendFen,
    importedAt: at.toISOString(),
  }
}

export function newPatient(rec: ImportRecord, at: Date, policy: Policy, visitAt: (d: string) => string): PatientDoc {
  const f = importedFields(null, rec, at, policy, visitAt)
  const doc = { _id: patientIdFor(rec.recordNo), createdAt: at.toISOString(), source: 'import' as const, ...f } as PatientDoc
  // A new document carries no undefined fields (CloudBase would store them as null).
  for (const k of Object.keys(doc) as (keyof PatientDoc)[]) if (doc[k] === undefined) delete doc[k]
  return doc
}

/**
 * The file already says what the record holds: nothing to write (a re-import or a retried part).
 * A record without its phone's last 4 digits (written before they were kept) is rewritten once.
 */
export function isUnchanged(p: PatientDoc, rec: ImportRecord, visitAt: (d: string) => string): boolean {
  return p.name === rec.name && p.phone === rec.phone && p.phoneTail === phoneFields(rec.phone).phoneTail && p.clinicId === rec.clinicId && p.importedSpendFen === rec.importedSpendFen
    && (!rec.birthday || p.birthday === rec.birthday) && (!rec.lastVisit || p.lastVisitAt === visitAt(rec.lastVisit))
}

export interface Plan { rows: PlannedRow[]; problems: RowProblem[]; warnings: RowWarning[] }

export interface PlanInput {
  records: ImportRecord[]
  inScope: (clinicId: string | undefined) => boolean
  clinicName: (clinicId: string) => string
  now: Date
  policy: Policy
  onProgress?: (done: number, total: number) => void
}

export async function planImport(store: Store, o: PlanInput): Promise<Plan> {
  const visitAt = visitInstant(o.policy.timezone)
  const pages = Math.ceil(o.records.length / IN_PAGE) * 3
  let done = 0
  const tick = () => o.onProgress?.(++done, pages)
  const byRecordNo = await fetchBy(store, 'recordNo', o.records.map((r) => r.recordNo), tick)
  const byPhone = await fetchBy(store, 'phone', o.records.map((r) => r.phone), tick)
  const fresh = o.records.filter((r) => !byRecordNo.has(r.recordNo)).map((r) => patientIdFor(r.recordNo))
  const byId = await fetchBy(store, '_id', fresh, tick)

  const rows: PlannedRow[] = []
  const problems: RowProblem[] = []
  for (const rec of o.records) {
    const found = byRecordNo.get(rec.recordNo) ?? []
    const existing = found[0] ?? null
    const fail = (field: RowProblem['field'], reason: RowProblem['reason']) => problems.push({ row: rec.row, field, reason })
    if (found.length > 1) { fail('recordNo', REASON.recordNoAmbiguous); continue }
    if (existing && !o.inScope(existing.clinicId)) { fail('recordNo', REASON.otherClinicRecord(o.clinicName(existing.clinicId))); continue }
    const id = existing?._id ?? patientIdFor(rec.recordNo)
    if (!existing && byId.has(id)) { fail('recordNo', REASON.idTaken); continue }
    const action: RowAction = !existing ? 'create' : isUnchanged(existing, rec, visitAt) ? 'unchanged' : 'update'
    const tierAfter = action === 'unchanged' ? existing!.tier : standingAfterImport(existing, rec.importedSpendFen, o.now, o.policy).tier
    rows.push({ rec, action, id, becomesLifetime: tierAfter === 'lifetime' && existing?.tier !== 'lifetime' })
  }
  // Records these rows rewrite carry the file's phone from now on; the others keep theirs.
  const rewritten = new Set(rows.map((r) => r.rec.recordNo))
  const holders = (phone: string) => (byPhone.get(phone) ?? []).map((p) => p.recordNo).filter((n) => !rewritten.has(n))
  const warnings = sharedPhoneWarnings(rows.map((r) => r.rec), holders)
  return { rows, problems, warnings }
}
