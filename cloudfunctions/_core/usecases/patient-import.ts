/**
 * Patient import from the clinic's previous system (issue 10, docs/import.md). Three steps:
 *  1. check the file (pure, src/domain/import): per-row problems, record numbers repeated in the file;
 *  2. check against the database (patient-import-plan.ts): create, update, unchanged, or a problem;
 *     a phone shared with other records (a family) is a warning on a row that still imports;
 *  3. unless it is a dry run, write (patient-import-write.ts): the record-number counter first, then
 *     the rows without problems, each row in a transaction — rows with problems are never written.
 * Idempotent by record number: a re-import updates, never duplicates; an identical row writes nothing.
 * Each real run is recorded in `imports` (who, when, file, counts per part).
 */
import type { ImportFormat, ImportReport } from '../../../src/api/records'
import type { StaffRole } from '../../../src/api/contract'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { checkTable } from '../../../src/domain/import/rows'
import type { RawTable } from '../../../src/domain/import/csv'
import { inScope, scopeOf, type Scope } from '../../../src/domain/permissions'
import { currentPolicy, type Deps } from '../deps'
import { C, type ClinicDoc } from '../model'
import { planImport } from './patient-import-plan'
import { reserveRecordNumbers, writeRows } from './patient-import-write'
import { withRetry } from './retry'

/** Who imports: a director or admin through the `records` function, or an operator with the CLI. */
export type ImportActor =
  | { kind: 'staff'; staffId: string; name: string; role: StaffRole; clinicId: string }
  | { kind: 'cli'; name: string }

export interface ImportOptions {
  fileName: string
  format: ImportFormat
  dryRun: boolean
  defaultClinicId?: string
  runId?: string
  part?: number
  /** Most data rows in one call (a cloud call carries a part of a big file). */
  maxRows: number
  onProgress?: (p: { phase: 'check' | 'write'; done: number; total: number }) => void
}

/** `problems`, `warnings`: rows with any. */
export type ImportCounts = Pick<ImportReport, 'rows' | 'ok' | 'created' | 'updated' | 'unchanged' | 'lifetime'> & { problems: number; warnings: number }

/** One import run: the parts of one file, each recorded once (a retried part keeps its first record). */
export interface ImportRunDoc {
  _id: string
  fileName: string
  format: ImportFormat
  by: { kind: 'staff'; staffId: string; name: string } | { kind: 'cli'; name: string }
  startedAt: string
  updatedAt: string
  parts: Record<string, ImportCounts & { at: string }>
  totals: ImportCounts
}

const byOf = (a: ImportActor): ImportRunDoc['by'] => (a.kind === 'staff' ? { kind: 'staff', staffId: a.staffId, name: a.name } : { kind: 'cli', name: a.name })
const sameActor = (a: ImportRunDoc['by'], b: ImportRunDoc['by']) => (a.kind === 'staff' ? b.kind === 'staff' && a.staffId === b.staffId : b.kind === 'cli')

export async function importPatients(deps: Deps, actor: ImportActor, table: RawTable, o: ImportOptions): Promise<ImportReport> {
  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  const scope: Scope = actor.kind === 'staff' ? scopeOf(actor, policy) : 'chain'
  const clinics = await deps.store.query<ClinicDoc>(C.clinics, { limit: 1000 })
  const names = new Map(clinics.map((c) => [c._id, c.name]))
  const checked = checkTable(table, {
    today: businessDate(now, policy.timezone),
    clinics: clinics.map((c) => ({ id: c._id, name: c.name })),
    defaultClinicId: o.defaultClinicId,
    mayImportInto: (id) => inScope(scope, id),
    maxRows: o.maxRows,
  })
  const runId = o.dryRun ? undefined : (o.runId ?? `imp_${now.getTime()}_${Math.random().toString(36).slice(2, 10)}`)
  if (runId) {
    // Another person's run id is refused before anything is written.
    const run = await deps.store.get<ImportRunDoc>(C.imports, runId)
    if (run && !sameActor(run.by, byOf(actor))) throw new DomainError('FORBIDDEN', { runId })
  }
  const plan = await planImport(deps.store, {
    records: checked.records,
    inScope: (id) => inScope(scope, id),
    clinicName: (id) => names.get(id) ?? id,
    now,
    policy,
    onProgress: (done, total) => o.onProgress?.({ phase: 'check', done, total }),
  })
  const problems = [...checked.problems, ...plan.problems]
  const planned = plan.rows
  let created = planned.filter((r) => r.action === 'create').length
  let updated = planned.filter((r) => r.action === 'update').length
  let written = planned
  let warnings = plan.warnings

  if (!o.dryRun) {
    await reserveRecordNumbers(deps.store, planned.filter((r) => r.action === 'create').map((r) => r.rec.recordNo))
    const w = await writeRows(deps.store, planned, now, policy, (done, total) => o.onProgress?.({ phase: 'write', done, total }))
    problems.push(...w.problems)
    const failed = new Set(w.problems.map((p) => p.row))
    written = planned.filter((r) => !failed.has(r.rec.row))
    warnings = warnings.filter((w) => !failed.has(w.row))
    created = w.created
    updated = w.updated
  }
  problems.sort((a, b) => a.row - b.row)
  const byClinic: Record<string, number> = {}
  for (const r of written) byClinic[r.rec.clinicId] = (byClinic[r.rec.clinicId] ?? 0) + 1
  const report: ImportReport = {
    dryRun: o.dryRun,
    rows: checked.rows,
    ok: written.length,
    created,
    updated,
    unchanged: written.filter((r) => r.action === 'unchanged').length,
    problems,
    warnings,
    ignoredColumns: checked.ignoredColumns,
    byClinic,
    lifetime: written.filter((r) => r.becomesLifetime).length,
  }
  if (runId) await recordRun(deps, runId, actor, o, report, now)
  return report
}

const countsOf = (r: ImportReport): ImportCounts =>
  ({ rows: r.rows, ok: r.ok, created: r.created, updated: r.updated, unchanged: r.unchanged, lifetime: r.lifetime, problems: new Set(r.problems.map((p) => p.row)).size, warnings: new Set(r.warnings.map((w) => w.row)).size })

function sum(parts: ImportCounts[]): ImportCounts {
  const t: ImportCounts = { rows: 0, ok: 0, created: 0, updated: 0, unchanged: 0, lifetime: 0, problems: 0, warnings: 0 }
  for (const p of parts) for (const k of Object.keys(t) as (keyof ImportCounts)[]) t[k] += p[k] ?? 0 // parts recorded before `warnings` was counted have none
  return t
}

/** The run's record: this part's counts (once), the totals over its parts. */
async function recordRun(deps: Deps, runId: string, actor: ImportActor, o: ImportOptions, r: ImportReport, now: Date): Promise<void> {
  const at = now.toISOString()
  const part = String(o.part ?? 0)
  await withRetry(() => deps.store.transaction(async (tx) => {
    const run = await tx.get<ImportRunDoc>(C.imports, runId)
    if (run?.parts[part]) return
    const parts = { ...(run?.parts ?? {}), [part]: { ...countsOf(r), at } }
    const doc: ImportRunDoc = {
      _id: runId, fileName: o.fileName, format: o.format, by: byOf(actor), startedAt: run?.startedAt ?? at, updatedAt: at, parts,
      totals: sum(Object.values(parts)),
    }
    await tx.set(C.imports, doc)
  }))
}
