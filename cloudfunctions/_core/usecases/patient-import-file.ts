/**
 * Patient import files → a table of text cells (docs/import.md). CSV: UTF-8 (BOM or not), or
 * GB18030/GBK as Excel on Chinese Windows saves it. XLSX: the first worksheet through exceljs; row 1
 * is the header and rows keep their sheet numbers. Cell values become the text a person sees:
 * dates as YYYY-MM-DD, numbers in their shortest exact form (a spend of 0.1 + 0.2 is refused later,
 * never rounded).
 */
import type ExcelJS from 'exceljs'
import { csvTable, type RawTable } from '../../../src/domain/import/csv'
import { DomainError } from '../../../src/domain/errors'
import type { ImportFormat } from '../../../src/api/records'

/** Bytes → text: UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

type Cell = ExcelJS.CellValue

const isoDate = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))

/** One cell as text. exceljs gives date cells as UTC midnights of the sheet's calendar date. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return isoDate(v)
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('hyperlink' in v) return String(v.text ?? '')
  if ('error' in v) return String(v.error)
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: Cell }).result ?? null)
  return ''
}

async function xlsxTable(bytes: Buffer): Promise<RawTable> {
  // Loaded on the first XLSX only: exceljs alone would add ~180 ms to every cold start of `records` (issue 11).
  const { Workbook } = (await import('exceljs')).default
  const wb = new Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch (e) {
    throw new DomainError('IMPORT_FILE', { reason: (e as Error).message.slice(0, 200) })
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw new DomainError('IMPORT_FILE', { reason: 'the workbook has no worksheet' })
  let header: string[] = []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    // row.values is 1-based (index 0 unused); a sparse array where cells are empty.
    const values = row.values as Cell[]
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]))
    if (n === 1) header = cells
    else rows[n - 2] = cells
  })
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = []
  return { header, rows, firstRow: 2 }
}

/** The file as a table; CSV may come as text (a cloud call) or bytes (the CLI). Unreadable: IMPORT_FILE. */
export async function readImportFile(format: ImportFormat, content: string | Uint8Array, firstRow = 2): Promise<RawTable> {
  if (format === 'xlsx') {
    if (typeof content === 'string') throw new DomainError('IMPORT_FILE', { reason: 'xlsx content must be bytes' })
    const t = await xlsxTable(Buffer.from(content.buffer, content.byteOffset, content.byteLength))
    if (t.header.length === 0) throw new DomainError('IMPORT_FILE', { reason: 'the first worksheet is empty' })
    return t
  }
  const text = typeof content === 'string' ? content : decodeCsv(content)
  if (text.includes('\u0000')) throw new DomainError('IMPORT_FILE', { reason: 'binary data in a CSV file (an XLSX sent as CSV?)' })
  const t = csvTable(text, firstRow)
  if (t.header.length === 0) throw new DomainError('IMPORT_FILE', { reason: 'the file is empty' })
  return t
}

/** CLI: the format from the file name. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split('.').pop()
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null
}
