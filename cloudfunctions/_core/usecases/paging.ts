import { MAX_PAGE, type Doc, type Query, type Store } from '../ports/store'

/** Every document matching `q`, a page of at most 1000 at a time (CloudBase's limit). */
export async function* pages<T extends Doc>(store: Store, coll: string, q: Omit<Query, 'limit' | 'skip'>): AsyncGenerator<T[]> {
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.query<T>(coll, { ...q, limit: MAX_PAGE, skip })
    if (page.length) yield page
    if (page.length < MAX_PAGE) return
  }
}
