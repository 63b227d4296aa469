/**
 * Finding an item at the desk: by part of its name ("洁牙") or by its pinyin initials ("jy").
 * Active items only. Ranked so what the person most likely means comes first: initials that start
 * with the query, then a name that starts with it, then anything containing it; ties by name.
 */
import type { CatalogueItem } from './item'

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

const collate = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Lower rank first; null when the item does not match. */
function rank(item: CatalogueItem, q: string): number | null {
  const name = norm(item.name)
  const initials = item.initials.toLowerCase()
  if (initials.startsWith(q)) return 0
  if (name.startsWith(q)) return 1
  if (name.includes(q)) return 2
  if (initials.includes(q)) return 3
  return null
}

/** Matching active items, best first, at most `limit`. An empty query lists the active items by name. */
export function searchCatalogue(items: readonly CatalogueItem[], query: string, limit = 20): CatalogueItem[] {
  const q = norm(query)
  const scored: Array<{ item: CatalogueItem; r: number }> = []
  for (const item of items) {
    if (!item.active) continue
    const r = q === '' ? 0 : rank(item, q)
    if (r !== null) scored.push({ item, r })
  }
  scored.sort((a, b) => a.r - b.r || a.item.name.length - b.item.name.length || collate(a.item.name, b.item.name))
  return scored.slice(0, limit).map((s) => s.item)
}
