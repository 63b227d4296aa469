/**
 * The Where/Patch translation, checked on the real `db.command` of an initialised (never connected)
 * @cloudbase/node-sdk app, and through the SDK's own serializer: `.where(w)` keeps the encoded query
 * it would send, and an `update` is captured at the request class before anything leaves.
 */
import * as tcb from '@cloudbase/node-sdk'
import { StoreError } from '../../ports/store'
import { findPathConflict, patchAlreadyAppliedWhere, translatePatch, translateWhere, whereForId, withoutId, type DbCommand } from './translate'

const app = tcb.init({ env: 'unit-test-env', secretId: 'unit-test-id', secretKey: 'unit-test-key' })
const db = app.database()
const _ = db.command as unknown as DbCommand

/** Canonical EJSON (what the SDK sends) → plain JSON values. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain)
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o)
    if (keys.length === 1 && ['$numberInt', '$numberDouble', '$numberLong'].includes(keys[0])) return Number(o[keys[0]])
    return Object.fromEntries(keys.map((k) => [k, plain(o[k])]))
  }
  return v
}

/** The query the SDK would send for `.where(w)`. */
const encodedWhere = (w: object): unknown =>
  plain(JSON.parse((db.collection('c').where(w) as unknown as { _fieldFilters: string })._fieldFilters))

/** The update document the SDK would send for `.where({_id}).update(data)`, captured at the request class. */
async function encodedUpdate(data: object): Promise<unknown> {
  const Db = db.constructor as unknown as { reqClass: unknown }
  const real = Db.reqClass
  let sent: { action: string; params: { data: string } } | undefined
  Db.reqClass = class {
    send(action: string, params: { data: string }) {
      sent = { action, params }
      return Promise.resolve({ requestId: 'r', data: { updated: 1 } })
    }
  }
  try {
    await db.collection('c').where({ _id: 'x' }).update(data)
  } finally {
    Db.reqClass = real
  }
  expect(sent?.action).toBe('database.modifyDocument')
  return plain(JSON.parse(sent!.params.data))
}

const bad = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError)
    return (e as StoreError).code
  }
  throw new Error('expected a StoreError')
}

describe('translateWhere', () => {
  test('equality stays a plain value; dotted paths stay dotted', () => {
    const w = translateWhere({ status: 'open', 'profile.city': 'Chengdu', n: 3, ok: true, gone: null }, _)
    expect(w).toEqual({ status: 'open', 'profile.city': 'Chengdu', n: 3, ok: true, gone: null })
    expect(encodedWhere(w)).toEqual({ status: 'open', 'profile.city': 'Chengdu', n: 3, ok: true, gone: null })
  })

  test('each operator becomes the matching db.command and MongoDB operator', () => {
    const cases: Array<[object, object]> = [
      [{ a: { $eq: 1 } }, { a: { $eq: 1 } }],
      [{ a: { $ne: 'x' } }, { a: { $ne: 'x' } }],
      [{ a: { $gt: 1 } }, { a: { $gt: 1 } }],
      [{ a: { $gte: 1.5 } }, { a: { $gte: 1.5 } }],
      [{ a: { $lt: 'm' } }, { a: { $lt: 'm' } }],
      [{ a: { $lte: 0 } }, { a: { $lte: 0 } }],
      [{ a: { $in: ['x', 2, null, true] } }, { a: { $in: ['x', 2, null, true] } }],
      [{ a: { $exists: false } }, { a: { $exists: false } }],
      [{ 'a.b.c': { $exists: true } }, { 'a.b.c': { $exists: true } }],
    ]
    for (const [where, mongo] of cases) expect(encodedWhere(translateWhere(where as never, _))).toEqual(mongo)
  })

  test('the produced values are the SDK command objects', () => {
    const w = translateWhere({ a: { $gt: 1 }, b: { $in: [1] }, c: { $exists: true } }, _)
    const ref = db.command
    expect(w.a).toEqual(ref.gt(1))
    expect(w.b).toEqual(ref.in([1]))
    expect(w.c).toEqual(ref.exists(true))
    expect(w.a).toBeInstanceOf(ref.gt(0).constructor)
  })

  test('several operators on one field are ANDed', () => {
    expect(encodedWhere(translateWhere({ n: { $gte: 1, $lt: 5 }, s: 'x' }, _))).toEqual({
      s: 'x',
      $and: [{ n: { $gte: 1 } }, { n: { $lt: 5 } }],
    })
  })

  test('a condition without operators constrains nothing', () => {
    expect(translateWhere({ a: {}, b: { $eq: undefined } as never }, _)).toEqual({})
  })

  test('refuses unknown operators, bad fields and non-scalar values with BAD_QUERY', () => {
    expect(bad(() => translateWhere({ a: { $regex: 'x' } as never }, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ 'a..b': 1 }, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ $where: 1 } as never, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ a: { $in: 'x' } as never }, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ a: { $exists: 1 } as never }, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ a: [1, 2] as never }, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ a: { $gt: { x: 1 } } as never }, _))).toBe('BAD_QUERY')
    expect(bad(() => translateWhere({ a: { $gt: Number.NaN } }, _))).toBe('BAD_QUERY')
  })
})

describe('whereForId', () => {
  test('adds the id to the expectation', () => {
    expect(encodedWhere(whereForId('d1', { version: 3 }, _))).toEqual({ version: 3, _id: 'd1' })
  })

  test('ANDs the id with an expectation on _id', () => {
    expect(encodedWhere(whereForId('d1', { _id: { $in: ['d1', 'd2'] } }, _))).toEqual({
      $and: [{ _id: { $eq: 'd1' } }, { _id: { $in: ['d1', 'd2'] } }],
    })
  })
})

describe('translatePatch', () => {
  test('set values are wrapped in db.command.set so objects replace instead of merging', async () => {
    const data = translatePatch({ set: { profile: { name: 'A', tags: [] }, empty: {}, n: 0, s: '', b: false, z: null } }, _)
    expect(data.profile).toEqual(db.command.set({ name: 'A', tags: [] }))
    expect(await encodedUpdate(data)).toEqual({
      $set: { profile: { name: 'A', tags: [] }, empty: {}, n: 0, s: '', b: false, z: null },
    })
  })

  test('(why: a bare object would be flattened into a merge, and {} would vanish)', async () => {
    expect(await encodedUpdate({ profile: { name: 'A' }, empty: {} })).toEqual({ $set: { 'profile.name': 'A' } })
  })

  test('undefined removes the field; inc adds; dotted paths stay dotted', async () => {
    const data = translatePatch({ set: { 'a.b': undefined, status: 'done' }, inc: { 'stats.n': 2, total: -1.5 } }, _)
    expect(data['a.b']).toEqual(db.command.remove())
    expect(data['stats.n']).toEqual(db.command.inc(2))
    expect(await encodedUpdate(data)).toEqual({
      $unset: { 'a.b': '' },
      $set: { status: 'done' },
      $inc: { 'stats.n': 2, total: -1.5 },
    })
  })

  test('an empty patch is an empty update', () => {
    expect(translatePatch({}, _)).toEqual({})
    expect(translatePatch({ set: {}, inc: {} }, _)).toEqual({})
  })

  test('refuses _id, bad paths, non-numbers and paths MongoDB would call conflicting', () => {
    expect(bad(() => translatePatch({ set: { _id: 'x' } }, _))).toBe('BAD_QUERY')
    expect(bad(() => translatePatch({ set: { 'a.': 1 } }, _))).toBe('BAD_QUERY')
    expect(bad(() => translatePatch({ inc: { n: '1' as never } }, _))).toBe('BAD_QUERY')
    expect(bad(() => translatePatch({ inc: { n: Number.POSITIVE_INFINITY } }, _))).toBe('BAD_QUERY')
    expect(bad(() => translatePatch({ set: { n: 1 }, inc: { n: 1 } }, _))).toBe('BAD_QUERY')
    expect(bad(() => translatePatch({ set: { a: {} }, inc: { 'a.n': 1 } }, _))).toBe('BAD_QUERY')
  })
})

describe('helpers', () => {
  test('findPathConflict', () => {
    expect(findPathConflict(['a', 'b', 'ab'])).toBeNull()
    expect(findPathConflict(['a.b', 'a.bc'])).toBeNull()
    expect(findPathConflict(['x', 'a.b', 'a'])).toEqual(['a', 'a.b'])
    expect(findPathConflict(['n', 'n'])).toEqual(['n', 'n'])
  })

  test('patchAlreadyAppliedWhere: only for scalar sets and removals', () => {
    expect(patchAlreadyAppliedWhere({ set: { s: 'x', n: 1, gone: undefined, z: null } })).toEqual({
      s: 'x',
      n: 1,
      gone: { $exists: false },
      z: { $exists: true, $eq: null },
    })
    expect(patchAlreadyAppliedWhere({ set: { o: { a: 1 } } })).toBeNull()
    expect(patchAlreadyAppliedWhere({ inc: { n: 1 } })).toBeNull()
  })

  test('withoutId', () => {
    expect(withoutId({ _id: 'a', x: 1 })).toEqual({ x: 1 })
  })
})
