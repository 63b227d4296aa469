/**
 * The store contract's transactions and value semantics (part of describeStoreContract): commit and
 * rollback, a transaction's own writes, DUPLICATE and NOT_FOUND inside one, concurrent counters
 * retried on CONFLICT — and the MongoDB value semantics CloudBase has, which the embedded store copies.
 */
import { MAX_PAGE, isStoreError, type Doc, type Store, type Where } from '../../cloudfunctions/_core/ports/store'
import { pool, retryOnConflict, storeErrorCode } from './contract-helpers'

type Row = Doc & Record<string, unknown>

export interface TxContractContext {
  store: () => Store
  id: (label: string) => string
  put: (coll: string, doc: Row) => Promise<void>
  track: (coll: string, docId: string) => void
  sorted: (ds: Doc[]) => string[]
  colls: { tx: string; query: string; docs: string }
  run: string
  timeout: number
}

export function describeTransactions(ctx: TxContractContext): void {
  const { id, put, track, sorted, run: RUN, timeout: T } = ctx
  const C = ctx.colls

  describe('transactions', () => {
    test('commit: every write lands, and the callback’s value is returned', async () => {
      const [a, gone, fresh, replaced] = [id('tx_a'), id('tx_gone'), id('tx_fresh'), id('tx_replaced')]
      await put(C.tx, { _id: a, run: RUN, n: 1 })
      await put(C.tx, { _id: gone, run: RUN })
      await put(C.tx, { _id: replaced, run: RUN, old: true })
      track(C.tx, fresh)
      const out = await ctx.store().transaction(async (tx) => {
        const doc = await tx.get<Row>(C.tx, a)
        await tx.update(C.tx, a, { inc: { n: 1 }, set: { touched: true } })
        await tx.create(C.tx, { _id: fresh, run: RUN, from: doc!.n })
        await tx.set(C.tx, { _id: replaced, run: RUN, new: true })
        await tx.delete(C.tx, gone)
        return 'done'
      })
      expect(out).toBe('done')
      expect(await ctx.store().get(C.tx, a)).toEqual({ _id: a, run: RUN, n: 2, touched: true })
      expect(await ctx.store().get(C.tx, fresh)).toEqual({ _id: fresh, run: RUN, from: 1 })
      expect(await ctx.store().get(C.tx, replaced)).toEqual({ _id: replaced, run: RUN, new: true })
      expect(await ctx.store().get(C.tx, gone)).toBeNull()
    }, T)

    test('a transaction sees its own writes', async () => {
      const x = id('tx_own')
      await put(C.tx, { _id: x, run: RUN, v: 1 })
      const seen = await ctx.store().transaction(async (tx) => {
        await tx.update(C.tx, x, { set: { v: 2 } })
        const after = await tx.get<Row>(C.tx, x)
        await tx.delete(C.tx, x)
        const deleted = await tx.get(C.tx, x)
        return { v: after!.v, deleted }
      })
      expect(seen).toEqual({ v: 2, deleted: null })
      expect(await ctx.store().get(C.tx, x)).toBeNull()
    }, T)

    test('a callback that throws midway: none of its writes land, and its error propagates', async () => {
      const [m, other] = [id('tx_m'), id('tx_m_new')]
      await put(C.tx, { _id: m, run: RUN, n: 1 })
      track(C.tx, other)
      const stop = new Error('stop here')
      await expect(ctx.store().transaction(async (tx) => {
        await tx.update(C.tx, m, { set: { n: 2 } })
        await tx.create(C.tx, { _id: other, run: RUN })
        throw stop
      })).rejects.toBe(stop)
      expect(await ctx.store().get(C.tx, m)).toEqual({ _id: m, run: RUN, n: 1 })
      expect(await ctx.store().get(C.tx, other)).toBeNull()
    }, T)

    test('create of an existing id → DUPLICATE, and the transaction is rolled back', async () => {
      const [e, other] = [id('tx_e'), id('tx_e_other')]
      await put(C.tx, { _id: e, run: RUN, v: 'original' })
      track(C.tx, other)
      expect(await storeErrorCode(ctx.store().transaction(async (tx) => {
        await tx.set(C.tx, { _id: other, run: RUN })
        await tx.update(C.tx, e, { set: { v: 'changed' } })
        await tx.create(C.tx, { _id: e, run: RUN, v: 'again' })
      }))).toBe('DUPLICATE')
      expect(await ctx.store().get(C.tx, other)).toBeNull()
      expect(await ctx.store().get(C.tx, e)).toEqual({ _id: e, run: RUN, v: 'original' })
    }, T)

    test('update of a missing document inside a transaction → NOT_FOUND', async () => {
      expect(await storeErrorCode(ctx.store().transaction((tx) => tx.update(C.tx, id('tx_nobody'), { set: { a: 1 } })))).toBe('NOT_FOUND')
    }, T)

    test('50 concurrent transactions each doing get + update on one counter → 50 (retrying on CONFLICT)', async () => {
      const counter = id('tx_counter')
      await put(C.tx, { _id: counter, run: RUN, n: 0 })
      let conflicts = 0
      await Promise.all(Array.from({ length: 50 }, () => retryOnConflict(async () => {
        try {
          await ctx.store().transaction(async (tx) => {
            const c = await tx.get<Row>(C.tx, counter)
            await tx.update(C.tx, counter, { set: { n: (c!.n as number) + 1 } })
          })
        } catch (e) {
          if (isStoreError(e, 'CONFLICT')) conflicts++
          throw e
        }
      }, 60)))
      expect((await ctx.store().get<Row>(C.tx, counter))!.n).toBe(50)
      expect(conflicts).toBeGreaterThanOrEqual(0) // adapters may serialise (0) or conflict (>0)
    }, T)
  })

  describe('value semantics as on CloudBase (MongoDB)', () => {
    const base = { run: RUN, kind: 'types' }
    const q = (where: Where) => ctx.store().query(C.query, { where: { ...base, ...where }, limit: MAX_PAGE })

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
      expect(await storeErrorCode(ctx.store().updateIf(C.docs, docId, {}, { set: { n: 5 }, inc: { n: 1 } }))).toBe('BAD_QUERY')
      expect(await storeErrorCode(ctx.store().updateIf(C.docs, docId, {}, { set: { a: {} }, inc: { 'a.b': 1 } }))).toBe('BAD_QUERY')
      expect(await ctx.store().get(C.docs, docId)).toEqual({ _id: docId, run: RUN, n: 1, a: { b: 1 } })
    }, T)
  })
}
