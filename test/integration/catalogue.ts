/**
 * Issue 13 item 1: reception bills price list items, never typed ones (M2, F4). A test that needs a
 * bill of particular items puts them in the price list first (`stock`) and bills them by id
 * (`lines`), the way the desk picks them. The demo chain's own list (demo-price-list.ts) is there too.
 */
import { createHash } from 'node:crypto'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { C } from '../../cloudfunctions/_core/model'
import type { PriceItemDoc } from '../../cloudfunctions/_core/usecases/pricelist'
import type { Category } from '../../src/domain/policy'
import { nameKey } from '../../src/domain/pricelist/item'
import { pinyinInitials } from '../../src/domain/pricelist/initials'

export interface TestItem { name: string; category: string; amountFen: number }

/** One catalogue item per (name, category, price): a test's 治疗 ¥100 and 治疗 ¥1,000 are two items. */
export const itemIdOf = (i: TestItem): string =>
  `pi_t_${createHash('sha256').update(JSON.stringify([i.name, i.category, i.amountFen])).digest('hex').slice(0, 16)}`

/** The items as active price list entries (as the admin would have saved them). */
export async function stock(cloud: LocalCloud, items: readonly TestItem[]): Promise<void> {
  const at = cloud.clock.now().toISOString()
  for (const i of items) {
    const _id = itemIdOf(i)
    if (await cloud.store.get(C.priceItems, _id)) continue
    await cloud.store.set<PriceItemDoc>(C.priceItems, {
      _id, name: i.name, nameKey: nameKey(i.name), category: i.category as Category, priceFen: i.amountFen, active: true, initials: pinyinInitials(i.name),
      version: 0, createdAt: at, createdBy: 'staff_adm', updatedAt: at, updatedBy: 'staff_adm', lastRequestId: `test:${_id}`,
    })
  }
}

/** The bill lines that pick these items (stocked first). */
export async function lines(cloud: LocalCloud, items: readonly TestItem[]): Promise<Array<{ itemId: string }>> {
  await stock(cloud, items)
  return items.map((i) => ({ itemId: itemIdOf(i) }))
}

/** The line that picks an item already stocked (e.g. in beforeEach). */
export const pick = (i: TestItem, quantity?: number): { itemId: string; quantity?: number } =>
  ({ itemId: itemIdOf(i), ...(quantity === undefined ? {} : { quantity }) })

const isTyped = (l: unknown): l is TestItem => typeof l === 'object' && l !== null && 'name' in l && 'amountFen' in l && !('itemId' in l)

/**
 * A desk call as the desk now makes it: every typed line of `event.items` becomes the price list item
 * it names (stocked first). For files whose helper builds bills from typed items; a test that means
 * a typed line (the director's free text) calls the function directly.
 */
export async function picked<E extends object>(cloud: LocalCloud, event: E): Promise<E> {
  const items = (event as { items?: unknown }).items
  if (!Array.isArray(items)) return event
  await stock(cloud, items.filter(isTyped))
  return { ...event, items: items.map((l) => (isTyped(l) ? pick(l) : l)) }
}
