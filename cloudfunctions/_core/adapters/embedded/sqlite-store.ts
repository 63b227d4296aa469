/**
 * The embedded store: SQLite through better-sqlite3 — a real engine with ACID transactions and a
 * file that survives restarts. One table per collection (`id`, JSON `data`), expression indexes on
 * the fields in INDEXES. It implements exactly the Store port, no more, so that what passes here
 * also works on CloudBase.
 *
 * better-sqlite3 is synchronous; every single operation runs alone (an in-process queue) and
 * atomically. Transactions behave as CloudBase's (snapshot isolation, see `snapshots.ts`): their
 * bodies interleave, reads see the snapshot taken at the start, writes are buffered and land at
 * commit in one short BEGIN IMMEDIATE, or fail with CONFLICT when another commit wrote one of the
 * same documents since the snapshot. busy_timeout serialises against other processes (the job
 * CLI); their writes are not tracked for conflicts (one process serves the requests).
 */
import Database from 'better-sqlite3'
import { MAX_PAGE, INDEXES, StoreError, type Doc, type Patch, type Query, type Store, type TxContext, type Where } from '../../ports/store'
import { applyPatch, whereSql, fieldExpr } from './sql'
import { docKey, SnapshotTracker, type RowImage } from './snapshots'
import { runSnapshotTransaction, type TxHost } from './snapshot-tx'

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/
const MAX_STATEMENTS = 500

export interface SqliteStoreOptions { file: string }

export class SqliteStore implements Store {
  readonly db: Database.Database
  private tables = new Set<string>()
  private queue: Promise<unknown> = Promise.resolve()
  /** Prepared statements by SQL text: preparing costs more than running a small query. */
  private statements = new Map<string, Database.Statement>()
  private snapshots = new SnapshotTracker()
  private readonly inTransaction: Database.Transaction<(body: () => unknown) => unknown>

  constructor(opts: SqliteStoreOptions) {
    this.db = new Database(opts.file)
    if (opts.file !== ':memory:') this.db.pragma('journal_mode = WAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('synchronous = NORMAL')
    this.inTransaction = this.db.transaction((body: () => unknown) => body())
    this.loadTables()
  }

  private loadTables(): void {
    this.tables.clear()
    for (const row of this.db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as { name: string }[]) {
      this.tables.add(row.name.slice(2))
    }
  }

  private sql(text: string): Database.Statement {
    let st = this.statements.get(text)
    if (!st) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear() // pages over a large collection make many
      st = this.db.prepare(text)
      this.statements.set(text, st)
    }
    return st
  }

  /** Runs `fn` alone on the connection, in arrival order. */
  private exclusive<R>(fn: () => Promise<R> | R): Promise<R> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  private table(coll: string): string {
    if (!NAME.test(coll)) throw new StoreError('BAD_QUERY', `bad collection name ${JSON.stringify(coll)}`)
    if (!this.tables.has(coll)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS "c_${coll}" (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID`)
      for (const fields of INDEXES[coll] ?? []) {
        const cols = fields.map((f) => fieldExpr(f)).join(', ')
        this.db.exec(`CREATE INDEX IF NOT EXISTS "ix_${coll}_${fields.join('_').replace(/\W/g, '_')}" ON "c_${coll}" (${cols})`)
      }
      this.tables.add(coll)
    }
    return `"c_${coll}"`
  }

  // ---- synchronous primitives, always called inside `exclusive` ----
  private getSync<T extends Doc>(coll: string, id: string): T | null {
    const row = this.sql(`SELECT data FROM ${this.table(coll)} WHERE id = ?`).get(id) as { data: string } | undefined
    return row ? ({ ...JSON.parse(row.data), _id: id } as T) : null
  }

  private createSync(coll: string, doc: Doc): void {
    assertDoc(doc)
    this.insertNew(this.table(coll), coll, doc._id, serialise(doc))
  }

  private setSync(coll: string, doc: Doc): void {
    assertDoc(doc)
    this.sql(`INSERT INTO ${this.table(coll)} (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data`).run(doc._id, serialise(doc))
  }

  private updateSync(coll: string, id: string, expected: Where | null, patch: Patch): boolean {
    const t = this.table(coll)
    const w = whereSql(expected ?? {})
    const row = this.sql(`SELECT data FROM ${t} WHERE id = ? AND ${w.sql}`).get(id, ...w.params) as { data: string } | undefined
    if (!row) return false
    const next = applyPatch(JSON.parse(row.data), patch)
    this.sql(`UPDATE ${t} SET data = ? WHERE id = ?`).run(serialise({ ...next, _id: id }), id)
    return true
  }

  private deleteSync(coll: string, id: string): void {
    this.sql(`DELETE FROM ${this.table(coll)} WHERE id = ?`).run(id)
  }

  /** Runs a synchronous body in one IMMEDIATE transaction (one wrapper for all: making one costs ~15 µs). */
  private atomically<R>(body: () => R): R {
    return this.inTransaction.immediate(body) as R
  }

  private rowImage(coll: string, id: string): RowImage {
    const row = this.sql(`SELECT data FROM ${this.table(coll)} WHERE id = ?`).get(id) as { data: string } | undefined
    return row ? row.data : null
  }

  /**
   * A single write outside transactions. While a transaction is open it is a commit of its own: the
   * replaced image is kept for snapshot reads and the document counts as changed for conflicts.
   */
  private tracked<R>(coll: string, id: string, write: () => R, wrote: (r: R) => boolean = () => true): R {
    if (!this.snapshots.tracking) return write()
    const before = this.rowImage(coll, id)
    const r = write()
    if (wrote(r)) this.snapshots.wrote(docKey(coll, id), this.snapshots.nextCommit(), before)
    return r
  }

  // ---- the port ----
  get<T extends Doc>(coll: string, id: string): Promise<T | null> {
    return this.exclusive(() => this.getSync<T>(coll, id))
  }

  create<T extends Doc>(coll: string, doc: T): Promise<void> {
    return this.exclusive(() => { assertDoc(doc); return this.atomically(() => this.tracked(coll, doc._id, () => this.createSync(coll, doc))) })
  }

  set<T extends Doc>(coll: string, doc: T): Promise<void> {
    return this.exclusive(() => { assertDoc(doc); return this.tracked(coll, doc._id, () => this.setSync(coll, doc)) })
  }

  updateIf(coll: string, id: string, expected: Where, patch: Patch): Promise<boolean> {
    return this.exclusive(() => this.atomically(() => this.tracked(coll, id, () => this.updateSync(coll, id, expected, patch), (ok) => ok)))
  }

  delete(coll: string, id: string): Promise<void> {
    return this.exclusive(() => this.tracked(coll, id, () => this.deleteSync(coll, id)))
  }

  query<T extends Doc>(coll: string, q: Query = {}): Promise<T[]> {
    return this.exclusive(() => {
      const limit = q.limit ?? 100
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new StoreError('LIMIT', `limit must be 1..${MAX_PAGE}, got ${limit}`)
      }
      const w = whereSql(q.where ?? {})
      const order = (q.orderBy ?? []).map(([f, dir]) => `${fieldExpr(f)} ${dir === 'desc' ? 'DESC' : 'ASC'}`)
      // Stable pages, as CloudBase's default order by _id (the cloudbase adapter adds it too, unless ordered by _id).
      if (!(q.orderBy ?? []).some(([f]) => f === '_id')) order.push('id ASC')
      const skip = q.skip ?? 0
      if (!Number.isInteger(skip) || skip < 0) throw new StoreError('BAD_QUERY', `skip must be a whole number ≥ 0, got ${skip}`)
      // Checked integers, written into the SQL: a bound LIMIT costs better-sqlite3 ~10 µs a query.
      const sql = `SELECT id, data FROM ${this.table(coll)} WHERE ${w.sql} ORDER BY ${order.join(', ')} LIMIT ${limit} OFFSET ${skip}`
      const rows = this.sql(sql).all(...w.params) as { id: string; data: string }[]
      return rows.map((r) => ({ ...JSON.parse(r.data), _id: r.id }) as T)
    })
  }

  count(coll: string, where: Where = {}): Promise<number> {
    return this.exclusive(() => {
      const w = whereSql(where)
      const row = this.sql(`SELECT COUNT(*) AS n FROM ${this.table(coll)} WHERE ${w.sql}`).get(...w.params) as { n: number }
      return row.n
    })
  }

  transaction<R>(fn: (tx: TxContext) => Promise<R>): Promise<R> {
    return runSnapshotTransaction(this.txHost(), fn)
  }

  /** What a snapshot transaction needs from the store (see `snapshot-tx.ts`). */
  private txHost(): TxHost {
    return {
      snapshots: this.snapshots,
      exclusive: (f) => this.exclusive(f),
      readCurrent: (coll, id) => this.rowImage(coll, id),
      commit: (writes, start, token) => {
        for (const w of writes) this.table(w.coll) // outside the SQL transaction: a rollback keeps them
        // Images are kept only for other open transactions (none: nobody can read behind this commit).
        const track = this.snapshots.othersOpen(token)
        this.atomically(() => {
          for (const w of writes) {
            if (this.snapshots.changedSince(docKey(w.coll, w.id), start)) {
              throw new StoreError('CONFLICT', `${w.coll}/${w.id} was written by another transaction`)
            }
          }
          const befores = track ? writes.map((w) => this.rowImage(w.coll, w.id)) : []
          for (const w of writes) {
            const t = this.table(w.coll)
            if (w.image === null) this.deleteSync(w.coll, w.id)
            else if (w.created) this.insertNew(t, w.coll, w.id, w.image)
            else this.sql(`INSERT INTO ${t} (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data`).run(w.id, w.image)
          }
          if (!track) return
          // Recorded once the SQL commit cannot fail any more (a throw above rolls everything back).
          const at = this.snapshots.nextCommit()
          writes.forEach((w, i) => this.snapshots.wrote(docKey(w.coll, w.id), at, befores[i]))
        })
      },
    }
  }

  /** A plain INSERT: the primary key refuses an existing id, which is the port's DUPLICATE. */
  private insertNew(table: string, coll: string, id: string, image: string): void {
    try {
      this.sql(`INSERT INTO ${table} (id, data) VALUES (?, ?)`).run(id, image)
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreError('DUPLICATE', `${coll}/${id} exists`)
      throw e
    }
  }

  /** Drops every collection (local `POST /api/dev/reset` and tests only; not part of the port). */
  wipe(): Promise<void> {
    return this.exclusive(() => {
      this.statements.clear()
      this.snapshots.reset()
      for (const t of this.tables) this.db.exec(`DROP TABLE IF EXISTS "c_${t}"`)
      this.tables.clear()
    })
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.db.close())
  }
}

function assertDoc(doc: Doc): void {
  if (!doc || typeof doc._id !== 'string' || doc._id.length === 0) throw new StoreError('BAD_QUERY', 'document needs a string _id')
}

function serialise(doc: Doc): string {
  // `_id` lives in its own column; the JSON keeps it too so queries on _id work like CloudBase.
  return JSON.stringify(doc)
}

export const openSqliteStore = (opts: SqliteStoreOptions): SqliteStore => new SqliteStore(opts)
