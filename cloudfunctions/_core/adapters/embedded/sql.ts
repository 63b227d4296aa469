/** Where/Patch → SQLite over JSON documents. Pure helpers of the embedded store. */
import { StoreError, type Cond, type Patch, type Scalar, type Where } from '../../ports/store'

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

/** The SQL expression for a (dotted) field; identical text everywhere so indexes are used. */
export function fieldExpr(field: string): string {
  if (field === '_id') return 'id'
  if (!FIELD.test(field)) throw new StoreError('BAD_QUERY', `bad field ${JSON.stringify(field)}`)
  return `json_extract(data, '$.${field}')`
}

const bind = (v: Scalar): string | number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

const isCond = (v: unknown): v is Cond => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Values compare only with values of the same JSON type, as on CloudBase (MongoDB): `1` never
 * matches `true`, and `$gt: 0` never matches a string. json_extract alone would mix them.
 */
function typeGuard(field: string, v: Scalar): string {
  if (field === '_id') return '1'
  const t = `json_type(data, '$.${field}')`
  if (typeof v === 'number') return `${t} IN ('integer', 'real')`
  if (typeof v === 'boolean') return `${t} IN ('true', 'false')`
  return `${t} = 'text'`
}

type Sql = { sql: string; params: (string | number | null)[] }

function equals(field: string, v: Scalar): Sql {
  const f = fieldExpr(field)
  if (v === null) return { sql: `${f} IS NULL`, params: [] }
  return { sql: `(${typeGuard(field, v)} AND ${f} = ?)`, params: [bind(v)] }
}

/**
 * `$in` as one SQL `IN (...)` per JSON type among the values, each behind the same type guard as
 * `equals` (so `[1]` still never matches `true`), plus `IS NULL` when null is listed (null and
 * missing, as on CloudBase). The same rows as one `=` term per value, in one indexed lookup.
 */
function inList(field: string, list: readonly Scalar[]): Sql {
  const f = fieldExpr(field)
  const byGuard = new Map<string, (string | number | null)[]>()
  let withNull = false
  for (const x of list) {
    if (x === null) { withNull = true; continue }
    const guard = typeGuard(field, x)
    const values = byGuard.get(guard)
    if (values) values.push(bind(x))
    else byGuard.set(guard, [bind(x)])
  }
  const terms: string[] = []
  const params: (string | number | null)[] = []
  for (const [guard, values] of byGuard) {
    terms.push(`(${guard} AND ${f} IN (${values.map(() => '?').join(', ')}))`)
    params.push(...values)
  }
  if (withNull) terms.push(`${f} IS NULL`)
  return { sql: terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`, params }
}

export function whereSql(where: Where): Sql {
  const parts: string[] = []
  const params: (string | number | null)[] = []
  const add = (q: Sql) => { parts.push(q.sql); params.push(...q.params) }
  for (const [field, value] of Object.entries(where)) {
    const f = fieldExpr(field)
    const conds: Cond = isCond(value) ? value : { $eq: value }
    for (const [op, v] of Object.entries(conds)) {
      switch (op) {
        case '$eq':
          add(equals(field, v as Scalar))
          break
        case '$ne': {
          // Missing fields and other types are "not equal" too.
          const eq = equals(field, v as Scalar)
          add({ sql: `NOT COALESCE(${eq.sql}, 0)`, params: eq.params })
          break
        }
        case '$gt': case '$gte': case '$lt': case '$lte': {
          if (v === null || typeof v === 'object') throw new StoreError('BAD_QUERY', `${op} needs a scalar on ${field}`)
          const sym = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]
          add({ sql: `(${typeGuard(field, v as Scalar)} AND ${f} ${sym} ?)`, params: [bind(v as Scalar)] })
          break
        }
        case '$in': {
          const list = v as Scalar[]
          if (!Array.isArray(list)) throw new StoreError('BAD_QUERY', `$in needs an array on ${field}`)
          if (list.length === 0) { parts.push('0'); break }
          add(inList(field, list))
          break
        }
        case '$exists': {
          const path = field === '_id' ? null : `json_type(data, '$.${field}')`
          if (path) parts.push(v ? `${path} IS NOT NULL` : `${path} IS NULL`)
          else if (!v) parts.push('0')
          break
        }
        default:
          throw new StoreError('BAD_QUERY', `unknown operator ${op}`)
      }
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params }
}

/** Applies `set` (undefined removes) then `inc` to a plain object; dotted paths create parents. */
export function applyPatch(doc: Record<string, unknown>, patch: Patch): Record<string, unknown> {
  // As on CloudBase (MongoDB): one update may not touch a path twice, or a path and its parent.
  const paths = [...Object.keys(patch.set ?? {}), ...Object.keys(patch.inc ?? {})]
  for (const a of paths) {
    for (const b of paths) {
      if (a !== b && (b.startsWith(`${a}.`))) throw new StoreError('BAD_QUERY', `patch touches ${a} and ${b}`)
    }
  }
  if (new Set(paths).size !== paths.length) throw new StoreError('BAD_QUERY', 'patch touches a path twice')
  const out = structuredClone(doc)
  for (const [path, v] of Object.entries(patch.set ?? {})) setPath(out, path, v)
  for (const [path, n] of Object.entries(patch.inc ?? {})) {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new StoreError('BAD_QUERY', `inc needs a number on ${path}`)
    const cur = getPath(out, path)
    setPath(out, path, (typeof cur === 'number' ? cur : 0) + n)
  }
  return out
}

function getPath(o: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o)
}

function setPath(o: Record<string, unknown>, path: string, v: unknown): void {
  if (path === '_id') throw new StoreError('BAD_QUERY', '_id cannot change')
  const keys = path.split('.')
  let cur = o
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {}
    cur = cur[k] as Record<string, unknown>
  }
  const last = keys[keys.length - 1]
  if (v === undefined) delete cur[last]
  else cur[last] = v
}
