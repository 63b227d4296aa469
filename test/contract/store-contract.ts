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
import { describeTransactions } from './tx-contract'
import { describePages } from './page-contract'
import { pool, storeErrorCode } from './contract-helpers'
import { MAX_PAGE, type Doc, type Store, type Where } from '../../cloudfunctions/_core/ports/store'

/** Long enough for a remote environment (the paging test writes 2500 documents). */
const T = 180_000
const SEED_T = 900_000
const PAGE_DOCS = 2500

type Row = Doc & Record<string, unknown>

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

    describePages({ store: () => store, id, put, coll: C.page, run: RUN, docs: PAGE_DOCS, timeout: T, seedTimeout: SEED_T })

    describeIsolation({ store: () => store, id, put, coll: C.tx, run: RUN, timeout: T })

    describeTransactions({ store: () => store, id, put, track, sorted, colls: { tx: C.tx, query: C.query, docs: C.docs }, run: RUN, timeout: T })
  })
}
