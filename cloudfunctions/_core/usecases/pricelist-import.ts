/**
 * Price list import (admin, issue 13 item 1): a CSV or XLSX read by the patient import's reader
 * (patient-import-file.ts: UTF-8 or GB18030 CSV, the first XLSX worksheet), checked row by row with
 * the same rules as the page's form (src/domain/pricelist/table.ts). Rows with problems are reported
 * and not written; good rows are written — matched to existing items by name, so importing the same
 * file again changes nothing and a changed price is an update with who and when.
 */
import type { PriceImportReport, PriceImportRequest } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { MAX_ITEMS, nameKey } from '../../../src/domain/pricelist/item'
import { pinyinInitials } from '../../../src/domain/pricelist/initials'
import { checkPriceTable, type PriceRow } from '../../../src/domain/pricelist/table'
import { currentPolicy, type Deps } from '../deps'
import { newId } from '../ids'
import { C } from '../model'
import { isStoreError } from '../ports/store'
import { readImportFile } from './patient-import-file'
import { allPriceItems, type Editor, type PriceItemDoc } from './pricelist'

/** Data rows per file: the whole catalogue fits one page of the store. */
export const MAX_PRICE_ROWS = MAX_ITEMS

const unchanged = (d: PriceItemDoc, r: PriceRow) => d.name === r.name && d.category === r.category && d.priceFen === r.priceFen && d.active === r.active

export async function importPriceItems(deps: Deps, editor: Editor, i: PriceImportRequest): Promise<PriceImportReport> {
  const table = await readImportFile(i.format, i.format === 'xlsx' ? Buffer.from(i.content, 'base64') : i.content)
  if (table.rows.length > MAX_PRICE_ROWS) throw new DomainError('IMPORT_TOO_MANY_ROWS', { rows: table.rows.length, max: MAX_PRICE_ROWS })
  const checked = checkPriceTable(table, await currentPolicy(deps.store))
  if ('columns' in checked) throw new DomainError('IMPORT_COLUMNS', { reason: checked.columns }, checked.columns)
  const existing = new Map((await allPriceItems(deps.store)).map((d) => [d.nameKey, d]))
  const plan = checked.items.map((row) => ({ row, doc: existing.get(nameKey(row.name)) }))
  const fresh = plan.filter((p) => !p.doc).length
  if (existing.size + fresh > MAX_ITEMS) throw new DomainError('PRICE_LIST_FULL', { max: MAX_ITEMS, existing: existing.size, new: fresh })
  const report: PriceImportReport = { dryRun: i.dryRun, rows: checked.rows, created: 0, updated: 0, unchanged: 0, problems: checked.problems, ignoredColumns: checked.ignoredColumns }
  const at = deps.clock.now().toISOString()
  const runId = newId('imp')
  for (const { row, doc } of plan) {
    if (doc && unchanged(doc, row)) { report.unchanged++; continue }
    if (!i.dryRun) {
      const written = doc ? await update(deps, editor, doc, row, at, runId) : await create(deps, editor, row, at, runId)
      if (!written) {
        report.problems.push({ row: row.row, field: 'row', reason: { zh: '该项目正被他人修改，未导入，请重试', en: 'Someone changed this item at the same time; not imported, please retry' } })
        continue
      }
    }
    if (doc) report.updated++
    else report.created++
  }
  report.problems.sort((a, b) => a.row - b.row)
  return report
}

async function create(deps: Deps, editor: Editor, r: PriceRow, at: string, runId: string): Promise<boolean> {
  const key = nameKey(r.name)
  const doc: PriceItemDoc = {
    _id: newId('pi'), name: r.name, nameKey: key, category: r.category, priceFen: r.priceFen, active: r.active, initials: pinyinInitials(r.name),
    version: 0, createdAt: at, createdBy: editor.staffId, updatedAt: at, updatedBy: editor.staffId, lastRequestId: `${runId}:${r.row}`,
  }
  try {
    await deps.store.create(C.priceItems, doc)
    return true
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) return false
    throw e
  }
}

async function update(deps: Deps, editor: Editor, d: PriceItemDoc, r: PriceRow, at: string, runId: string): Promise<boolean> {
  const set = { name: r.name, category: r.category, priceFen: r.priceFen, active: r.active, initials: d.name === r.name ? d.initials : pinyinInitials(r.name), updatedAt: at, updatedBy: editor.staffId, lastRequestId: `${runId}:${r.row}` }
  return deps.store.updateIf(C.priceItems, d._id, { version: d.version }, { set, inc: { version: 1 } })
}
