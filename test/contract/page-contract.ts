/**
 * The store contract's paging (part of describeStoreContract): skip+limit pages of at most 1000
 * documents, stable without an order, the default page of 100, and LIMIT for a page out of range.
 */
import { MAX_PAGE, type Doc, type Store } from '../../cloudfunctions/_core/ports/store'
import { pool, storeErrorCode } from './contract-helpers'

type Row = Doc & Record<string, unknown>

export interface PageContractContext { store: () => Store; id: (label: string) => string; put: (coll: string, doc: Row) => Promise<void>; coll: string; run: string; docs: number; timeout: number; seedTimeout: number }

export function describePages(ctx: PageContractContext): void {
  const { id, put, run: RUN, docs: PAGE_DOCS, timeout: T, seedTimeout: SEED_T } = ctx
  const C = { page: ctx.coll }
  describe('pages', () => {
    const where = { run: RUN, kind: 'page' }

    beforeAll(async () => {
      const docs = Array.from({ length: PAGE_DOCS }, (_, i) => ({ _id: id(`p${String(i).padStart(4, '0')}`), ...where, i, odd: i % 2 === 1 }))
      await pool(docs, 25, (d) => put(C.page, d))
    }, SEED_T)

    test(`skip+limit paging over ${PAGE_DOCS} documents in ${MAX_PAGE}-document pages`, async () => {
      const seen: number[] = []
      const sizes: number[] = []
      for (let skip = 0; skip < PAGE_DOCS + MAX_PAGE; skip += MAX_PAGE) {
        const page = await ctx.store().query<Row>(C.page, { where, orderBy: [['i', 'asc']], skip, limit: MAX_PAGE })
        sizes.push(page.length)
        seen.push(...page.map((d) => d.i as number))
        if (page.length < MAX_PAGE) break
      }
      expect(sizes).toEqual([1000, 1000, 500])
      expect(seen).toEqual(Array.from({ length: PAGE_DOCS }, (_, i) => i))

      const lastDesc = await ctx.store().query<Row>(C.page, { where, orderBy: [['i', 'desc']], skip: 2000, limit: MAX_PAGE })
      expect(lastDesc.map((d) => d.i)).toEqual(Array.from({ length: 500 }, (_, k) => 499 - k))
    }, T)

    test('without orderBy, pages are still stable: disjoint and complete', async () => {
      const ids = new Set<string>()
      let total = 0
      for (let skip = 0; skip < PAGE_DOCS; skip += MAX_PAGE) {
        const page = await ctx.store().query(C.page, { where, skip, limit: MAX_PAGE })
        total += page.length
        for (const d of page) ids.add(d._id)
      }
      expect(total).toBe(PAGE_DOCS)
      expect(ids.size).toBe(PAGE_DOCS)
    }, T)

    test('the default page is 100; count sees all', async () => {
      expect(await ctx.store().query(C.page, { where })).toHaveLength(100)
      expect(await ctx.store().count(C.page, where)).toBe(PAGE_DOCS)
      expect(await ctx.store().count(C.page, { ...where, odd: true, i: { $gte: 2000 } })).toBe(250)
    }, T)

    test('a limit above 1000 (or below 1) is refused with LIMIT', async () => {
      expect(await storeErrorCode(ctx.store().query(C.page, { where, limit: MAX_PAGE + 1 }))).toBe('LIMIT')
      expect(await storeErrorCode(ctx.store().query(C.page, { where, limit: 0 }))).toBe('LIMIT')
    }, T)
  })
}
