/**
 * The CloudBase store: the Store port on CloudBase's document database through
 * `@cloudbase/node-sdk` (3.x; its database layer is `@cloudbase/database` 1.4).
 *
 * Mapping (details and sources in translate.ts and errors.ts):
 * - get      → `collection(c).doc(id).get()` → `data[0]` or null;
 * - create   → `collection(c).add({ _id, ... })`; an existing `_id` → StoreError('DUPLICATE');
 * - set      → `doc(id).set(body)` (body without `_id`: the SDK refuses it; `set` upserts and replaces);
 * - updateIf → `where({ _id, ...expected }).update(patch)`, true when `updated === 1`;
 * - query    → where / orderBy (+ `_id` asc as the last key, for stable pages, as the embedded
 *              store does) / skip / limit; a limit outside 1..1000 is refused before any request
 *              (the SDK itself would silently cut it to 1000);
 * - count    → `where(...).count()` → `total`;
 * - transaction → `db.runTransaction(t => fn(tx))`, tx operations through `t.collection(c).doc(id)`.
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
import { classify, errorMessage, unwrap } from './errors'

// ---- the part of the SDK used here (structural, so a stub can stand in for it in unit tests) ----
type Result = Record<string, unknown>

export interface CbDocRef {
  get(): Promise<unknown>
  set(data: object): Promise<unknown>
  update(data: object): Promise<unknown>
  remove(): Promise<unknown>
}

export interface CbQuery {
  where(query: object): CbQuery
  orderBy(field: string, dir: 'asc' | 'desc'): CbQuery
  skip(n: number): CbQuery
  limit(n: number): CbQuery
  get(): Promise<unknown>
  count(): Promise<unknown>
  update(data: object): Promise<unknown>
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocRef
  add(data: object): Promise<unknown>
}

export interface CbTransaction {
  collection(name: string): CbCollection
}

export interface CbDb {
  command: DbCommand
  collection(name: string): CbCollection
  createCollection(name: string): Promise<unknown>
  runTransaction<R>(fn: (t: CbTransaction) => Promise<R>, times?: number): Promise<R>
}

/** An initialised `tcb.init(...)` app (only `database()` is used). */
export interface CbApp {
  database(): unknown
}

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
      if (classify(e) !== 'COLLECTION_EXISTS') throw this.mapError(e)
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
        if (classify(e) !== 'NO_COLLECTION' || attempt >= 4) throw this.mapError(e)
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
      throw this.mapError(e)
    }
  }

  private mapError(e: unknown): unknown {
    if (e instanceof StoreError) return e
    switch (classify(e)) {
      case 'DUPLICATE': return new StoreError('DUPLICATE', errorMessage(e) || 'duplicate _id')
      case 'CONFLICT': return new StoreError('CONFLICT', errorMessage(e) || 'transaction conflict')
      default: return e
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
        const tx = this.txContext(t)
        try {
          return await fn(tx.ctx)
        } finally {
          tx.finish()
        }
      }, this.txRetries)
    } catch (e) {
      throw this.mapError(e)
    }
  }

  async close(): Promise<void> {
    // The SDK keeps no connection of its own to close (HTTP requests, keep-alive agent).
  }

  // ---- inside a transaction ----

  private txContext(t: CbTransaction): { ctx: TxContext; finish: () => void } {
    let open = true
    const guard = () => { if (!open) throw new StoreError('BAD_QUERY', 'transaction already finished') }
    const ref = (coll: string, id: string) => { checkCollection(coll); checkId(id); return t.collection(coll).doc(id) }

    // A conflict must leave the callback with CloudBase's own code: `runTransaction` re-runs the
    // callback only on `DATABASE_TRANSACTION_CONFLICT`. Everything else becomes a StoreError here.
    const txError = (e: unknown): unknown => (classify(e) === 'CONFLICT' ? e : this.mapError(e))

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
          this.known.delete(coll)
          await this.ensureCollection(coll)
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
        const data = translatePatch(patch, this._)
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
}

// ---- helpers ----

/** CloudBase collection names: letters, digits, `_`, `-`, `.`; kept to the embedded store's rule. */
const COLLECTION = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

function checkCollection(name: string): void {
  if (typeof name !== 'string' || !COLLECTION.test(name)) throw new StoreError('BAD_QUERY', `bad collection name ${JSON.stringify(name)}`)
}

function checkId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) throw new StoreError('BAD_QUERY', 'a document id must be a non-empty string')
}

function checkDoc(doc: Doc): void {
  if (!doc || typeof doc !== 'object') throw new StoreError('BAD_QUERY', 'document must be an object')
  checkId(doc._id)
}

const isCommand = (v: unknown): boolean => typeof v === 'object' && v !== null && '_internalType' in v

/** `doc().get()` answers `data: [doc]` outside a transaction and `data: doc | null` inside one. */
function firstDoc<T extends Doc>(data: unknown, id: string): T | null {
  const d = Array.isArray(data) ? data[0] : data
  if (!d || typeof d !== 'object') return null
  return { ...(d as object), _id: id } as T
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
