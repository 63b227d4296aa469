/**
 * Test-only: does every query the code makes have an index? CloudBase answers a query on a field
 * without an index by reading the whole collection (slow, and refused on a large one), so a missing
 * entry in INDEXES is a production failure that no functional test notices. The embedded store
 * creates SQLite expression indexes from the same INDEXES, so SQLite's own query plan tells.
 *
 * `startQueryPlanCheck()` wraps better-sqlite3's `prepare` (for this module registry only: a jest
 * test file) and asks `EXPLAIN QUERY PLAN` of every SELECT on a collection table. The store caches
 * statements, so each query shape is checked once. Never imported by the functions or the server.
 */
import Database from 'better-sqlite3'

/** One query shape that CloudBase would answer by reading a whole collection. */
export interface PlanFinding {
  collection: string
  /** The filtered fields (`_id` for the key), as the use case named them. */
  fields: string[]
  why: 'no index for the filter' | 'filter not indexed (walks an index for the order only)' | 'sorts the whole collection'
  sql: string
  plan: string[]
}

export interface CheckedQuery { collection: string; sql: string; plan: string[]; finding?: PlanFinding }

const TABLE = /\bFROM "c_([A-Za-z0-9_]+)"/
const FIELD = /json_(?:extract|type)\(data, '\$\.([A-Za-z0-9_.]+)'\)/g

/** The WHERE clause of one of the store's statements ('1' when it filters nothing). */
export function whereClause(sql: string): string {
  const m = / WHERE (.*?)(?: ORDER BY | LIMIT |$)/s.exec(sql)
  return m ? m[1].trim() : '1'
}

/** The fields a WHERE clause filters on, `_id` for the key column. */
export function filterFields(where: string): string[] {
  const fields = new Set<string>()
  for (const m of where.matchAll(FIELD)) fields.add(m[1])
  if (/(^|[\s(])id\s*(=|>|<|IN\b)/.test(where)) fields.add('_id')
  return [...fields].sort()
}

/**
 * Judges one statement by its plan (the `detail` column of EXPLAIN QUERY PLAN) and, when that plan
 * reads the whole table, by the plan of its filter alone (`filterPlan`):
 * - by the key, or a SEARCH through an index: fine (CloudBase uses `_id` or the declared index);
 * - a filter SQLite would answer through an index if the order did not matter: fine too (SQLite
 *   sometimes prefers walking the key order to sorting; CloudBase's planner takes the index);
 * - no filter at all: a listing in key or index order, fine unless it must sort the whole
 *   collection (an `orderBy` on a field with no index);
 * - anything else: the filter has no usable index.
 */
export function judgePlan(sql: string, plan: string[], filterPlan: string[] = []): CheckedQuery {
  const collection = TABLE.exec(sql)?.[1] ?? ''
  const where = whereClause(sql)
  const fields = filterFields(where)
  const searches = (p: string[]) => {
    const own = p.filter((d) => new RegExp(`^(SEARCH|SCAN) c_${collection}\\b`).test(d))
    return own.length > 0 && own.every((d) => d.startsWith('SEARCH'))
  }
  const checked: CheckedQuery = { collection, sql, plan }
  const fail = (why: PlanFinding['why']): CheckedQuery => ({ ...checked, finding: { collection, fields, why, sql, plan } })
  if (searches(plan)) return checked
  if (where === '1') return plan.includes('USE TEMP B-TREE FOR ORDER BY') ? fail('sorts the whole collection') : checked
  if (searches(filterPlan)) return checked
  return plan.some((d) => / USING (COVERING )?INDEX /.test(d)) ? fail('filter not indexed (walks an index for the order only)') : fail('no index for the filter')
}

/** The same filter without order or paging: what SQLite can do for the filter alone. */
export const filterOnly = (sql: string): string => `SELECT 1 FROM "c_${TABLE.exec(sql)?.[1]}" WHERE ${whereClause(sql)}`

export interface QueryPlanCheck {
  /** Every collection query shape seen so far, with its plan. */
  readonly checked: CheckedQuery[]
  /** The shapes that would read a whole collection on CloudBase. */
  findings(): PlanFinding[]
  /** Puts better-sqlite3's `prepare` back. */
  stop(): void
}

type Prepare = Database.Database['prepare']

/** The plan does not depend on the values: nulls stand in for every parameter. */
const nulls = (sql: string): null[] => new Array<null>((sql.match(/\?/g) ?? []).length).fill(null)

export function startQueryPlanCheck(): QueryPlanCheck {
  const proto = Database.prototype as unknown as { prepare: Prepare }
  const original = proto.prepare
  const checked: CheckedQuery[] = []
  const seen = new Set<string>()
  proto.prepare = function (this: Database.Database, source: string) {
    const sql = String(source)
    if (!seen.has(sql) && /^\s*SELECT\b/i.test(sql) && TABLE.test(sql)) {
      seen.add(sql)
      const explain = (q: string) => ((original.call(this, `EXPLAIN QUERY PLAN ${q}`) as Database.Statement<unknown[]>).all(...nulls(q)) as Array<{ detail: string }>).map((r) => r.detail)
      checked.push(judgePlan(sql, explain(sql), explain(filterOnly(sql))))
    }
    return original.call(this, source)
  } as Prepare
  return {
    checked,
    findings: () => checked.flatMap((c) => (c.finding ? [c.finding] : [])),
    stop: () => { proto.prepare = original },
  }
}
