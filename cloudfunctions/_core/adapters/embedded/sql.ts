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

export function whereSql(where: Where): { sql: string; params: (string | number | null)[] } {
  const parts: string[] = []
  const params: (string | number | null)[] = []
  for (const [field, value] of Object.entries(where)) {
    const f = fieldExpr(field)
    const conds: Cond = isCond(value) ? value : { $eq: value }
    for (const [op, v] of Object.entries(conds)) {
      switch (op) {
        case '$eq':
          if (v === null) parts.push(`${f} IS NULL`)
          else { parts.push(`${f} = ?`); params.push(bind(v as Scalar)) }
          break
        case '$ne':
          if (v === null) parts.push(`${f} IS NOT NULL`)
          else { parts.push(`(${f} IS NULL OR ${f} != ?)`); params.push(bind(v as Scalar)) }
          break
        case '$gt': case '$gte': case '$lt': case '$lte': {
          const sym = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]
          parts.push(`${f} ${sym} ?`); params.push(bind(v as Scalar))
          break
        }
        case '$in': {
          const list = v as Scalar[]
          if (!Array.isArray(list)) throw new StoreError('BAD_QUERY', `$in needs an array on ${field}`)
          if (list.length === 0) { parts.push('0'); break }
          parts.push(`${f} IN (${list.map(() => '?').join(', ')})`); params.push(...list.map(bind))
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
