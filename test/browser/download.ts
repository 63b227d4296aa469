/** Issue 14: what a tap on an export button saves in the browser (playwright's download event). */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import ExcelJS from 'exceljs'
import { tap, WAIT_MS } from './harness'

export interface Downloaded { name: string; bytes: Buffer }

/** Taps `id` and returns the file the page saves. */
export async function downloadBy(page: Page, id: string): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), tap(page, id)])
  const path = await download.path()
  if (!path) throw new Error(`#${id}: the download was not saved (${await download.failure()})`)
  return { name: download.suggestedFilename(), bytes: readFileSync(path) }
}

/** The CSV's text (after its BOM), as rows of cells (no quoted commas in the tests' data). */
export function csvRows(file: Downloaded): string[][] {
  const text = file.bytes.toString('utf8')
  if (!text.startsWith('\uFEFF')) throw new Error(`${file.name}: no UTF-8 BOM`)
  return text.slice(1).trim().split('\r\n').map((line) => line.split(','))
}

/** The first sheet of an XLSX as exceljs reads it. */
export async function xlsxSheet(file: Downloaded): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer)
  return wb.worksheets[0]
}
