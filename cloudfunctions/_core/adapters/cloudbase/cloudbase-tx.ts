/**
 * The transaction context of the CloudBase store: TxContext operations on `db.runTransaction`'s
 * transaction handle, `t.collection(c).doc(id)`.
 */
import { StoreError, type Doc, type TxContext } from '../../ports/store'
import { translatePatch, withoutId, type DbCommand } from './translate'
import { classify, mapError, unwrap } from './errors'
import { firstDoc, type CbTransaction, type Result } from './cloudbase-sdk'
import { checkCollection, checkDoc, checkId } from './checks'

/** What the transaction context needs from its store. */
export interface TxHost {
  /** The database's query commands (`db.command`). */
  readonly command: DbCommand
  /** Forgets `coll` as known and creates it (idempotent). */
  recreateCollection(coll: string): Promise<void>
}

export function txContext(t: CbTransaction, host: TxHost): { ctx: TxContext; finish: () => void } {
  let open = true
  const guard = () => { if (!open) throw new StoreError('BAD_QUERY', 'transaction already finished') }
  const ref = (coll: string, id: string) => { checkCollection(coll); checkId(id); return t.collection(coll).doc(id) }

  // A conflict must leave the callback with CloudBase's own code: `runTransaction` re-runs the
  // callback only on `DATABASE_TRANSACTION_CONFLICT`. Everything else becomes a StoreError here.
  const txError = (e: unknown): unknown => (classify(e) === 'CONFLICT' ? e : mapError(e))

  const get = async <T extends Doc>(coll: string, id: string): Promise<T | null> => {
    guard()
    try {
      const res = unwrap(await ref(coll, id).get()) as Result
      return firstDoc<T>(res.data, id)
    } catch (e) {
      if (classify(e) === 'NO_COLLECTION' || classify(e) === 'NO_DOCUMENT') return null
      throw txError(e)
    }
  }

  /**
   * A write in the transaction. A missing collection cannot be created inside it: for a write
   * that creates documents the collection is created now and the transaction is failed as
   * retryable (CONFLICT); for an update it just means the document is not there.
   */
  const txWrite = async (coll: string, op: () => Promise<unknown>, missing: 'create' | 'notFound', id: string): Promise<Result> => {
    try {
      return unwrap(await op()) as Result
    } catch (e) {
      const kind = classify(e)
      if (missing === 'notFound' && (kind === 'NO_COLLECTION' || kind === 'NO_DOCUMENT')) {
        throw new StoreError('NOT_FOUND', `${coll}/${id} not found`)
      }
      if (kind === 'NO_COLLECTION') {
        await host.recreateCollection(coll)
        throw new StoreError('CONFLICT', `collection ${coll} did not exist; it has been created — retry the transaction`)
      }
      throw txError(e)
    }
  }

  const ctx: TxContext = {
    get,
    create: async (coll, doc) => {
      guard()
      checkDoc(doc)
      // Set-if-absent: read then upsert. A concurrent create of the same id makes one of the two
      // transactions conflict; its re-run then reads the document and reports DUPLICATE.
      if (await get(coll, doc._id)) throw new StoreError('DUPLICATE', `${coll}/${doc._id} exists`)
      await txWrite(coll, () => ref(coll, doc._id).set(withoutId(doc)), 'create', doc._id)
    },
    set: async (coll, doc) => {
      guard()
      checkDoc(doc)
      await txWrite(coll, () => ref(coll, doc._id).set(withoutId(doc)), 'create', doc._id)
    },
    update: async (coll, id, patch) => {
      guard()
      const data = translatePatch(patch, host.command)
      if (Object.keys(data).length === 0) {
        if (!(await get(coll, id))) throw new StoreError('NOT_FOUND', `${coll}/${id} not found`)
        return
      }
      const res = await txWrite(coll, () => ref(coll, id).update(data), 'notFound', id)
      if (Number(res.updated) === 0 && !(await get(coll, id))) throw new StoreError('NOT_FOUND', `${coll}/${id} not found`)
    },
    delete: async (coll, id) => {
      guard()
      try {
        unwrap(await ref(coll, id).remove())
      } catch (e) {
        if (classify(e) === 'NO_COLLECTION' || classify(e) === 'NO_DOCUMENT') return
        throw txError(e)
      }
    },
  }
  return { ctx, finish: () => { open = false } }
}
