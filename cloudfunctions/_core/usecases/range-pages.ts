/**
 * Issue 14: range paging on an indexed sort key. Each page starts at the last key of the previous
 * one (`$gte`/`$lte`), never at an offset: CloudBase (and SQLite) walk every skipped document, so
 * skip-paging a report costs more the longer the history. Documents sharing the boundary key are
 * returned once (their ids are remembered); a run of equal keys longer than a page is walked by id.
 */
import { MAX_PAGE, type Cond, type Doc, type Scalar, type Store, type Where } from '../ports/store'

export interface RangeQuery {
  where: Where
  /** The sort key: an indexed field whose values are strings or numbers (never missing). */
  key: string
  dir: 'asc' | 'desc'
}

const asCond = (w: Scalar | Cond | undefined): Cond => (w === undefined ? {} : w !== null && typeof w === 'object' ? w : { $eq: w })
const keyOf = (d: Doc, key: string) => (d as unknown as Record<string, Scalar>)[key]

/** Every document matching `q.where`, in key order, a page of at most `pageSize` at a time. */
export async function* rangePages<T extends Doc>(store: Store, coll: string, q: RangeQuery, pageSize = MAX_PAGE): AsyncGenerator<T[]> {
  let bound: Scalar | undefined
  let atBound = new Set<string>()
  for (;;) {
    const keyCond = bound === undefined ? q.where[q.key] : { ...asCond(q.where[q.key]), [q.dir === 'asc' ? '$gte' : '$lte']: bound }
    const where = keyCond === undefined ? q.where : { ...q.where, [q.key]: keyCond }
    // Ties come in id order: the store's own last sort term (CloudBase's default order by _id).
    const page = await store.query<T>(coll, { where, orderBy: [[q.key, q.dir]], limit: pageSize })
    const fresh = page.filter((d) => !(keyOf(d, q.key) === bound && atBound.has(d._id)))
    if (fresh.length) yield fresh
    if (page.length < pageSize) return
    const last = keyOf(page[page.length - 1], q.key)
    if (last === bound && !fresh.length) {
      // A whole page of one key: walk that key by id, then go strictly past it.
      yield* sameKey<T>(store, coll, { ...q.where, [q.key]: last }, page[page.length - 1]._id, pageSize)
      const strict = { ...asCond(q.where[q.key]), [q.dir === 'asc' ? '$gt' : '$lt']: last }
      yield* rangePages<T>(store, coll, { ...q, where: { ...q.where, [q.key]: strict } }, pageSize)
      return
    }
    atBound = new Set([...(last === bound ? atBound : []), ...page.filter((d) => keyOf(d, q.key) === last).map((d) => d._id)])
    bound = last
  }
}

async function* sameKey<T extends Doc>(store: Store, coll: string, where: Where, afterId: string, pageSize: number): AsyncGenerator<T[]> {
  for (let after = afterId; ;) {
    const page = await store.query<T>(coll, { where: { ...where, _id: { $gt: after } }, orderBy: [['_id', 'asc']], limit: pageSize })
    if (page.length) yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]._id
  }
}

/** All of them, in key order (a report that reads one period). */
export async function allInRange<T extends Doc>(store: Store, coll: string, q: RangeQuery): Promise<T[]> {
  const out: T[] = []
  for await (const page of rangePages<T>(store, coll, q)) out.push(...page)
  return out
}

/**
 * Documents in a total order on several keys, all descending, then `_id` descending (keyset paging,
 * for a ranking read from the top until enough are found). After the last document (v1 … vn, id),
 * the next ones have k1 = v1 … k(i−1) = v(i−1) and ki < vi: one query for each i, narrowest first,
 * so no document is read twice or passed over, and none before the cursor is walked.
 */
export async function* rankPages<T extends Doc>(store: Store, coll: string, where: Where, keys: string[], pageSize = 100): AsyncGenerator<T[]> {
  const all = [...keys, '_id']
  const orderBy = all.map((k): [string, 'desc'] => [k, 'desc'])
  let last: T | undefined
  for (;;) {
    const page: T[] = []
    if (!last) page.push(...(await store.query<T>(coll, { where, orderBy, limit: pageSize })))
    for (let i = all.length - 1; last && i >= 0 && page.length < pageSize; i--) {
      const w: Where = { ...where }
      for (let j = 0; j < i; j++) w[all[j]] = keyOf(last, all[j])
      w[all[i]] = { ...asCond(where[all[i]]), $lt: keyOf(last, all[i]) }
      page.push(...(await store.query<T>(coll, { where: w, orderBy, limit: pageSize - page.length })))
    }
    if (page.length) yield page
    if (page.length < pageSize) return
    last = page[page.length - 1]
  }
}
