/**
 * The staff page's side of a patient import: a CSV goes in parts small enough for one cloud call
 * (CloudBase takes 100 KB per call), each with the header and the file's own row numbers; an XLSX
 * goes whole or not at all. The server sees one part at a time, so the whole file is read here too:
 * rows whose record number is repeated anywhere in the file are sent blank (neither checked nor
 * imported — the server still refuses repeats inside a part on its own), and phones shared across
 * parts (a family) are added to the answers' warnings.
 */
import type { ImportProblem, ImportReport } from '../../api/records'
import { parseCsv, splitRecords, type CsvChunk } from '../../domain/import/csv'
import { scanFile } from '../../domain/import/rows'
import { mergeWarnings, sharedPhoneWarnings, type PhoneRow } from '../../domain/import/shared-phones'
import { callFunction } from '../../services/cloud'

/** Rows and UTF-8 bytes of CSV per call: well under CloudBase's 100 KB with the JSON around it. */
export const PART_ROWS = 500
export const PART_BYTES = 80 * 1024
/** An XLSX travels as base64 (4/3 of its size) in one call. */
export const MAX_XLSX_BYTES = 70 * 1024

export interface PickedFile { name: string; format: 'csv' | 'xlsx'; content: string; bytes: number }

export interface Prepared { parts: CsvChunk[] | null; repeats: ImportProblem[]; phones: PhoneRow[] }

export function prepare(file: PickedFile): Prepared {
  if (file.format === 'xlsx') return { parts: null, repeats: [], phones: [] }
  const records = parseCsv(file.content)
  const { repeats, phones } = scanFile({ header: records[0] ?? [], rows: records.slice(1), firstRow: 2 })
  const blank = new Set(repeats.map((p) => p.row))
  const sendable = records.map((r, i) => (blank.has(i + 1) ? [] : r))
  return { parts: splitRecords(sendable, PART_ROWS, PART_BYTES), repeats, phones }
}

export const emptyReport = (dryRun: boolean): ImportReport =>
  ({ dryRun, rows: 0, ok: 0, created: 0, updated: 0, unchanged: 0, problems: [], warnings: [], ignoredColumns: [], byClinic: {}, lifetime: 0 })

export function merge(a: ImportReport, b: ImportReport): ImportReport {
  const byClinic = { ...a.byClinic }
  for (const [c, n] of Object.entries(b.byClinic)) byClinic[c] = (byClinic[c] ?? 0) + n
  return {
    dryRun: a.dryRun,
    rows: a.rows + b.rows,
    ok: a.ok + b.ok,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    lifetime: a.lifetime + b.lifetime,
    problems: [...a.problems, ...b.problems],
    warnings: [...a.warnings, ...b.warnings],
    ignoredColumns: [...new Set([...a.ignoredColumns, ...b.ignoredColumns])],
    byClinic,
  }
}

export const problemRows = (r: ImportReport): number => new Set(r.problems.map((p) => p.row)).size
export const warningRows = (r: ImportReport): number => new Set(r.warnings.map((w) => w.row)).size

export interface RunOptions {
  dryRun: boolean
  defaultClinicId?: string
  /** Shared by the parts of one real import (the run's record); a retry sends the same. */
  runId?: string
  onPart?: (done: number, total: number) => void
}

/** Sends the file (in parts) and adds up the answers. A failed call throws; parts sent before it stay done. */
export async function sendFile(file: PickedFile, prep: Prepared, o: RunOptions): Promise<ImportReport> {
  const common = { fileName: file.name, format: file.format, dryRun: o.dryRun, ...(o.defaultClinicId ? { defaultClinicId: o.defaultClinicId } : {}), ...(o.runId ? { runId: o.runId } : {}) }
  let total = emptyReport(o.dryRun)
  if (!prep.parts) {
    o.onPart?.(0, 1)
    total = await callFunction('records', 'importPatients', { ...common, content: file.content })
    o.onPart?.(1, 1)
    return total
  }
  for (let i = 0; i < prep.parts.length; i++) {
    o.onPart?.(i, prep.parts.length)
    const p = prep.parts[i]
    total = merge(total, await callFunction('records', 'importPatients', { ...common, content: p.text, firstRow: p.firstRow, part: i }))
  }
  o.onPart?.(prep.parts.length, prep.parts.length)
  const repeatedRows = new Set(prep.repeats.map((p) => p.row)).size
  // Phones shared with rows of other parts: only among the rows the server took (no problems).
  const refused = new Set(total.problems.map((p) => p.row))
  const acrossParts = sharedPhoneWarnings(prep.phones.filter((p) => !refused.has(p.row)))
  total = { ...total, rows: total.rows + repeatedRows, problems: [...total.problems, ...prep.repeats], warnings: mergeWarnings(total.warnings, acrossParts) }
  total.problems.sort((a, b) => a.row - b.row)
  return total
}

/** A client-made id for one import run (8–64 letters, digits, _ or -). */
export const newRunId = (): string => `imp_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`

/** Bytes → base64 without a library (H5; weapp reads files as base64 itself). */
export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** CSV bytes → text: UTF-8, else GB18030 as Excel on Chinese Windows saves CSV (the browser decodes both). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
