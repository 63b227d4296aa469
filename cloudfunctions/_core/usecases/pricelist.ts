/**
 * The chain's price list (收费项目, issue 13 item 1): reception reads and searches it; the director and
 * admin add, change and retire items. An item's category is fixed by the catalogue, so the desk
 * never types one (M2, F4; src/domain/pricelist/resolve.ts). Pinyin initials are computed here when
 * an item is saved and stored with it, so the mini-program's search is a plain substring match.
 *
 * Writes are idempotent by the client's requestId: a new item is `pi_<requestId>`, and a change
 * records the last requestId that made it. A change is compare-and-set on `version` (CONFLICT when
 * someone else changed the item meanwhile) and keeps who and when. Items are never deleted: a bill
 * keeps its own copy of each line, and a retired item stays readable.
 */
import type { PriceItemView, SavePriceItemRequest, SetPriceItemActiveRequest, StaffRole } from '../../../src/api/contract'
import type { BillItem } from '../../../src/domain/bill/engine'
import { DomainError } from '../../../src/domain/errors'
import { MAX_ITEMS, nameKey, validatePriceItem, type CatalogueItem } from '../../../src/domain/pricelist/item'
import { pinyinInitials } from '../../../src/domain/pricelist/initials'
import { searchCatalogue } from '../../../src/domain/pricelist/search'
import { resolveBillItems, type BillLineInput } from '../../../src/domain/pricelist/resolve'
import type { Category } from '../../../src/domain/policy'
import { currentPolicy, type Deps } from '../deps'
import { C } from '../model'
import type { Store, TxContext } from '../ports/store'
import { createOnce } from './retry'

export interface PriceItemDoc {
  _id: string
  name: string
  /** Case, width and spacing folded: one item per name (domain nameKey). */
  nameKey: string
  category: Category
  priceFen: number
  active: boolean
  initials: string
  version: number
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  /** The request that made the last change: its retry answers without changing anything again. */
  lastRequestId: string
}

export interface Editor { staffId: string; role: StaffRole }

export const viewOf = (d: PriceItemDoc): PriceItemView => ({
  itemId: d._id, name: d.name, category: d.category, priceFen: d.priceFen, active: d.active, initials: d.initials, version: d.version, updatedAt: d.updatedAt,
})

/** The catalogue as the bill rules read it (resolveBillItems). */
export const catalogueItem = (d: PriceItemDoc): CatalogueItem => ({ id: d._id, name: d.name, category: d.category, priceFen: d.priceFen, active: d.active, initials: d.initials })

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN')

/**
 * A bill's lines as BillItems (issue 13: the catalogue decides name, price and category; free text
 * only for the director and admin). Reads only the items the lines name, by id, so it works inside a
 * transaction too (no queries there) and costs at most one read per distinct item.
 */
export async function resolveBillLines(reader: Pick<Store | TxContext, 'get'>, lines: readonly BillLineInput[], role: StaffRole): Promise<BillItem[]> {
  const ids = [...new Set(lines.flatMap((l) => ('itemId' in l && typeof l.itemId === 'string' ? [l.itemId] : [])))]
  const found = await Promise.all(ids.map((id) => reader.get<PriceItemDoc>(C.priceItems, id)))
  return resolveBillItems(lines, found.flatMap((d) => (d ? [catalogueItem(d)] : [])), role)
}

/** Every item, retired ones too: one store page (the list is capped at MAX_ITEMS). */
export async function allPriceItems(store: Store): Promise<PriceItemDoc[]> {
  return store.query<PriceItemDoc>(C.priceItems, { limit: MAX_ITEMS })
}

export async function listPriceItems(deps: Deps, i: { includeInactive?: boolean }): Promise<PriceItemView[]> {
  const all = await allPriceItems(deps.store)
  return all.filter((d) => i.includeInactive || d.active).sort(byName).map(viewOf)
}

export async function searchPriceItems(deps: Deps, i: { query: string; limit?: number }): Promise<PriceItemView[]> {
  const all = await allPriceItems(deps.store)
  const byId = new Map(all.map((d) => [d._id, d]))
  return searchCatalogue(all.map(catalogueItem), i.query, i.limit ?? 20).map((c) => viewOf(byId.get(c.id)!))
}

/** Another item already holding this name (case and spacing folded), or null. */
async function nameTaken(store: Store, key: string, except?: string): Promise<boolean> {
  const same = await store.query<PriceItemDoc>(C.priceItems, { where: { nameKey: key }, limit: 2 })
  return same.some((d) => d._id !== except)
}

const sameFields = (d: PriceItemDoc, f: { name: string; category: Category; priceFen: number; active: boolean }) =>
  d.name === f.name && d.category === f.category && d.priceFen === f.priceFen && d.active === f.active

/** Create (no itemId) or change one item. */
export async function savePriceItem(deps: Deps, editor: Editor, i: SavePriceItemRequest): Promise<PriceItemView> {
  const fields = validatePriceItem(i, await currentPolicy(deps.store))
  return i.itemId ? changeItem(deps, editor, i.itemId, i.version, i.requestId, fields) : createItem(deps, editor, i.requestId, fields)
}

async function createItem(deps: Deps, editor: Editor, requestId: string, f: ReturnType<typeof validatePriceItem>): Promise<PriceItemView> {
  const _id = `pi_${requestId}`
  const replay = async (): Promise<PriceItemView | null> => {
    const d = await deps.store.get<PriceItemDoc>(C.priceItems, _id)
    if (!d) return null
    if (d.createdBy !== editor.staffId || d.nameKey !== nameKey(f.name)) throw new DomainError('REQUEST_ID_REUSED')
    return viewOf(d)
  }
  const earlier = await replay()
  if (earlier) return earlier
  const key = nameKey(f.name)
  if (await nameTaken(deps.store, key)) throw new DomainError('PRICE_ITEM_DUPLICATE', { name: f.name })
  if ((await deps.store.count(C.priceItems)) >= MAX_ITEMS) throw new DomainError('PRICE_LIST_FULL', { max: MAX_ITEMS })
  const at = deps.clock.now().toISOString()
  const doc: PriceItemDoc = {
    _id, ...f, nameKey: key, initials: pinyinInitials(f.name), version: 0,
    createdAt: at, createdBy: editor.staffId, updatedAt: at, updatedBy: editor.staffId, lastRequestId: requestId,
  }
  // The same tap may land from another call meanwhile: that one's answer is this one's.
  return (await createOnce(deps.store, C.priceItems, doc, replay)) ?? viewOf(doc)
}

async function changeItem(deps: Deps, editor: Editor, itemId: string, version: number | undefined, requestId: string, f: ReturnType<typeof validatePriceItem>): Promise<PriceItemView> {
  const d = await deps.store.get<PriceItemDoc>(C.priceItems, itemId)
  if (!d) throw new DomainError('PRICE_ITEM_NOT_FOUND', { itemId })
  if (d.lastRequestId === requestId) return viewOf(d) // a retry of the change that made this version
  if (version === undefined) throw new DomainError('VALIDATION', { field: 'version' })
  if (d.version !== version) throw new DomainError('CONFLICT', { itemId, version: d.version })
  if (sameFields(d, f)) return viewOf(d)
  const key = nameKey(f.name)
  if (key !== d.nameKey && await nameTaken(deps.store, key, itemId)) throw new DomainError('PRICE_ITEM_DUPLICATE', { name: f.name })
  return writeChange(deps, editor, d, requestId, { ...f, nameKey: key, initials: key === d.nameKey && f.name === d.name ? d.initials : pinyinInitials(f.name) })
}

/** Compare-and-set on the version the change was made against; the answer is the item after. */
async function writeChange(deps: Deps, editor: Editor, d: PriceItemDoc, requestId: string, set: Partial<PriceItemDoc>): Promise<PriceItemView> {
  const at = deps.clock.now().toISOString()
  const patch = { ...set, updatedAt: at, updatedBy: editor.staffId, lastRequestId: requestId }
  if (!(await deps.store.updateIf(C.priceItems, d._id, { version: d.version }, { set: patch, inc: { version: 1 } }))) {
    throw new DomainError('CONFLICT', { itemId: d._id })
  }
  return viewOf({ ...d, ...patch, version: d.version + 1 })
}

/** Retire an item (no longer offered; old bills keep their lines) or offer it again. */
export async function setPriceItemActive(deps: Deps, editor: Editor, i: SetPriceItemActiveRequest): Promise<PriceItemView> {
  const d = await deps.store.get<PriceItemDoc>(C.priceItems, i.itemId)
  if (!d) throw new DomainError('PRICE_ITEM_NOT_FOUND', { itemId: i.itemId })
  if (d.lastRequestId === i.requestId || d.active === i.active) return viewOf(d)
  if (d.version !== i.version) throw new DomainError('CONFLICT', { itemId: d._id, version: d.version })
  if (i.active && d.category === 'membership_fee') validatePriceItem(d, await currentPolicy(deps.store)) // M1: still the policy's fee
  return writeChange(deps, editor, d, i.requestId, { active: i.active })
}
