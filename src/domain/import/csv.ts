/**
 * CSV as clinic systems and Excel write it (RFC 4180): comma separated, fields in double quotes
 * may hold commas, quotes ("" inside) and line breaks; CRLF or LF; an optional UTF-8 BOM.
 * Pure and dependency-free: the staff page uses it to split a big file into calls, the server to
 * read each call. Row numbers are spreadsheet rows: the header is row 1.
 */

/** A sheet as rows of text cells, the header first; `firstRow` is the row number of rows[0] after the header. */
export interface RawTable { header: string[]; rows: string[][]; firstRow: number }

/** Parses CSV text into records of fields. An unterminated quote reads to the end (reported as a bad row later). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const n = text.length
  while (i < n) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue }
        quoted = false
        i++
        continue
      }
      // Copy the run up to the next quote in one go (long quoted fields stay linear).
      const next = text.indexOf('"', i)
      const end = next === -1 ? n : next
      field += text.slice(i, end)
      i = end
      continue
    }
    if (c === '"' && field === '') { quoted = true; i++; continue }
    if (c === ',') { row.push(field); field = ''; i++; continue }
    if (c === '\r' || c === '\n') {
      row.push(field)
      out.push(row)
      row = []
      field = ''
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    field += c
    i++
  }
  if (field !== '' || row.length > 0) { row.push(field); out.push(row) }
  return out
}

/** The first record is the header; the rest keep their spreadsheet row numbers (blank ones are skipped when read). */
export function csvTable(text: string, firstRow = 2): RawTable {
  const [header = [], ...rows] = parseCsv(text)
  return { header, rows, firstRow }
}

/** One field as CSV writes it: quoted when it holds a comma, quote or line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export const csvLine = (cells: readonly string[]): string => cells.map(csvField).join(',')

/** UTF-8 size of a string without encoding it (the page counts call sizes with it). */
export function utf8Bytes(s: string): number {
  let b = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) b += 1
    else if (c < 0x800) b += 2
    else if (c >= 0xd800 && c <= 0xdbff) { b += 4; i++ }
    else b += 3
  }
  return b
}

export interface CsvChunk { text: string; firstRow: number; rows: number }

/**
 * Splits a CSV file into pieces small enough for one cloud function call, each with the header
 * repeated and the spreadsheet row number of its first data row, so the server's report speaks of
 * the rows of the whole file. A piece holds at most `maxRows` rows and about `maxBytes` (UTF-8);
 * a single row larger than that still travels alone (the server refuses it with a typed error).
 */
export function splitCsv(text: string, maxRows: number, maxBytes: number): CsvChunk[] {
  return splitRecords(parseCsv(text), maxRows, maxBytes)
}

/** `splitCsv` over parsed records (the header first); an emptied record stays as a blank line, keeping row numbers. */
export function splitRecords(all: readonly (readonly string[])[], maxRows: number, maxBytes: number): CsvChunk[] {
  const [header, ...records] = all
  if (!header) return []
  const head = csvLine(header)
  const headBytes = utf8Bytes(head) + 1
  const chunks: CsvChunk[] = []
  let lines: string[] = []
  let bytes = headBytes
  let first = 2
  records.forEach((r, i) => {
    const line = csvLine(r)
    const size = utf8Bytes(line) + 1
    if (lines.length > 0 && (lines.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push({ text: [head, ...lines].join('\n'), firstRow: first, rows: lines.length })
      lines = []
      bytes = headBytes
      first = i + 2
    }
    lines.push(line)
    bytes += size
  })
  if (lines.length > 0) chunks.push({ text: [head, ...lines].join('\n'), firstRow: first, rows: lines.length })
  return chunks
}
