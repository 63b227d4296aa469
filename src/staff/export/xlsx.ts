/**
 * Issue 14: an export table as an .xlsx workbook (Office Open XML, one sheet), written on the
 * phone or browser with no dependency: five XML parts in a stored ZIP. Text cells are inline
 * strings (never formulas, so a name like "=1+1" stays text); money is a number shown with two
 * decimals (built-in format 2, "0.00"); counts are plain numbers; the header row is bold.
 */
import type { ExportTable } from './table'
import { storedZip, utf8 } from './zip'

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** XML text: escaped, control characters XML 1.0 forbids dropped. */
const esc = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26) }
  return s
}

/** A sheet name Excel accepts: ≤ 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => (title.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet1').slice(0, 31)

// Cell styles (indexes into cellXfs): 0 default, 1 bold header, 2 money "0.00".
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>`
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '</styleSheet>'

function sheetXml(table: ExportTable): string {
  const text = (ref: string, s: string, style = 0) => `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${esc(s)}</t></is></c>`
  const rows: string[] = [`<row r="1">${table.headers.map((h, i) => text(`${columnName(i)}1`, h, 1)).join('')}</row>`]
  table.rows.forEach((row, r) => {
    const n = r + 2
    const cells = row.map((v, i) => {
      const ref = `${columnName(i)}${n}`
      if (v === null) return ''
      if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${table.kinds[i] === 'money' ? ' s="2"' : ''}><v>${v}</v></c>`
      return text(ref, String(v))
    })
    rows.push(`<row r="${n}">${cells.join('')}</row>`)
  })
  // Widths from the longest text in each column (CJK characters count double).
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  const cols = table.headers.map((h, i) => {
    const w = Math.min(50, Math.max(8, width(h), ...table.rows.map((r) => width(r[i] === null ? '' : String(r[i])))) + 2)
    return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`
  })
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    + `${cols.length ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`
}

/** The workbook's bytes. */
export function tableXlsx(table: ExportTable): Uint8Array {
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'],
    ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${esc(sheetName(table.title))}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', STYLES],
    ['xl/worksheets/sheet1.xml', sheetXml(table)],
  ]
  return storedZip(parts.map(([name, xml]) => ({ name, data: utf8(xml) })))
}
