/**
 * The store contract: what every Store adapter must do, checked the same way against each one
 * (embedded SQLite always; CloudBase when credentials are given). The point of the port is that
 * nothing passes locally that would fail in production, so besides the port's own promises this
 * suite also pins the MongoDB value semantics CloudBase has (last `describe`).
 *
 * Safe on a shared real environment: a handful of fixed collection names (`contract_*`, so a run
 * does not use up the environment's collection quota), every id prefixed with a per-run id, every
 * query and count filtered by that run id, and every document the suite wrote deleted afterwards.
 */
import { describeIsolation } from './isolation-contract'
import { MAX_PAGE, StoreError, isStoreError, type Doc, type Store, type StoreErrorCode, type Where } from '../../cloudfunctions/_core/ports/store'

/** Long enough for a remote environment (the paging test writes 2500 documents). */
const T = 180_000
const SEED_T = 900_000
const PAGE_DOCS = 2500

type Row = Doc & Record<string, unknown>

/** Retries `fn` while it fails with StoreError('CONFLICT'), up to `attempts` times in all. */
export async function retryOnConflict<R>(fn: () => Promise<R>, attempts = 30): Promise<R> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT') || i >= attempts) throw e
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * Math.min(i, 5)))
    }
  }
}

/** Runs `fn` over `items`, at most `width` at a time. */
async function pool<I>(items: I[], width: number, fn: (item: I) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
}

async function storeErrorCode(p: Promise<unknown>): Promise<StoreErrorCode> {
  try {
    await p
  } catch (e) {
    if (e instanceof StoreError) return e.code
    throw e
  }
  throw new Error('expected a StoreError, but the call succeeded')
}

export function describeStoreContract(name: string, open: () => Promise<Store>, close?: (s: Store) => Promise<void>): void {
  const RUN = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  const C = {
    docs: 'contract_docs',
    query: 'contract_query',
    page: 'contract_page',
    tx: 'contract_tx',
    never: `contract_none_${RUN}`, // read, never written
  }
  const id = (label: string) => `${RUN}_${label}`
  const label = (d: Doc) => d._id.slice(RUN.length + 1)
  const labels = (ds: Doc[]) => ds.map(label)
  const sorted = (ds: Doc[]) => labels(ds).sort()

  let store: Store
  const written = new Map<string, Set<string>>()
  const track = (coll: string, docId: string) => {
    if (!written.has(coll)) written.set(coll, new Set())
    written.get(coll)!.add(docId)
  }
  const put = async (coll: string, doc: Row) => {
    track(coll, doc._id)
    await store.create(coll, doc)
  }

  describe(`Store contract: ${name}`, () => {
    beforeAll(async () => {
      store = await open()
    }, T)

    afterAll(async () => {
      if (!store) return
      try {
        for (const [coll, ids] of written) await pool([...ids], 20, (docId) => store.delete(coll, docId).catch(() => undefined))
      } finally {
        if (close) await close(store)
        else await store.close?.()
      }
    }, SEED_T)

    describe('documents', () => {
      test('create/get round trip keeps nested objects, arrays, numbers, booleans and null', async () => {
        const doc = {
          _id: id('roundtrip'),
          run: RUN,
          text: '牙友 — 😀',
          empty: '',
          int: 42,
          negative: -7,
          zero: 0,
          float: 1.5,
          big: 1_700_000_000_123,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', { three: 3 }, [4, [5]], null, false],
          emptyList: [],
          nested: { a: { b: { c: 'deep', n: 2.25 } }, emptyObject: {} },
        }
        await put(C.docs, doc)
        expect(await store.get(C.docs, doc._id)).toEqual(doc)
      }, T)

      test('get of a missing id → null; a never-written collection reads empty', async () => {
        expect(await store.get(C.docs, id('missing'))).toBeNull()
        expect(await store.get(C.never, id('x'))).toBeNull()
        expect(await store.query(C.never, { where: { run: RUN } })).toEqual([])
        expect(await store.count(C.never, { run: RUN })).toBe(0)
      }, T)

      test('create of an existing _id → DUPLICATE, and the stored document is unchanged', async () => {
        const first = { _id: id('dup'), run: RUN, v: 1, keep: { me: true } }
        await put(C.docs, first)
        expect(await storeErrorCode(store.create(C.docs, { _id: first._id, run: RUN, v: 2 }))).toBe('DUPLICATE')
        expect(await store.get(C.docs, first._id)).toEqual(first)
      }, T)

      test('set replaces the whole document, and creates it when absent', async () => {
        const docId = id('set')
        track(C.docs, docId)
        await store.set(C.docs, { _id: docId, run: RUN, a: 1, b: { c: 1, d: 1 } })
        expect(await store.get(C.docs, docId)).toEqual({ _id: docId, run: RUN, a: 1, b: { c: 1, d: 1 } })
        await store.set(C.docs, { _id: docId, run: RUN, b: { d: 2 } })
        expect(await store.get(C.docs, docId)).toEqual({ _id: docId, run: RUN, b: { d: 2 } })
      }, T)

      test('delete removes; deleting a missing document is not an error', async () => {
        await put(C.docs, { _id: id('del'), run: RUN })
        await store.delete(C.docs, id('del'))
        expect(await store.get(C.docs, id('del'))).toBeNull()
        await expect(store.delete(C.docs, id('del'))).resolves.toBeUndefined()
      }, T)
    })

    describe('updateIf (compare-and-set)', () => {
      test('a matching expectation → true: fields set (dotted paths inside objects), inc adds, inc creates a missing number', async () => {
        const docId = id('cas_ok')
        await put(C.docs, { _id: docId, run: RUN, version: 1, balance: 10, profile: { name: 'A', city: 'Chengdu' } })
        const ok = await store.updateIf(C.docs, docId, { version: 1 }, {
          set: { version: 2, 'profile.city': 'Chongqing', status: 'active' },
          inc: { balance: 5.5, 'stats.visits': 1 },
        })
        expect(ok).toBe(true)
        expect(await store.get(C.docs, docId)).toEqual({
          _id: docId, run: RUN, version: 2, balance: 15.5, status: 'active',
          profile: { name: 'A', city: 'Chongqing' }, stats: { visits: 1 },
        })
      }, T)

      test('set of an object value replaces that object (no merge); of {} and [] too', async () => {
        const docId = id('cas_replace')
        await put(C.docs, { _id: docId, run: RUN, profile: { name: 'A', city: 'X' }, tags: ['a', 'b'], meta: { k: 1 } })
        expect(await store.updateIf(C.docs, docId, {}, { set: { profile: { name: 'B' }, tags: [], meta: {} } })).toBe(true)
        expect(await store.get(C.docs, docId)).toEqual({ _id: docId, run: RUN, profile: { name: 'B' }, tags: [], meta: {} })
      }, T)

      test('a stale expectation → false and nothing changes; a missing id → false', async () => {
        const docId = id('cas_stale')
        const doc = { _id: docId, run: RUN, version: 3, n: 1 }
        await put(C.docs, doc)
        expect(await store.updateIf(C.docs, docId, { version: 2 }, { set: { version: 4 }, inc: { n: 1 } })).toBe(false)
        expect(await store.updateIf(C.docs, docId, { version: 3, 'owner.kind': 'patient' }, { inc: { n: 1 } })).toBe(false)
        expect(await store.get(C.docs, docId)).toEqual(doc)
        expect(await store.updateIf(C.docs, id('cas_nobody'), {}, { set: { x: 1 } })).toBe(false)
        expect(await store.get(C.docs, id('cas_nobody'))).toBeNull()
      }, T)

      test('set with undefined removes the field (top level and dotted)', async () => {
        const docId = id('cas_unset')
        await put(C.docs, { _id: docId, run: RUN, a: 1, b: 2, nested: { x: 1, y: 2 } })
        expect(await store.updateIf(C.docs, docId, { a: 1 }, { set: { a: undefined, 'nested.x': undefined } })).toBe(true)
        expect(await store.get(C.docs, docId)).toEqual({ _id: docId, run: RUN, b: 2, nested: { y: 2 } })
      }, T)

      test('a patch that changes nothing on a matching document still → true', async () => {
        const docId = id('cas_noop')
        const doc = { _id: docId, run: RUN, state: 'open', flag: true }
        await put(C.docs, doc)
        expect(await store.updateIf(C.docs, docId, { state: 'open' }, { set: { flag: true } })).toBe(true)
        expect(await store.updateIf(C.docs, docId, { state: 'open' }, {})).toBe(true)
        expect(await store.updateIf(C.docs, docId, { state: 'closed' }, {})).toBe(false)
        expect(await store.get(C.docs, docId)).toEqual(doc)
      }, T)

      test('inc is atomic: 30 concurrent increments all land', async () => {
        const docId = id('cas_inc')
        await put(C.docs, { _id: docId, run: RUN, n: 0 })
        const results = await Promise.all(Array.from({ length: 30 }, () => store.updateIf(C.docs, docId, {}, { inc: { n: 1 } })))
        expect(results.every(Boolean)).toBe(true)
        expect((await store.get<Row>(C.docs, docId))!.n).toBe(30)
      }, T)

      test('50 concurrent updateIf with the same expected version → exactly one true', async () => {
        const docId = id('cas_race')
        await put(C.docs, { _id: docId, run: RUN, version: 7, owner: 'none' })
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
          store.updateIf(C.docs, docId, { version: 7 }, { set: { version: 8, owner: `w${i}` } })))
        expect(results.filter(Boolean)).toHaveLength(1)
        const winner = results.indexOf(true)
        expect(await store.get(C.docs, docId)).toEqual({ _id: docId, run: RUN, version: 8, owner: `w${winner}` })
      }, T)
    })

    describe('query and count', () => {
      const base = { run: RUN, kind: 'ops' }
      const q = (where: Where) => store.query(C.query, { where: { ...base, ...where }, limit: MAX_PAGE })

      beforeAll(async () => {
        await pool([
          { _id: id('q1'), ...base, n: 1, s: 'a', b: true, g: 'x', nested: { k: 'p', d: { v: 1 } }, opt: 'here' },
          { _id: id('q2'), ...base, n: 2, s: 'b', b: false, g: 'x', nested: { k: 'q' }, opt: null },
          { _id: id('q3'), ...base, n: 3, s: 'c', b: true, g: 'y', nested: { k: 'p' } },
          { _id: id('q4'), ...base, n: 4, s: 'd', b: false, g: 'y' },
          { _id: id('q5'), ...base, n: 5, s: 'e', b: true, g: 'y', opt: 'here' },
        ], 5, (d) => put(C.query, d))
      }, T)

      test('equality, bare and $eq', async () => {
        expect(sorted(await q({ g: 'x' }))).toEqual(['q1', 'q2'])
        expect(sorted(await q({ n: { $eq: 3 } }))).toEqual(['q3'])
        expect(sorted(await q({ b: true }))).toEqual(['q1', 'q3', 'q5'])
        expect(sorted(await q({ b: { $eq: false } }))).toEqual(['q2', 'q4'])
      }, T)

      test('$ne (a document without the field is "not equal")', async () => {
        expect(sorted(await q({ g: { $ne: 'x' } }))).toEqual(['q3', 'q4', 'q5'])
        expect(sorted(await q({ 'nested.k': { $ne: 'p' } }))).toEqual(['q2', 'q4', 'q5'])
      }, T)

      test('$gt $gte $lt $lte, alone and as a range, on numbers and strings', async () => {
        expect(sorted(await q({ n: { $gt: 3 } }))).toEqual(['q4', 'q5'])
        expect(sorted(await q({ n: { $gte: 3 } }))).toEqual(['q3', 'q4', 'q5'])
        expect(sorted(await q({ n: { $lt: 2 } }))).toEqual(['q1'])
        expect(sorted(await q({ n: { $lte: 2 } }))).toEqual(['q1', 'q2'])
        expect(sorted(await q({ n: { $gt: 1, $lt: 5 } }))).toEqual(['q2', 'q3', 'q4'])
        expect(sorted(await q({ s: { $gte: 'c' } }))).toEqual(['q3', 'q4', 'q5'])
        expect(sorted(await q({ s: { $gt: 'a', $lte: 'c' } }))).toEqual(['q2', 'q3'])
      }, T)

      test('$in', async () => {
        expect(sorted(await q({ n: { $in: [1, 4, 9] } }))).toEqual(['q1', 'q4'])
        expect(sorted(await q({ s: { $in: ['b', 'e'] } }))).toEqual(['q2', 'q5'])
        expect(sorted(await q({ n: { $in: [] } }))).toEqual([])
        expect(sorted(await q({ _id: { $in: [id('q1'), id('q3'), id('zz')] } }))).toEqual(['q1', 'q3'])
      }, T)

      test('$exists (a null value exists), also on a dotted path', async () => {
        expect(sorted(await q({ opt: { $exists: true } }))).toEqual(['q1', 'q2', 'q5'])
        expect(sorted(await q({ opt: { $exists: false } }))).toEqual(['q3', 'q4'])
        expect(sorted(await q({ 'nested.d.v': { $exists: true } }))).toEqual(['q1'])
        expect(sorted(await q({ nested: { $exists: false } }))).toEqual(['q4', 'q5'])
      }, T)

      test('dotted paths; equality with null matches null and missing; several fields are ANDed', async () => {
        expect(sorted(await q({ 'nested.k': 'p' }))).toEqual(['q1', 'q3'])
        expect(sorted(await q({ 'nested.d.v': 1 }))).toEqual(['q1'])
        expect(sorted(await q({ opt: null }))).toEqual(['q2', 'q3', 'q4'])
        expect(sorted(await q({ g: 'y', b: true }))).toEqual(['q3', 'q5'])
        expect(sorted(await q({ g: 'y', n: { $lt: 5 }, 'nested.k': { $exists: true } }))).toEqual(['q3'])
      }, T)

      test('count, with and without conditions', async () => {
        expect(await store.count(C.query, base)).toBe(5)
        expect(await store.count(C.query, { ...base, b: true })).toBe(3)
        expect(await store.count(C.query, { ...base, n: { $gte: 2, $lte: 4 } })).toBe(3)
        expect(await store.count(C.query, { ...base, g: 'nope' })).toBe(0)
        expect(await store.count(C.query)).toBeGreaterThanOrEqual(5)
      }, T)

      test('orderBy on two fields, asc/desc', async () => {
        const kind = { run: RUN, kind: 'order' }
        await pool([
          { _id: id('o1'), ...kind, g: 1, v: 'b' },
          { _id: id('o2'), ...kind, g: 1, v: 'a' },
          { _id: id('o3'), ...kind, g: 2, v: 'c' },
          { _id: id('o4'), ...kind, g: 2, v: 'a' },
          { _id: id('o5'), ...kind, g: 0, v: 'z' },
          { _id: id('o6'), ...kind, g: 2, v: 'b' },
        ], 6, (d) => put(C.query, d))
        expect(labels(await store.query(C.query, { where: kind, orderBy: [['g', 'asc'], ['v', 'desc']] }))).toEqual(['o5', 'o1', 'o2', 'o3', 'o6', 'o4'])
        expect(labels(await store.query(C.query, { where: kind, orderBy: [['g', 'desc'], ['v', 'asc']] }))).toEqual(['o4', 'o6', 'o3', 'o2', 'o1', 'o5'])
        expect(labels(await store.query(C.query, { where: kind, orderBy: [['v', 'asc'], ['g', 'asc']], limit: 3 }))).toEqual(['o2', 'o4', 'o1'])
        expect(labels(await store.query(C.query, { where: kind, orderBy: [['g', 'asc'], ['v', 'asc']], skip: 4, limit: 10 }))).toEqual(['o6', 'o3'])
      }, T)
    })

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
          const page = await store.query<Row>(C.page, { where, orderBy: [['i', 'asc']], skip, limit: MAX_PAGE })
          sizes.push(page.length)
          seen.push(...page.map((d) => d.i as number))
          if (page.length < MAX_PAGE) break
        }
        expect(sizes).toEqual([1000, 1000, 500])
        expect(seen).toEqual(Array.from({ length: PAGE_DOCS }, (_, i) => i))

        const lastDesc = await store.query<Row>(C.page, { where, orderBy: [['i', 'desc']], skip: 2000, limit: MAX_PAGE })
        expect(lastDesc.map((d) => d.i)).toEqual(Array.from({ length: 500 }, (_, k) => 499 - k))
      }, T)

      test('without orderBy, pages are still stable: disjoint and complete', async () => {
        const ids = new Set<string>()
        let total = 0
        for (let skip = 0; skip < PAGE_DOCS; skip += MAX_PAGE) {
          const page = await store.query(C.page, { where, skip, limit: MAX_PAGE })
          total += page.length
          for (const d of page) ids.add(d._id)
        }
        expect(total).toBe(PAGE_DOCS)
        expect(ids.size).toBe(PAGE_DOCS)
      }, T)

      test('the default page is 100; count sees all', async () => {
        expect(await store.query(C.page, { where })).toHaveLength(100)
        expect(await store.count(C.page, where)).toBe(PAGE_DOCS)
        expect(await store.count(C.page, { ...where, odd: true, i: { $gte: 2000 } })).toBe(250)
      }, T)

      test('a limit above 1000 (or below 1) is refused with LIMIT', async () => {
        expect(await storeErrorCode(store.query(C.page, { where, limit: MAX_PAGE + 1 }))).toBe('LIMIT')
        expect(await storeErrorCode(store.query(C.page, { where, limit: 0 }))).toBe('LIMIT')
      }, T)
    })

    describe('transactions', () => {
      test('commit: every write lands, and the callback’s value is returned', async () => {
        const [a, gone, fresh, replaced] = [id('tx_a'), id('tx_gone'), id('tx_fresh'), id('tx_replaced')]
        await put(C.tx, { _id: a, run: RUN, n: 1 })
        await put(C.tx, { _id: gone, run: RUN })
        await put(C.tx, { _id: replaced, run: RUN, old: true })
        track(C.tx, fresh)
        const out = await store.transaction(async (tx) => {
          const doc = await tx.get<Row>(C.tx, a)
          await tx.update(C.tx, a, { inc: { n: 1 }, set: { touched: true } })
          await tx.create(C.tx, { _id: fresh, run: RUN, from: doc!.n })
          await tx.set(C.tx, { _id: replaced, run: RUN, new: true })
          await tx.delete(C.tx, gone)
          return 'done'
        })
        expect(out).toBe('done')
        expect(await store.get(C.tx, a)).toEqual({ _id: a, run: RUN, n: 2, touched: true })
        expect(await store.get(C.tx, fresh)).toEqual({ _id: fresh, run: RUN, from: 1 })
        expect(await store.get(C.tx, replaced)).toEqual({ _id: replaced, run: RUN, new: true })
        expect(await store.get(C.tx, gone)).toBeNull()
      }, T)

      test('a transaction sees its own writes', async () => {
        const x = id('tx_own')
        await put(C.tx, { _id: x, run: RUN, v: 1 })
        const seen = await store.transaction(async (tx) => {
          await tx.update(C.tx, x, { set: { v: 2 } })
          const after = await tx.get<Row>(C.tx, x)
          await tx.delete(C.tx, x)
          const deleted = await tx.get(C.tx, x)
          return { v: after!.v, deleted }
        })
        expect(seen).toEqual({ v: 2, deleted: null })
        expect(await store.get(C.tx, x)).toBeNull()
      }, T)

      test('a callback that throws midway: none of its writes land, and its error propagates', async () => {
        const [m, other] = [id('tx_m'), id('tx_m_new')]
        await put(C.tx, { _id: m, run: RUN, n: 1 })
        track(C.tx, other)
        const stop = new Error('stop here')
        await expect(store.transaction(async (tx) => {
          await tx.update(C.tx, m, { set: { n: 2 } })
          await tx.create(C.tx, { _id: other, run: RUN })
          throw stop
        })).rejects.toBe(stop)
        expect(await store.get(C.tx, m)).toEqual({ _id: m, run: RUN, n: 1 })
        expect(await store.get(C.tx, other)).toBeNull()
      }, T)

      test('create of an existing id → DUPLICATE, and the transaction is rolled back', async () => {
        const [e, other] = [id('tx_e'), id('tx_e_other')]
        await put(C.tx, { _id: e, run: RUN, v: 'original' })
        track(C.tx, other)
        expect(await storeErrorCode(store.transaction(async (tx) => {
          await tx.set(C.tx, { _id: other, run: RUN })
          await tx.update(C.tx, e, { set: { v: 'changed' } })
          await tx.create(C.tx, { _id: e, run: RUN, v: 'again' })
        }))).toBe('DUPLICATE')
        expect(await store.get(C.tx, other)).toBeNull()
        expect(await store.get(C.tx, e)).toEqual({ _id: e, run: RUN, v: 'original' })
      }, T)

      test('update of a missing document inside a transaction → NOT_FOUND', async () => {
        expect(await storeErrorCode(store.transaction((tx) => tx.update(C.tx, id('tx_nobody'), { set: { a: 1 } })))).toBe('NOT_FOUND')
      }, T)

      test('50 concurrent transactions each doing get + update on one counter → 50 (retrying on CONFLICT)', async () => {
        const counter = id('tx_counter')
        await put(C.tx, { _id: counter, run: RUN, n: 0 })
        let conflicts = 0
        await Promise.all(Array.from({ length: 50 }, () => retryOnConflict(async () => {
          try {
            await store.transaction(async (tx) => {
              const c = await tx.get<Row>(C.tx, counter)
              await tx.update(C.tx, counter, { set: { n: (c!.n as number) + 1 } })
            })
          } catch (e) {
            if (isStoreError(e, 'CONFLICT')) conflicts++
            throw e
          }
        }, 60)))
        expect((await store.get<Row>(C.tx, counter))!.n).toBe(50)
        expect(conflicts).toBeGreaterThanOrEqual(0) // adapters may serialise (0) or conflict (>0)
      }, T)
    })

    describeIsolation({ store: () => store, id, put, coll: C.tx, run: RUN, timeout: T })

    describe('value semantics as on CloudBase (MongoDB)', () => {
      const base = { run: RUN, kind: 'types' }
      const q = (where: Where) => store.query(C.query, { where: { ...base, ...where }, limit: MAX_PAGE })

      beforeAll(async () => {
        await pool([
          { _id: id('t_one'), ...base, v: 1 },
          { _id: id('t_true'), ...base, v: true },
          { _id: id('t_text'), ...base, v: 'abc' },
          { _id: id('t_ten'), ...base, v: 10 },
          { _id: id('t_null'), ...base, v: null },
          { _id: id('t_missing'), ...base },
          { _id: id('t_zero'), ...base, v: 0 },
          { _id: id('t_false'), ...base, v: false },
        ], 8, (d) => put(C.query, d))
      }, T)

      test('equality does not mix booleans and numbers', async () => {
        expect(sorted(await q({ v: 1 }))).toEqual(['t_one'])
        expect(sorted(await q({ v: true }))).toEqual(['t_true'])
        expect(sorted(await q({ v: 0 }))).toEqual(['t_zero'])
        expect(sorted(await q({ v: { $eq: false } }))).toEqual(['t_false'])
      }, T)

      test('range operators compare only values of the same type', async () => {
        expect(sorted(await q({ v: { $gt: 0 } }))).toEqual(['t_one', 't_ten'])
        expect(sorted(await q({ v: { $gte: 'a' } }))).toEqual(['t_text'])
        expect(sorted(await q({ v: { $lt: 5 } }))).toEqual(['t_one', 't_zero'])
      }, T)

      test('$in with null matches null and missing', async () => {
        expect(sorted(await q({ v: { $in: [null, 10] } }))).toEqual(['t_missing', 't_null', 't_ten'])
      }, T)

      test('$in with values of several types matches each only within its own type', async () => {
        expect(sorted(await q({ v: { $in: [1, false, 'abc'] } }))).toEqual(['t_false', 't_one', 't_text'])
        expect(sorted(await q({ v: { $in: [true] } }))).toEqual(['t_true'])
        expect(sorted(await q({ v: { $in: [0, '1', 'true'] } }))).toEqual(['t_zero'])
      }, T)

      test('a patch that touches one path twice is refused (BAD_QUERY), nothing changes', async () => {
        const docId = id('t_patch')
        await put(C.docs, { _id: docId, run: RUN, n: 1, a: { b: 1 } })
        expect(await storeErrorCode(store.updateIf(C.docs, docId, {}, { set: { n: 5 }, inc: { n: 1 } }))).toBe('BAD_QUERY')
        expect(await storeErrorCode(store.updateIf(C.docs, docId, {}, { set: { a: {} }, inc: { 'a.b': 1 } }))).toBe('BAD_QUERY')
        expect(await store.get(C.docs, docId)).toEqual({ _id: docId, run: RUN, n: 1, a: { b: 1 } })
      }, T)
    })
  })
}
