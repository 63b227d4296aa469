/**
 * `npm run import -- FILE [--dry-run] [--clinic clinic_sh]`: imports patients from the clinic's
 * previous system (CSV or XLSX, docs/import.md) into the local database (`YAYOU_DATA_DIR`, default
 * .data/, the one `npm start` uses), with a progress bar and a summary. The same use case as the
 * `records` cloud function, with the whole file in one run (no 100 KB call limit here).
 *   --dry-run        check only: the per-row report, nothing written
 *   --clinic ID      clinic (id or name) for rows whose clinic cell is empty
 *   --report FILE    write every problem and warning to FILE as CSV (row, kind, field, reason)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { userInfo } from 'node:os'
import { LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { importPatients } from '../cloudfunctions/_core/usecases/patient-import'
import { formatOf, readImportFile } from '../cloudfunctions/_core/usecases/patient-import-file'
import type { ImportReport } from '../src/api/records'
import { FIELD_LABEL } from '../src/domain/import/columns'
import { csvLine } from '../src/domain/import/csv'
import { isDomainError } from '../src/domain/errors'
import { ROOT } from './lib'

export interface ImportArgs { file: string; dryRun: boolean; clinic?: string; report?: string }

export function parseArgs(argv: string[]): ImportArgs {
  let file: string | undefined
  const out: Omit<ImportArgs, 'file'> = { dryRun: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--dry-run') out.dryRun = true
    else if (a === '--clinic') out.clinic = need(argv[++i], '--clinic needs a clinic id or name, e.g. --clinic clinic_sh')
    else if (a === '--report') out.report = need(argv[++i], '--report needs a file name')
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (see scripts/import.ts)`)
    else if (file) throw new Error(`one file at a time (got ${file} and ${a})`)
    else file = a
  }
  if (!file) throw new Error('usage: npm run import -- FILE.csv|FILE.xlsx [--dry-run] [--clinic clinic_sh] [--report problems.csv]')
  return { file, ...out }
}

function need(v: string | undefined, message: string): string {
  if (!v || v.startsWith('--')) throw new Error(message)
  return v
}

export type Progress = (p: { phase: 'read' | 'check' | 'write'; done: number; total: number }) => void

/** Reads, checks and (unless a dry run) imports one file as the CLI operator. */
export async function importFile(cloud: LocalCloud, a: ImportArgs, onProgress?: Progress): Promise<ImportReport> {
  const format = formatOf(a.file)
  if (!format) throw new Error(`${a.file}: a .csv or .xlsx file please`)
  onProgress?.({ phase: 'read', done: 0, total: 1 })
  const table = await readImportFile(format, readFileSync(a.file))
  onProgress?.({ phase: 'read', done: 1, total: 1 })
  return importPatients(cloud.deps, { kind: 'cli', name: userInfo().username }, table, {
    fileName: basename(a.file), format, dryRun: a.dryRun, defaultClinicId: a.clinic, maxRows: Number.MAX_SAFE_INTEGER, onProgress,
  })
}

const PHASES = { read: '读取 read', check: '检查 check', write: '写入 write' } as const

export function bar(p: Parameters<Progress>[0]): string {
  const width = 24
  const full = p.total === 0 ? width : Math.round((width * p.done) / p.total)
  const pct = p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total)
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${PHASES[p.phase].padEnd(9)} ${String(pct).padStart(3)}%`
}

export function summaryTable(r: ImportReport, fileName: string): string {
  const rows: Array<[string, string | number]> = [
    ['file', fileName],
    ['mode', r.dryRun ? 'dry run — nothing written' : 'import'],
    ['data rows', r.rows],
    [r.dryRun ? 'rows that would import' : 'rows imported', r.ok],
    ['  new records', r.created],
    ['  updated records', r.updated],
    ['  unchanged records', r.unchanged],
    ['  lifetime members from spend (M1)', r.lifetime],
    ['rows with problems (not written)', new Set(r.problems.map((p) => p.row)).size],
    [r.dryRun ? 'rows with warnings (would import)' : 'rows with warnings (imported)', new Set(r.warnings.map((w) => w.row)).size],
    ...Object.entries(r.byClinic).sort().map(([c, n]): [string, number] => [`  clinic ${c}`, n]),
  ]
  if (r.ignoredColumns.length > 0) rows.push(['columns not read', r.ignoredColumns.join(', ')])
  const w = Math.max(...rows.map(([k]) => k.length))
  const table = rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n')
  return [table, ...listed('problems (not written)', r.problems), ...listed('warnings (imported all the same)', r.warnings)].join('\n')
}

/** The first 30 problems or warnings under a title, one line each. */
function listed(title: string, items: ImportReport['problems'] | ImportReport['warnings']): string[] {
  if (items.length === 0) return []
  const shown = items.slice(0, 30).map((p) => `  row ${String(p.row).padStart(6)}  ${FIELD_LABEL[p.field].zh} ${p.field}: ${p.reason.zh} — ${p.reason.en}`)
  const more = items.length > shown.length ? [`  … and ${items.length - shown.length} more (--report FILE writes them all)`] : []
  return ['', `${title}:`, ...shown, ...more]
}

/** Every problem and warning, by row: `kind` tells which (a warning's row was imported all the same). */
export function problemsCsv(r: ImportReport): string {
  const all = [...r.problems.map((p) => ({ ...p, kind: 'problem' })), ...r.warnings.map((w) => ({ ...w, kind: 'warning' }))].sort((a, b) => a.row - b.row)
  return [csvLine(['row', 'kind', 'field', '原因', 'reason']), ...all.map((p) => csvLine([String(p.row), p.kind, p.field, p.reason.zh, p.reason.en]))].join('\n') + '\n'
}

async function main() {
  const a = parseArgs(process.argv.slice(2))
  const dataDir = process.env.YAYOU_DATA_DIR ?? join(ROOT, '.data')
  const cloud = await LocalCloud.open({ dataDir })
  const tty = process.stderr.isTTY
  let last = ''
  try {
    const r = await importFile(cloud, a, (p) => {
      const line = bar(p)
      if (tty) process.stderr.write(`\r${line}`)
      else if (line !== last && (p.done === 0 || p.done === p.total)) process.stderr.write(`${line}\n`)
      last = line
    })
    if (tty) process.stderr.write('\n')
    console.log(`\npatient import on ${dataDir}\n${summaryTable(r, a.file)}`)
    if (a.report) {
      writeFileSync(a.report, problemsCsv(r))
      console.log(`\nproblems and warnings written to ${a.report}`)
    }
  } finally {
    await cloud.close()
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(isDomainError(e) ? `${e.code}: ${e.messages.zh} — ${e.messages.en}` : e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
