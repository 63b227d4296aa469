/**
 * The CloudBase store: the Store port on CloudBase's document database through
 * `@cloudbase/node-sdk` (3.x; its database layer is `@cloudbase/database` 1.4).
 *
 * Mapping (details and sources in translate.ts and errors.ts; SDK types in cloudbase-sdk.ts):
 * - get      → `collection(c).doc(id).get()` → `data[0]` or null;
 * - create   → `collection(c).add({ _id, ... })`; an existing `_id` → StoreError('DUPLICATE');
 * - set      → `doc(id).set(body)` (body without `_id`: the SDK refuses it; `set` upserts and replaces);
 * - updateIf → `where({ _id, ...expected }).update(patch)`, true when `updated === 1`;
 * - query    → where / orderBy (+ `_id` asc as the last key, for stable pages, as the embedded
 *              store does) / skip / limit; a limit outside 1..1000 is refused before any request
 *              (the SDK itself would silently cut it to 1000);
 * - count    → `where(...).count()` → `total`;
 * - transaction → `db.runTransaction(t => fn(tx))`, tx operations through `t.collection(c).doc(id)`
 *                 (cloudbase-tx.ts).
 *
 * CloudBase does not create a collection on first write: writes that meet "collection does not
 * exist" create it (`db.createCollection`) and retry once; reads of a missing collection see
 * nothing. Inside a transaction the collection cannot be created, so the transaction fails with
 * StoreError('CONFLICT') after creating it — a retry then succeeds. `ensureCollections` creates them
 * up front (e.g. at deploy time, for the collections in INDEXES).
 */
import * as tcb from '@cloudbase/node-sdk'
import { MAX_PAGE, StoreError, type Doc, type Patch, type Query, type Store, type TxContext, type Where } from '../../ports/store'
import { checkField, patchAlreadyAppliedWhere, translatePatch, translateWhere, whereForId, withoutId, type DbCommand } from './translate'
import { classify, mapError, unwrap } from './errors'
import { firstDoc, isCommand, type CbApp, type CbCollection, type CbDb, type CbQuery, type Result } from './cloudbase-sdk'
import { checkCollection, checkDoc, checkId } from './checks'
import { txContext } from './cloudbase-tx'

// The SDK's structural types live in cloudbase-sdk.ts; re-exported for existing importers.
export type { CbApp, CbCollection, CbDb, CbDocRef, CbQuery, CbTransaction } from './cloudbase-sdk'

export interface CloudBaseStoreOptions {
  /** An app from `tcb.init(...)`. Without it one is made from `env`/`secretId`/`secretKey`. */
  app?: CbApp
  /** Environment id; default `tcb.SYMBOL_CURRENT_ENV` (the function's own environment, inside a cloud function). */
  env?: string | symbol
  /** Outside CloudBase (scripts, tests): an API key pair. Inside a cloud function the SDK finds temporary keys itself. */
  secretId?: string
  secretKey?: string
  /** A database handle instead of `app.database()` (tests). */
  db?: CbDb
  /**
   * How many times `runTransaction` itself re-runs the callback on DATABASE_TRANSACTION_CONFLICT
   * before the conflict reaches the caller as StoreError('CONFLICT'). SDK default 3.
   */
  txConflictRetries?: number
}

const DEFAULT_LIMIT = 100

export class CloudBaseStore implements Store {
  readonly db: CbDb
  private readonly _: DbCommand
  private readonly known = new Set<string>()
  private readonly txRetries: number

  constructor(db: CbDb, opts: { txConflictRetries?: number } = {}) {
    this.db = db
    this._ = db.command
    this.txRetries = opts.txConflictRetries ?? 3
  }

  // ---- collections ----

  /** Creates the collections that do not exist yet (idempotent). */
  async ensureCollections(names: Iterable<string>): Promise<void> {
    for (const n of names) await this.ensureCollection(n)
  }

  private async ensureCollection(coll: string): Promise<void> {
    if (this.known.has(coll)) return
    try {
      unwrap(await this.db.createCollection(coll))
    } catch (e) {
      if (classify(e) !== 'COLLECTION_EXISTS') throw mapError(e)
    }
    this.known.add(coll)
  }

  private coll(name: string): CbCollection {
    checkCollection(name)
    return this.db.collection(name)
  }

  /**
   * Runs a write; if the collection is missing, creates it and runs the write again (a new
   * collection may take a moment to accept writes: up to 4 tries, the last two 100 ms and 300 ms later).
   */
  private async write<T>(coll: string, op: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return unwrap(await op())
      } catch (e) {
        if (classify(e) !== 'NO_COLLECTION' || attempt >= 4) throw mapError(e)
        this.known.delete(coll)
        await this.ensureCollection(coll)
        if (attempt > 1) await new Promise((r) => setTimeout(r, attempt === 2 ? 100 : 300))
      }
    }
  }

  /** Runs a read (or an update/delete by id); a missing collection or document reads as `empty`. */
  private async read<T>(op: () => Promise<unknown>, empty: T): Promise<T | Result> {
    try {
      return unwrap(await op()) as Result
    } catch (e) {
      const kind = classify(e)
      if (kind === 'NO_COLLECTION' || kind === 'NO_DOCUMENT') return empty
      throw mapError(e)
    }
  }

  // ---- the port ----

  async get<T extends Doc>(coll: string, id: string): Promise<T | null> {
    checkId(id)
    const res = await this.read(() => this.coll(coll).doc(id).get(), null)
    return res === null ? null : firstDoc<T>(res.data, id)
  }

  async create<T extends Doc>(coll: string, doc: T): Promise<void> {
    checkDoc(doc)
    const c = this.coll(coll)
    await this.write(coll, () => c.add({ ...doc }))
  }

  async set<T extends Doc>(coll: string, doc: T): Promise<void> {
    checkDoc(doc)
    const c = this.coll(coll)
    await this.write(coll, () => c.doc(doc._id).set(withoutId(doc)))
  }

  async updateIf(coll: string, id: string, expected: Where, patch: Patch): Promise<boolean> {
    checkId(id)
    const where = whereForId(id, expected, this._)
    const data = translatePatch(patch, this._)
    if (Object.keys(data).length === 0) return (await this.countRaw(coll, where)) === 1
    const res = await this.read(() => this.coll(coll).where(where).update(data), null)
    if (res === null) return false
    if (Number(res.updated) >= 1) return true
    // `updated: 0` may be MongoDB's "matched, nothing modified": check, as one linearisable read,
    // whether the document matches and already carries the patch (see patchAlreadyAppliedWhere).
    const applied = patchAlreadyAppliedWhere(patch)
    if (!applied) return false
    const both = this._.and([where, translateWhere(applied, this._)])
    return (await this.countRaw(coll, both)) === 1
  }

  async delete(coll: string, id: string): Promise<void> {
    checkId(id)
    await this.read(() => this.coll(coll).doc(id).remove(), null)
  }

  async query<T extends Doc>(coll: string, q: Query = {}): Promise<T[]> {
    const limit = q.limit ?? DEFAULT_LIMIT
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw new StoreError('LIMIT', `limit must be 1..${MAX_PAGE}, got ${limit}`)
    }
    const skip = q.skip ?? 0
    if (!Number.isInteger(skip) || skip < 0) throw new StoreError('BAD_QUERY', `skip must be a whole number ≥ 0, got ${skip}`)
    const where = translateWhere(q.where, this._)
    const order = q.orderBy ?? []
    for (const [f, dir] of order) {
      checkField(f)
      if (dir !== 'asc' && dir !== 'desc') throw new StoreError('BAD_QUERY', `bad order direction ${JSON.stringify(dir)}`)
    }
    const res = await this.read(() => {
      let ref: CbQuery = this.coll(coll)
      if (Object.keys(where).length) ref = ref.where(where)
      for (const [f, dir] of order) ref = ref.orderBy(f, dir)
      if (!order.some(([f]) => f === '_id')) ref = ref.orderBy('_id', 'asc')
      if (skip > 0) ref = ref.skip(skip)
      return ref.limit(limit).get()
    }, null)
    if (res === null) return []
    const list = Array.isArray(res.data) ? (res.data as T[]) : []
    return list
  }

  count(coll: string, where: Where = {}): Promise<number> {
    return this.countRaw(coll, translateWhere(where, this._))
  }

  private async countRaw(coll: string, where: object): Promise<number> {
    const res = await this.read(() => {
      const c = this.coll(coll)
      return (Object.keys(where).length || isCommand(where) ? c.where(where) : c).count()
    }, null)
    return res === null ? 0 : Number(res.total ?? 0)
  }

  async transaction<R>(fn: (tx: TxContext) => Promise<R>): Promise<R> {
    try {
      return await this.db.runTransaction(async (t) => {
        const tx = txContext(t, {
          command: this._,
          recreateCollection: async (coll) => {
            this.known.delete(coll)
            await this.ensureCollection(coll)
          },
        })
        try {
          return await fn(tx.ctx)
        } finally {
          tx.finish()
        }
      }, this.txRetries)
    } catch (e) {
      throw mapError(e)
    }
  }

  async close(): Promise<void> {
    // The SDK keeps no connection of its own to close (HTTP requests, keep-alive agent).
  }
}

/**
 * The store on a CloudBase environment.
 * - In a cloud function: `openCloudBaseStore()` (env = the function's own environment, keys found by the SDK).
 * - Elsewhere: `openCloudBaseStore({ env: 'my-env-id', secretId, secretKey })`, or pass an `app`.
 */
export function openCloudBaseStore(opts: CloudBaseStoreOptions = {}): CloudBaseStore {
  let db = opts.db
  if (!db) {
    const app = opts.app ?? tcb.init({
      env: opts.env ?? tcb.SYMBOL_CURRENT_ENV,
      ...(opts.secretId && opts.secretKey ? { secretId: opts.secretId, secretKey: opts.secretKey } : {}),
    })
    // The SDK's `Db` is typed loosely (runTransaction: any); the methods used are those of CbDb.
    db = app.database() as CbDb
  }
  return new CloudBaseStore(db, { txConflictRetries: opts.txConflictRetries })
}
