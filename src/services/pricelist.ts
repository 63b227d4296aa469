/**
 * Issue 13, item 1: the price list (收费项目) for pages, typed by src/api/pricelist.ts. The desk loads
 * the active list once and searches it here (`findPriceItems`: name or pinyin initials, the initials
 * computed by the server when an item was saved), so picking an item costs no round trip.
 */
import type { PriceImportRequest, PriceItemView, SavePriceItemRequest } from '../api/contract'
import type { CatalogueItem } from '../domain/pricelist/item'
import { searchCatalogue } from '../domain/pricelist/search'
import { callFunction } from './cloud'

/** Active items for the desk; the director/admin page asks for retired ones too. */
export const priceList = (includeInactive = false) => callFunction('records', 'priceList', { includeInactive })
export const savePriceItem = (req: SavePriceItemRequest) => callFunction('records', 'savePriceItem', req)
export const setPriceItemActive = (item: PriceItemView, active: boolean, requestId: string) =>
  callFunction('records', 'setPriceItemActive', { requestId, itemId: item.itemId, version: item.version, active })
export const importPriceItems = (req: PriceImportRequest) => callFunction('records', 'importPriceItems', req)

const asCatalogue = (v: PriceItemView): CatalogueItem => ({ id: v.itemId, name: v.name, category: v.category, priceFen: v.priceFen, active: v.active, initials: v.initials })

/** Active items matching the query, best first (domain/pricelist/search.ts): "jy" or "洁牙" finds 洁牙. */
export function findPriceItems(items: readonly PriceItemView[], query: string, limit = 20): PriceItemView[] {
  const byId = new Map(items.map((i) => [i.itemId, i]))
  return searchCatalogue(items.map(asCatalogue), query, limit).map((c) => byId.get(c.id)!)
}

/** The management list: retired items too, ranked the same way; an empty query keeps the server's order. */
export function filterPriceItems(items: readonly PriceItemView[], query: string): PriceItemView[] {
  if (!query.trim()) return [...items]
  return findPriceItems(items.map((i) => ({ ...i, active: true })), query, items.length)
    .map((found) => items.find((i) => i.itemId === found.itemId)!)
}
