/**
 * Transaction isolation as on CloudBase (snapshot isolation, issue 11 item 5), as part of the store
 * contract: a transaction reads a snapshot, two writers of one document never both land (no lost
 * update), and write skew across two documents IS possible — the use cases must guard invariants
 * that span documents by writing a guarding document (test/integration/write-skew.test.ts).
 * CloudBase's runTransaction may retry the loser itself, so these cases accept a retried success too.
 */
import { isStoreError, type Doc, type Store } from '../../cloudfunctions/_core/ports/store'

type Row = Doc & Record<string, unknown>

export interface IsolationContext {
  store: () => Store
  id: (label: string) => string
  put: (coll: string, doc: Row) => Promise<void>
  coll: string
  run: string
  timeout: number
}

/** A promise and its resolver: lets a test hold a transaction between its reads and its writes. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void
  const passed = new Promise<void>((r) => { open = r })
  return { open, passed }
}

const settle = (ps: Promise<unknown>[]) => Promise.allSettled(ps)

export function describeIsolation(ctx: IsolationContext): void {
  const { id, put, coll: C, run: RUN, timeout: T } = ctx

  describe('isolation (snapshot, as CloudBase)', () => {
    test('reads inside a transaction do not see a commit made after its first read', async () => {
      const [x, y] = [id('iso_x'), id('iso_y')]
      await put(C, { _id: x, run: RUN, n: 1 })
      await put(C, { _id: y, run: RUN, n: 1 })
      const seen = await ctx.store().transaction(async (tx) => {
        const first = await tx.get<Row>(C, x)
        await ctx.store().updateIf(C, y, { n: 1 }, { set: { n: 2 } }) // another writer, committed now
        const later = await tx.get<Row>(C, y)
        return [first!.n, later!.n]
      })
      expect(seen).toEqual([1, 1])
      expect((await ctx.store().get<Row>(C, y))!.n).toBe(2)
    }, T)

    test('two transactions writing one document: never a lost update; a loser fails with CONFLICT', async () => {
      const x = id('iso_counter')
      await put(C, { _id: x, run: RUN, n: 0 })
      const bothRead = [gate(), gate()]
      const bump = (i: number) => ctx.store().transaction(async (tx) => {
        const cur = await tx.get<Row>(C, x)
        bothRead[i].open()
        await bothRead[1 - i].passed
        await tx.update(C, x, { set: { n: (cur!.n as number) + 1 } })
      })
      const results = await settle([bump(0), bump(1)])
      const won = results.filter((r) => r.status === 'fulfilled').length
      for (const r of results) if (r.status === 'rejected') expect(isStoreError(r.reason, 'CONFLICT')).toBe(true)
      expect(won).toBeGreaterThanOrEqual(1)
      expect((await ctx.store().get<Row>(C, x))!.n).toBe(won) // each landed write counted once
    }, T)

    test('write skew: each reads both documents and writes a different one — both commit', async () => {
      // An "at least one on duty" rule over two documents: each transaction sees the other still on
      // duty in its snapshot and takes itself off. Snapshot isolation lets both commit.
      const [a, b] = [id('iso_duty_a'), id('iso_duty_b')]
      await put(C, { _id: a, run: RUN, onDuty: true })
      await put(C, { _id: b, run: RUN, onDuty: true })
      const bothRead = [gate(), gate()]
      const leave = (i: number, me: string, other: string) => ctx.store().transaction(async (tx) => {
        const [mine, theirs] = [await tx.get<Row>(C, me), await tx.get<Row>(C, other)]
        bothRead[i].open()
        await bothRead[1 - i].passed
        if (mine!.onDuty && theirs!.onDuty) await tx.update(C, me, { set: { onDuty: false } })
      })
      const results = await settle([leave(0, a, b), leave(1, b, a)])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
      expect([(await ctx.store().get<Row>(C, a))!.onDuty, (await ctx.store().get<Row>(C, b))!.onDuty]).toEqual([false, false])
    }, T)
  })
}
