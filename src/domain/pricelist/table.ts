/**
 * A price list file (CSV or XLSX, read into a RawTable by the same reader as the patient import)
 * → the items it names, and per row what is wrong. Columns: 名称, 类别, 价格（元）, optional 状态.
 * A row is keyed by its name: importing the same file again changes nothing, a changed price updates.
 */
import { headerKey } from '../import/columns'
import type { RawTable } from '../import/csv'
import type { Category, Policy } from '../policy'
import { CATEGORY_LABEL } from '../policy'
import { cleanName, nameKey, parsePriceYuan, priceItemProblems, REASON, type PriceField, type Reason } from './item'

export type ImportColumn = PriceField | 'active'
export interface PriceRow { row: number; name: string; category: Category; priceFen: number; active: boolean }
export interface PriceRowProblem { row: number; field: ImportColumn | 'row'; reason: Reason }
export interface CheckedPriceFile { rows: number; items: PriceRow[]; problems: PriceRowProblem[]; ignoredColumns: string[] }

const HEADERS: Record<ImportColumn, string[]> = {
  name: ['名称', '项目', '项目名称', '收费项目', 'name', 'item'],
  category: ['类别', '分类', '类型', 'category'],
  priceFen: ['价格', '价格(元)', '价格（元）', '单价', '单价(元)', '金额', 'price', 'price (yuan)'],
  active: ['状态', '启用', 'active', 'status'],
}
const BY_KEY = new Map(Object.entries(HEADERS).flatMap(([f, hs]) => hs.map((h): [string, ImportColumn] => [headerKey(h), f as ImportColumn])))

/** Category cells as people type them: the key, the label in either language, or a short form. */
const CATEGORY_WORDS = new Map<string, Category>([
  ...Object.entries(CATEGORY_LABEL).flatMap(([k, l]): Array<[string, Category]> => [[k, k as Category], [headerKey(l.zh), k as Category], [headerKey(l.en), k as Category]]),
  ['特价', 'special_price'], ['护理产品', 'oral_care_product'], ['产品', 'oral_care_product'], ['会员', 'membership_fee'], ['年费', 'membership_fee'], ['项目', 'treatment'],
])
const ACTIVE_WORDS = new Map<string, boolean>([
  ['', true], ['启用', true], ['在售', true], ['是', true], ['yes', true], ['y', true], ['true', true], ['1', true], ['active', true],
  ['停用', false], ['停售', false], ['否', false], ['no', false], ['n', false], ['false', false], ['0', false], ['inactive', false],
])

const COLUMN_MISSING: Reason = { zh: '表头需含 名称、类别、价格 三列', en: 'The header needs the columns name, category and price' }
const BAD_ACTIVE: Reason = { zh: '状态应为 启用 或 停用（留空为启用）', en: 'The status must be 启用 (active) or 停用 (inactive); empty means active' }

/** The header as columns, or the reason the whole file cannot be read. */
export function mapPriceColumns(header: readonly string[]): { ok: true; index: Partial<Record<ImportColumn, number>>; ignored: string[] } | { ok: false; reason: Reason } {
  const index: Partial<Record<ImportColumn, number>> = {}
  const ignored: string[] = []
  header.forEach((h, i) => {
    const raw = h.trim()
    if (!raw) return
    const c = BY_KEY.get(headerKey(raw))
    if (!c || index[c] !== undefined) ignored.push(raw)
    else index[c] = i
  })
  if (index.name === undefined || index.category === undefined || index.priceFen === undefined) return { ok: false, reason: COLUMN_MISSING }
  return { ok: true, index, ignored }
}

/** Checks every data row; blank rows are skipped, a name repeated in the file is a problem on its later rows. */
export function checkPriceTable(table: RawTable, policy: Pick<Policy, 'membership' | 'currency'>): CheckedPriceFile | { columns: Reason } {
  const cols = mapPriceColumns(table.header)
  if (!cols.ok) return { columns: cols.reason }
  const cell = (r: string[], c: ImportColumn) => (cols.index[c] === undefined ? '' : (r[cols.index[c]!] ?? '').trim())
  const items: PriceRow[] = []
  const problems: PriceRowProblem[] = []
  const seen = new Map<string, number>()
  let rows = 0
  table.rows.forEach((r, i) => {
    const row = table.firstRow + i
    if (r.every((c) => c.trim() === '')) return
    rows++
    const mine: PriceRowProblem[] = []
    const category = CATEGORY_WORDS.get(headerKey(cell(r, 'category')))
    const price = parsePriceYuan(cell(r, 'priceFen'))
    const active = ACTIVE_WORDS.get(cell(r, 'active').toLowerCase())
    if (!category) mine.push({ row, field: 'category', reason: REASON.category })
    if (!price.ok) mine.push({ row, field: 'priceFen', reason: price.reason })
    if (active === undefined) mine.push({ row, field: 'active', reason: BAD_ACTIVE })
    const name = cell(r, 'name')
    // The same rules as the page's form (name format, membership fee = the policy's), on the fields that parsed.
    for (const p of priceItemProblems({ name, category: category ?? 'treatment', priceFen: price.ok ? price.fen : 1, active: true }, policy)) {
      if (p.field === 'name' || (category && price.ok)) mine.push({ row, ...p })
    }
    const key = nameKey(name)
    if (key && seen.has(key)) mine.push({ row, field: 'name', reason: { zh: `与第 ${seen.get(key)} 行同名`, en: `Same name as row ${seen.get(key)}` } })
    else if (key) seen.set(key, row)
    if (mine.length) problems.push(...mine)
    else items.push({ row, name: cleanName(name), category: category!, priceFen: (price as { fen: number }).fen, active: active! })
  })
  return { rows, items, problems, ignoredColumns: cols.ignored }
}
