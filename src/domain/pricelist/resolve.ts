/**
 * Bill items come from the price list (issue 13 item 1; M2, F4): the desk names a catalogue item and
 * a quantity, and the catalogue gives the name, the price and — above all — the category, which
 * decides the member discount and what a friend card, coupon or bonus may pay. A mis-tagged
 * special-price item would otherwise get the member discount or be paid by a friend card.
 * Only the director and admin may bill a line that is not in the catalogue (a one-off), typing
 * its name, category and amount themselves.
 */
import type { StaffRole } from '../../api/contract'
import type { BillItem } from '../bill/engine'
import { DomainError } from '../errors'
import { isCategory, MAX_NAME, MAX_PRICE_FEN, cleanName, type CatalogueItem } from './item'

/** A line from the price list: the item and how many (default 1). */
export interface CatalogueLine { itemId: string; quantity?: number }
/** A one-off line, typed by a director or admin. */
export interface FreeTextLine { name: string; category: string; amountFen: number }
export type BillLineInput = CatalogueLine | FreeTextLine

/** Who may bill a line that is not in the catalogue. */
export const FREE_TEXT_ROLES: readonly StaffRole[] = ['director', 'admin']
export const MAX_QUANTITY = 99

const invalid = (index: number, why: string, zh: string, en: string): DomainError =>
  new DomainError('BILL_LINE_INVALID', { line: index, why }, { zh: `第 ${index + 1} 项：${zh}`, en: `Line ${index + 1}: ${en}` })

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k) && (o as Record<string, unknown>)[k] !== undefined

function fromCatalogue(line: CatalogueLine, index: number, byId: ReadonlyMap<string, CatalogueItem>): BillItem {
  // The category (and name and amount) of a catalogue line are the catalogue's: a line that sends its own is refused, not corrected.
  if (has(line, 'category') || has(line, 'amountFen') || has(line, 'name')) {
    throw invalid(index, 'catalogue_line_with_fields', '价目表项目的名称、类别和价格由价目表决定', 'a price list line takes its name, category and price from the price list')
  }
  const q = line.quantity ?? 1
  if (!Number.isSafeInteger(q) || q < 1 || q > MAX_QUANTITY) throw invalid(index, 'quantity', `数量须为 1–${MAX_QUANTITY} 的整数`, `the quantity must be a whole number from 1 to ${MAX_QUANTITY}`)
  const item = byId.get(line.itemId)
  if (!item) throw new DomainError('PRICE_ITEM_NOT_FOUND', { line: index, itemId: line.itemId })
  if (!item.active) throw new DomainError('PRICE_ITEM_INACTIVE', { line: index, itemId: item.id, name: item.name })
  const amountFen = item.priceFen * q
  if (amountFen > MAX_PRICE_FEN) throw invalid(index, 'amount', '金额超过 1,000,000，请核对数量', 'the amount is above 1,000,000; check the quantity')
  return { name: q > 1 ? `${item.name} ×${q}` : item.name, category: item.category, amountFen }
}

function freeText(line: FreeTextLine, index: number, role: StaffRole): BillItem {
  if (!FREE_TEXT_ROLES.includes(role)) throw new DomainError('BILL_FREE_TEXT_FORBIDDEN', { line: index })
  const name = typeof line.name === 'string' ? cleanName(line.name) : ''
  if (!name || name.length > MAX_NAME) throw invalid(index, 'name', `名称须为 1–${MAX_NAME} 个字`, `the name must be 1 to ${MAX_NAME} characters`)
  if (!isCategory(line.category)) throw invalid(index, 'category', '请选择类别', 'choose a category')
  const a = line.amountFen
  if (!Number.isSafeInteger(a) || a <= 0 || a > MAX_PRICE_FEN) throw invalid(index, 'amount', '金额须大于 0 且不超过 1,000,000', 'the amount must be more than zero and at most 1,000,000')
  return { name, category: line.category, amountFen: a }
}

/**
 * The bill's items from what the desk sent, in order; refuses the whole bill on the first bad line
 * (typed error, `details.line` its index). `catalogue`: the price list (inactive items included, so
 * a stale pick is told apart from an unknown id).
 */
export function resolveBillItems(lines: readonly BillLineInput[], catalogue: readonly CatalogueItem[], role: StaffRole): BillItem[] {
  if (lines.length === 0) throw new DomainError('BILL_EMPTY')
  const byId = new Map(catalogue.map((i) => [i.id, i]))
  return lines.map((line, index) => (has(line, 'itemId')
    ? fromCatalogue(line as CatalogueLine, index, byId)
    : freeText(line as FreeTextLine, index, role)))
}
