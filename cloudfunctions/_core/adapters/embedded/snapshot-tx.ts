/**
 * One transaction of the embedded store with CloudBase's semantics: reads from its own writes first,
 * then from the snapshot taken at its start; writes buffered until commit. The body may await
 * anything; other transactions and single operations run meanwhile (no lock is held).
 */
import { StoreError, type Doc, type TxContext } from '../../ports/store'
import { applyPatch } from './sql'
import { docKey, type RowImage, type SnapshotTracker } from './snapshots'

/** One buffered write: the document's final image (null: deleted); `created` refuses an existing id. */
export interface TxWrite { coll: string; id: string; image: RowImage; created: boolean }

export interface TxHost {
  snapshots: SnapshotTracker
  exclusive<R>(fn: () => R): Promise<R>
  /** The current row (the store's own table checks apply). */
  readCurrent(coll: string, id: string): RowImage
  /** Applies the writes atomically, or throws CONFLICT when one was written since `start`; `token` is the committing transaction. */
  commit(writes: TxWrite[], start: number, token: symbol): void
}

const parse = <T extends Doc>(image: RowImage, id: string): T | null => (image === null ? null : ({ ...JSON.parse(image), _id: id } as T))

function assertDoc(doc: Doc): void {
  if (!doc || typeof doc._id !== 'string' || doc._id.length === 0) throw new StoreError('BAD_QUERY', 'document needs a string _id')
}

export async function runSnapshotTransaction<R>(host: TxHost, fn: (tx: TxContext) => Promise<R>): Promise<R> {
  // better-sqlite3 is synchronous and no SQL transaction stays open across an await, so the
  // snapshot bookkeeping and the reads need no turn in the store's queue; only the commit takes one.
  const { token, start } = host.snapshots.begin()
  const writes = new Map<string, TxWrite>()
  /** Images already read: a snapshot does not change, so a second read (a create's check) costs nothing. */
  const read = new Map<string, RowImage>()
  let open = true
  const guard = () => { if (!open) throw new StoreError('BAD_QUERY', 'transaction already finished') }
  /** The document as this transaction sees it. */
  const view = (coll: string, id: string): Promise<RowImage> => {
    guard()
    const key = docKey(coll, id)
    const own = writes.get(key)
    if (own) return Promise.resolve(own.image)
    let image = read.get(key)
    if (image === undefined) {
      const past = host.snapshots.imageAt(key, start)
      image = past === undefined ? host.readCurrent(coll, id) : past
      read.set(key, image)
    }
    return Promise.resolve(image)
  }
  const put = (coll: string, id: string, image: RowImage, created = false) => {
    const key = docKey(coll, id)
    const prev = writes.get(key)
    writes.set(key, { coll, id, image, created: created || (prev?.created === true && image !== null) })
  }
  const tx: TxContext = {
    get: async <T extends Doc>(c: string, id: string) => parse<T>(await view(c, id), id),
    create: async (c, doc) => {
      assertDoc(doc)
      if ((await view(c, doc._id)) !== null) throw new StoreError('DUPLICATE', `${c}/${doc._id} exists`)
      put(c, doc._id, JSON.stringify(doc), true)
    },
    set: async (c, doc) => { guard(); assertDoc(doc); put(c, doc._id, JSON.stringify(doc)) },
    update: async (c, id, patch) => {
      const cur = await view(c, id)
      if (cur === null) throw new StoreError('NOT_FOUND', `${c}/${id} not found`)
      put(c, id, JSON.stringify({ ...applyPatch(JSON.parse(cur), patch), _id: id }))
    },
    delete: async (c, id) => { guard(); put(c, id, null) },
  }
  try {
    const result = await fn(tx)
    open = false
    if (writes.size > 0) await host.exclusive(() => host.commit([...writes.values()], start, token))
    return result
  } finally {
    open = false
    host.snapshots.end(token)
  }
}
