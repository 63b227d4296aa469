/**
 * The price list (收费项目, issue 13 item 1) between the mini-program and the `records` function:
 * the chain's catalogue that reception bills from. An item's category is the catalogue's (M2, F4).
 * Reads for every role that bills; changes for the director and admin; file import for the admin.
 */
import type { Category } from '../domain/policy'
import type { ImportColumn } from '../domain/pricelist/table'
import type { Reason } from '../domain/pricelist/item'

export interface PriceItemView {
  itemId: string
  name: string
  category: Category
  priceFen: number
  active: boolean
  /** Pinyin initials of the name, lower case ("根管治疗" → "ggzl"): the desk's search matches them. */
  initials: string
  /** Compare-and-set: an edit sends the version it saw. */
  version: number
  updatedAt: string
}

export interface PriceListRequest {
  /** Director/admin page: retired items too (reception gets active items only). */
  includeInactive?: boolean
}

export interface PriceSearchRequest { query: string; limit?: number }

/** Create (no itemId) or change an item. A retry with the same requestId changes nothing more. */
export interface SavePriceItemRequest {
  requestId: string
  itemId?: string
  /** Required with itemId: the version the editor saw (CONFLICT when someone changed it since). */
  version?: number
  name: string
  category: Category
  priceFen: number
  active: boolean
}

export interface SetPriceItemActiveRequest { requestId: string; itemId: string; version: number; active: boolean }

export interface PriceImportRequest {
  fileName: string
  format: 'csv' | 'xlsx'
  /** CSV: the text. XLSX: the file as base64 (the first worksheet is read). */
  content: string
  /** Check only: the per-row report, nothing written. */
  dryRun: boolean
}

export interface PriceImportProblem { row: number; field: ImportColumn | 'row'; reason: Reason }

export interface PriceImportReport {
  dryRun: boolean
  /** Data rows read (blank rows not counted). */
  rows: number
  created: number
  updated: number
  unchanged: number
  problems: PriceImportProblem[]
  ignoredColumns: string[]
}

export interface PriceListApi {
  priceList: { in: PriceListRequest; out: PriceItemView[] }
  searchPriceItems: { in: PriceSearchRequest; out: PriceItemView[] }
  savePriceItem: { in: SavePriceItemRequest; out: PriceItemView }
  setPriceItemActive: { in: SetPriceItemActiveRequest; out: PriceItemView }
  importPriceItems: { in: PriceImportRequest; out: PriceImportReport }
}
