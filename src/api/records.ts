/**
 * Patient import from the clinic's previous system (issue 10, docs/import.md): a CSV or XLSX file,
 * checked first (dry run: a per-row report), then imported — idempotent by record number.
 * A big CSV travels in parts (header repeated, `firstRow` keeps the file's row numbers), each part
 * one call under CloudBase's 100 KB request limit; the parts of one import share a `runId`.
 */
import type { ErrorMessage } from '../domain/errors'
import type { Field } from '../domain/import/columns'

export type ImportFormat = 'csv' | 'xlsx'

export interface ImportRequest {
  fileName: string
  format: ImportFormat
  /** CSV: the text (UTF-8). XLSX: the file as base64 (the first worksheet is read). */
  content: string
  dryRun: boolean
  /** Spreadsheet row of the first data row in `content` (default 2: right after the header). */
  firstRow?: number
  /** Clinic id for rows whose clinic cell is empty. */
  defaultClinicId?: string
  /** Client-made id shared by the parts of one import (8–64 of A–Z a–z 0–9 _ -); the import record's key. */
  runId?: string
  /** Which part of the file this call carries (0-based); a retried part is recorded once. */
  part?: number
}

/** One reason a row is not imported; `field` 'row' means the row as a whole; `repeat`: a record number on several rows. */
export interface ImportProblem { row: number; field: Field | 'row'; reason: ErrorMessage; repeat?: true }

/**
 * Something to know about a row that imports all the same: its phone is shared with other records
 * (a parent and children), `sharedWith` their record numbers (at most 50 listed).
 */
export interface ImportWarning { row: number; field: Field; reason: ErrorMessage; sharedWith?: string[] }

export interface ImportReport {
  dryRun: boolean
  /** Data rows read (blank rows are not counted). */
  rows: number
  /** Rows without problems: imported (or, in a dry run, that would be). */
  ok: number
  /** New patient records. */
  created: number
  /** Existing records (same record number) whose imported fields changed. */
  updated: number
  /** Existing records already holding exactly this row (a re-import or a retried part). */
  unchanged: number
  problems: ImportProblem[]
  /** Rows imported (or, in a dry run, that would be) with something to know, e.g. a shared phone; separate from problems. */
  warnings: ImportWarning[]
  /** Headers that were not read, so a misspelt column does not pass unnoticed. */
  ignoredColumns: string[]
  /** Rows without problems per clinic id. */
  byClinic: Record<string, number>
  /** Imported rows that made a lifetime member (M1). */
  lifetime: number
}

export interface RecordsApi {
  importPatients: { in: ImportRequest; out: ImportReport }
}
