/**
 * Where/Patch of the store port → CloudBase document-database (`@cloudbase/database`) query and
 * update objects built with `db.command`. Pure: no request is made here.
 *
 * What the SDK does with them (read in node_modules/@cloudbase/database/src/serializer/*.ts):
 * - a query object is flattened into dotted paths and every command becomes a MongoDB operator
 *   (`_.gt(1)` → `{ $gt: 1 }`; two commands on one field via `_.and(a, b)` → `{ $and: [...] }`);
 * - an update object is flattened too, and a plain value becomes `$set`. Flattening means a plain
 *   object value is MERGED field by field (and an empty `{}` silently disappears), so every value
 *   of `Patch.set` is wrapped in `_.set(v)`, which the serializer leaves whole: `set` replaces.
 */
import { StoreError, type Cond, type Patch, type Scalar, type Where } from '../../ports/store'

/** The part of `db.command` used here (the SDK's `Command` object satisfies it). */
export interface DbCommand {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  in(v: unknown[]): unknown
  exists(v: boolean): unknown
  and(...c: unknown[]): object
  set(v: unknown): unknown
  remove(): unknown
  inc(n: number): unknown
}

/** Same rule as the embedded store: dotted identifiers (`a.b_c`), `_id` included. */
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

export function checkField(field: string): string {
  if (typeof field !== 'string' || !FIELD.test(field)) throw new StoreError('BAD_QUERY', `bad field ${JSON.stringify(field)}`)
  return field
}

const isCond = (v: unknown): v is Cond => typeof v === 'object' && v !== null && !Array.isArray(v)

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

function scalar(field: string, op: string, v: unknown): Scalar {
  if (!isScalar(v)) throw new StoreError('BAD_QUERY', `${op} on ${field} needs a string, finite number, boolean or null`)
  return v
}

/** One field's condition → a command, `_.and(...)` of several, or null when it has none. */
function condCommand(field: string, cond: Cond, _: DbCommand): unknown | null {
  const cmds: unknown[] = []
  for (const [op, v] of Object.entries(cond)) {
    if (v === undefined) continue
    switch (op) {
      case '$eq': cmds.push(_.eq(scalar(field, op, v))); break
      case '$ne': cmds.push(_.neq(scalar(field, op, v))); break
      case '$gt': cmds.push(_.gt(scalar(field, op, v))); break
      case '$gte': cmds.push(_.gte(scalar(field, op, v))); break
      case '$lt': cmds.push(_.lt(scalar(field, op, v))); break
      case '$lte': cmds.push(_.lte(scalar(field, op, v))); break
      case '$in':
        if (!Array.isArray(v)) throw new StoreError('BAD_QUERY', `$in needs an array on ${field}`)
        cmds.push(_.in(v.map((x) => scalar(field, op, x))))
        break
      case '$exists':
        if (typeof v !== 'boolean') throw new StoreError('BAD_QUERY', `$exists needs a boolean on ${field}`)
        cmds.push(_.exists(v))
        break
      default:
        throw new StoreError('BAD_QUERY', `unknown operator ${op} on ${field}`)
    }
  }
  if (cmds.length === 0) return null
  return cmds.length === 1 ? cmds[0] : _.and(...cmds)
}

/**
 * `Where` → the object for `.where()`. Equality stays a plain value (`{ status: 'open' }`); dotted
 * keys are kept as they are (CloudBase reads `'a.b'` as a nested path). A condition with no
 * operator constrains nothing, as in the embedded store.
 */
export function translateWhere(where: Where | undefined, _: DbCommand): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(where ?? {})) {
    checkField(field)
    if (value === undefined) continue
    if (isCond(value)) {
      const cmd = condCommand(field, value, _)
      if (cmd !== null) out[field] = cmd
    } else {
      out[field] = scalar(field, 'equality', value)
    }
  }
  return out
}

/** The where of a compare-and-set on one document: `_id` plus the expectation (ANDed if it names `_id` too). */
export function whereForId(id: string, expected: Where | undefined, _: DbCommand): Record<string, unknown> {
  const w = translateWhere(expected, _)
  if ('_id' in w) {
    const other = w._id
    const otherCmd = isCommandLike(other) ? other : _.eq(other)
    return { ...w, _id: _.and(_.eq(id), otherCmd) }
  }
  return { ...w, _id: id }
}

const isCommandLike = (v: unknown): boolean => typeof v === 'object' && v !== null && '_internalType' in v

/**
 * `Patch` → the object for `.update()`: `set` values wrapped in `_.set` (replace, never merge),
 * `undefined` → `_.remove()`, `inc` → `_.inc(n)`. MongoDB refuses an update touching one path twice
 * or a path and its parent ("would create a conflict"), so that is refused here up front.
 */
export function translatePatch(patch: Patch, _: DbCommand): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const paths: string[] = []
  for (const [path, v] of Object.entries(patch.set ?? {})) {
    checkField(path)
    if (path === '_id') throw new StoreError('BAD_QUERY', '_id cannot change')
    paths.push(path)
    out[path] = v === undefined ? _.remove() : _.set(v)
  }
  for (const [path, n] of Object.entries(patch.inc ?? {})) {
    checkField(path)
    if (path === '_id') throw new StoreError('BAD_QUERY', '_id cannot change')
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new StoreError('BAD_QUERY', `inc needs a finite number on ${path}`)
    paths.push(path)
    out[path] = _.inc(n)
  }
  const conflict = findPathConflict(paths)
  if (conflict) throw new StoreError('BAD_QUERY', `patch touches ${conflict[0]} and ${conflict[1]}: MongoDB refuses such an update`)
  return out
}

/** Two paths where one equals or contains the other (`a` and `a`, `a` and `a.b`), if any. */
export function findPathConflict(paths: string[]): [string, string] | null {
  const sorted = [...paths].sort()
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]
    const b = sorted[i]
    if (a === b || b.startsWith(`${a}.`)) return [a, b]
  }
  return null
}

/**
 * When an update reports `updated: 0`, MongoDB may mean "matched but nothing changed" (its
 * `nModified`). For a patch that only sets scalars or removes fields this gives the where that
 * holds exactly when the document already matches AND already looks patched — then the
 * compare-and-set did succeed (as a no-op). Null when the patch cannot be checked that way.
 */
export function patchAlreadyAppliedWhere(patch: Patch): Where | null {
  if (patch.inc && Object.keys(patch.inc).length > 0) return null
  const w: Where = {}
  for (const [path, v] of Object.entries(patch.set ?? {})) {
    if (v === undefined) w[path] = { $exists: false }
    else if (v === null) w[path] = { $exists: true, $eq: null }
    else if (isScalar(v)) w[path] = v
    else return null
  }
  return w
}

/** Splits `_id` off a document for `doc(id).set(...)`, which refuses a body with `_id`. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc
  void _ignored
  return rest
}
