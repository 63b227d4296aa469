/**
 * The embedded store: SQLite through better-sqlite3 — a real engine with ACID transactions and a
 * file that survives restarts. One table per collection (`id`, JSON `data`), expression indexes on
 * the fields in INDEXES. It implements exactly the Store port, no more, so that what passes here
 * also works on CloudBase.
 *
 * better-sqlite3 is synchronous, but the port's transactions are async (a use case awaits between
 * reads and writes). An in-process mutex keeps one transaction (or single operation) at a time on
 * the connection; BEGIN IMMEDIATE plus busy_timeout serialises against other processes (the job CLI).
 */
import Database from 'better-sqlite3'
import { MAX_PAGE, INDEXES, StoreError, type Doc, type Patch, type Query, type Store, type TxContext, type Where } from '../../ports/store'
import { applyPatch, whereSql, fieldExpr } from './sql'

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

export interface SqliteStoreOptions { file: string }

export class SqliteStore implements Store {
  readonly db: Database.Database
  private tables = new Set<string>()
  private queue: Promise<unknown> = Promise.resolve()
  /** Prepared statements by SQL text: preparing costs more than running a small query. */
  private statements = new Map<string, Database.Statement>()

  constructor(opts: SqliteStoreOptions) {
    this.db = new Database(opts.file)
    if (opts.file !== ':memory:') this.db.pragma('journal_mode = WAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('synchronous = NORMAL')
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
    const t = this.table(coll)
    if (this.sql(`SELECT 1 FROM ${t} WHERE id = ?`).get(doc._id)) {
      throw new StoreError('DUPLICATE', `${coll}/${doc._id} exists`)
    }
    this.sql(`INSERT INTO ${t} (id, data) VALUES (?, ?)`).run(doc._id, serialise(doc))
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

  /** Runs a synchronous body in one IMMEDIATE transaction. */
  private atomically<R>(body: () => R): R {
    return this.db.transaction(body).immediate()
  }

  // ---- the port ----
  get<T extends Doc>(coll: string, id: string): Promise<T | null> {
    return this.exclusive(() => this.getSync<T>(coll, id))
  }

  create<T extends Doc>(coll: string, doc: T): Promise<void> {
    return this.exclusive(() => this.atomically(() => this.createSync(coll, doc)))
  }

  set<T extends Doc>(coll: string, doc: T): Promise<void> {
    return this.exclusive(() => this.setSync(coll, doc))
  }

  updateIf(coll: string, id: string, expected: Where, patch: Patch): Promise<boolean> {
    return this.exclusive(() => this.atomically(() => this.updateSync(coll, id, expected, patch)))
  }

  delete(coll: string, id: string): Promise<void> {
    return this.exclusive(() => this.deleteSync(coll, id))
  }

  query<T extends Doc>(coll: string, q: Query = {}): Promise<T[]> {
    return this.exclusive(() => {
      const limit = q.limit ?? 100
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new StoreError('LIMIT', `limit must be 1..${MAX_PAGE}, got ${limit}`)
      }
      const w = whereSql(q.where ?? {})
      const order = (q.orderBy ?? []).map(([f, dir]) => `${fieldExpr(f)} ${dir === 'desc' ? 'DESC' : 'ASC'}`)
      order.push('id ASC') // stable pages, as CloudBase's default order by _id
      const sql = `SELECT id, data FROM ${this.table(coll)} WHERE ${w.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`
      const rows = this.sql(sql).all(...w.params, limit, q.skip ?? 0) as { id: string; data: string }[]
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
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      let open = true
      const guard = () => { if (!open) throw new StoreError('BAD_QUERY', 'transaction already finished') }
      const tx: TxContext = {
        get: async <T extends Doc>(c: string, id: string) => { guard(); return this.getSync<T>(c, id) },
        create: async (c, doc) => { guard(); this.createSync(c, doc) },
        set: async (c, doc) => { guard(); this.setSync(c, doc) },
        update: async (c, id, patch) => {
          guard()
          if (!this.updateSync(c, id, null, patch)) throw new StoreError('NOT_FOUND', `${c}/${id} not found`)
        },
        delete: async (c, id) => { guard(); this.deleteSync(c, id) },
      }
      try {
        const result = await fn(tx)
        this.db.exec('COMMIT')
        return result
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        this.loadTables() // a rollback also undoes tables created inside it
        this.statements.clear()
        throw e
      } finally {
        open = false
      }
    })
  }

  /** Drops every collection (local `POST /api/dev/reset` and tests only; not part of the port). */
  wipe(): Promise<void> {
    return this.exclusive(() => {
      this.statements.clear()
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
