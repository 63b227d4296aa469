/**
 * A patient import file, checked row by row before anything is written: each data row becomes a
 * validated record or one problem per bad field (row, field, reason in zh + en). A record number
 * repeated inside the file is a problem on every row involved, so nothing ambiguous imports. A phone
 * on several rows is normal (a family) and only a warning, made once the rows are planned
 * (shared-phones.ts).
 */
import { DomainError } from '../errors'
import type { Fen } from '../money'
import { columnProblemText, FIELD_LABEL, mapColumns, type Field } from './columns'
import type { RawTable } from './csv'
import { parseDate, parseFen, parseName, parsePhone, parseRecordNo, parseYuan, type Parsed } from './fields'
import { REASON, type Line } from './reasons'
import type { PhoneRow } from './shared-phones'

export interface ImportRecord {
  /** Spreadsheet row (the header is row 1). */
  row: number
  recordNo: string
  name: string
  phone: string
  birthday?: string
  clinicId: string
  importedSpendFen: Fen
  /** YYYY-MM-DD */
  lastVisit?: string
}

/** `repeat`: the record number appears on several rows of the file (the page checks whole files for it). */
export interface RowProblem { row: number; field: Field | 'row'; reason: Line; repeat?: true }

export interface ClinicRef { id: string; name: string }

export interface CheckOptions {
  /** Business date in the clinic's zone (YYYY-MM-DD): birthdays and visits are not after it. */
  today: string
  clinics: readonly ClinicRef[]
  /** For rows with an empty clinic cell. */
  defaultClinicId?: string
  /** Clinic scoping: may the caller import into this clinic? */
  mayImportInto: (clinicId: string) => boolean
  /** Most data rows one call takes (the caller splits bigger files). */
  maxRows: number
}

export interface CheckedFile { rows: number; records: ImportRecord[]; problems: RowProblem[]; ignoredColumns: string[] }

/** A clinic cell → clinic id: the id, the full name, or a unique part of a name ("静安店"). */
export function resolveClinic(ref: string, clinics: readonly ClinicRef[]): Parsed<string> {
  const v = ref.trim()
  const exact = clinics.find((c) => c.id === v || c.name === v)
  if (exact) return { ok: true, value: exact.id }
  const partial = v.length >= 2 ? clinics.filter((c) => c.name.includes(v)) : []
  if (partial.length === 1) return { ok: true, value: partial[0].id }
  if (partial.length > 1) return { ok: false, reason: REASON.clinicAmbiguous(v, partial.map((c) => c.name)) }
  return { ok: false, reason: REASON.clinicUnknown(v) }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/** Checks a whole table (or one call's part of a file). Header problems refuse the file: IMPORT_COLUMNS. */
export function checkTable(table: RawTable, o: CheckOptions): CheckedFile {
  const cols = mapColumns(table.header)
  if (!cols.ok) throw new DomainError('IMPORT_COLUMNS', { problem: cols.problem }, columnProblemText(cols.problem))
  const { index, ignored } = cols.map
  const data = table.rows.map((cells, i) => ({ cells, row: table.firstRow + i })).filter((r) => !isBlank(r.cells))
  if (data.length > o.maxRows) throw new DomainError('IMPORT_TOO_MANY_ROWS', { rows: data.length, max: o.maxRows })

  const clinicCache = new Map<string, Parsed<string>>()
  const clinicName = new Map(o.clinics.map((c) => [c.id, c.name]))
  const problems: RowProblem[] = []
  const candidates: ImportRecord[] = []
  const cell = (cells: readonly string[], f: Field) => (index[f] === undefined ? '' : (cells[index[f]!] ?? ''))

  for (const { cells, row } of data) {
    const before = problems.length
    const take = <T>(field: Field, p: Parsed<T>): T | undefined => {
      if (p.ok) return p.value
      problems.push({ row, field, reason: p.reason })
      return undefined
    }
    if (cells.slice(table.header.length).some((c) => c.trim() !== '')) problems.push({ row, field: 'row', reason: REASON.tooManyCells })
    const recordNo = take('recordNo', parseRecordNo(cell(cells, 'recordNo')))
    const name = take('name', parseName(cell(cells, 'name')))
    const phone = take('phone', parsePhone(cell(cells, 'phone')))
    const birthday = take('birthday', parseDate(cell(cells, 'birthday'), FIELD_LABEL.birthday, o.today))
    const lastVisit = take('lastVisit', parseDate(cell(cells, 'lastVisit'), FIELD_LABEL.lastVisit, o.today))
    const spend = index.spendFen !== undefined
      ? take('spendFen', parseFen(cell(cells, 'spendFen')))
      : take('spendYuan', parseYuan(cell(cells, 'spendYuan')))
    const clinicRef = cell(cells, 'clinic').trim()
    let clinicId: string | undefined
    if (clinicRef === '' && !o.defaultClinicId) problems.push({ row, field: 'clinic', reason: REASON.clinicMissing })
    else {
      const ref = clinicRef || o.defaultClinicId!
      let resolved = clinicCache.get(ref)
      if (!resolved) clinicCache.set(ref, (resolved = resolveClinic(ref, o.clinics)))
      clinicId = take('clinic', resolved)
      if (clinicId && !o.mayImportInto(clinicId)) {
        problems.push({ row, field: 'clinic', reason: REASON.clinicNotYours(clinicName.get(clinicId) ?? clinicId) })
        clinicId = undefined
      }
    }
    if (problems.length > before || !recordNo || !name || !phone || !clinicId || spend === undefined) continue
    candidates.push({ row, recordNo, name, phone, clinicId, importedSpendFen: spend, ...(birthday ? { birthday } : {}), ...(lastVisit ? { lastVisit } : {}) })
  }

  const repeats = findRepeats(data, (c) => cell(c, 'recordNo'))
  problems.push(...repeats)
  const repeated = new Set(repeats.map((p) => p.row))
  problems.sort((a, b) => a.row - b.row)
  return { rows: data.length, records: candidates.filter((r) => !repeated.has(r.row)), problems, ignoredColumns: ignored }
}

type DataRow = { cells: readonly string[]; row: number }

/**
 * Record numbers on more than one row: a problem on every row involved, naming the others. Looked
 * for among all rows whose cell parses, valid or not: a repeat is ambiguous either way.
 */
function findRepeats(data: readonly DataRow[], recordNoOf: (c: readonly string[]) => string): RowProblem[] {
  const byKey = new Map<string, number[]>()
  for (const { cells, row } of data) {
    const k = parseRecordNo(recordNoOf(cells))
    if (!k.ok) continue
    const list = byKey.get(k.value)
    if (list) list.push(row)
    else byKey.set(k.value, [row])
  }
  const out: RowProblem[] = []
  for (const list of byKey.values()) {
    if (list.length < 2) continue
    for (const row of list) out.push({ row, field: 'recordNo', reason: REASON.recordNoRepeated(list.filter((r) => r !== row)), repeat: true })
  }
  return out
}

/** What the staff page reads over a whole CSV file: a big file travels in parts, the server sees one at a time. */
export interface FileScan {
  /** Rows whose record number is repeated in the file (they are not sent). */
  repeats: RowProblem[]
  /** The other rows whose record number and phone read, for the shared-phone warnings of the whole file. */
  phones: PhoneRow[]
}

/** Nothing when the header is not right (the server says why). */
export function scanFile(table: RawTable): FileScan {
  const cols = mapColumns(table.header)
  if (!cols.ok) return { repeats: [], phones: [] }
  const { recordNo, phone } = cols.map.index
  const data = table.rows.map((cells, i) => ({ cells, row: table.firstRow + i })).filter((r) => !isBlank(r.cells))
  const repeats = findRepeats(data, (c) => c[recordNo!] ?? '')
  const repeated = new Set(repeats.map((p) => p.row))
  const phones: PhoneRow[] = []
  for (const { cells, row } of data) {
    if (repeated.has(row)) continue
    const n = parseRecordNo(cells[recordNo!] ?? '')
    const p = parsePhone(cells[phone!] ?? '')
    if (n.ok && p.ok) phones.push({ row, recordNo: n.value, phone: p.value })
  }
  return { repeats, phones }
}
