/**
 * CloudBaseStore over the real @cloudbase/node-sdk / @cloudbase/database code, with only the
 * request class replaced: each test sees the requests the SDK would send (action + params) and
 * answers them. No network. (The behaviour against a real environment is the contract suite's job:
 * test/contract/store.test.ts with TCB_ENV/TCB_SECRET_ID/TCB_SECRET_KEY.)
 */
import * as tcb from '@cloudbase/node-sdk'
import { StoreError, isStoreError } from '../../ports/store'
import { CloudBaseStore, openCloudBaseStore, type CbDb } from './cloudbase-store'

type Params = Record<string, unknown>
type Sent = { action: string; params: Params }
type Answer = (params: Params, sent: Sent[]) => unknown

const app = tcb.init({ env: 'unit-test-env', secretId: 'unit-test-id', secretKey: 'unit-test-key' })

/** A store whose SDK requests go to `answers[action]` (an answer that throws is a thrown TcbError). */
function harness(answers: Record<string, Answer | Answer[]>) {
  const db = app.database() // resets the SDK's request class to the real one…
  const Db = db.constructor as unknown as { reqClass: unknown }
  const sent: Sent[] = []
  const queues = new Map(Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]))
  Db.reqClass = class { // …which is replaced here, for this db's requests
    async send(action: string, params: Params = {}) {
      sent.push({ action, params })
      const a = queues.get(action)
      const fn = Array.isArray(a) ? (a.length > 1 ? a.shift() : a[0]) : a
      if (!fn) throw new Error(`unexpected request ${action}`)
      return fn(params, sent)
    }
  }
  return { store: openCloudBaseStore({ db: db as unknown as CbDb }), sent }
}

const ejson = (v: unknown) => JSON.stringify(v)
const docs = (...list: object[]) => () => ({ requestId: 'r', data: { list: list.map(ejson) } })
const tcbError = (code: string, message = code) => () => { throw Object.assign(new Error(message), { code, requestId: 'r' }) }
const body = (code: string, message = code) => () => ({ code, message, requestId: 'r' })
/** EJSON canonical → plain values, for reading what was sent. */
const plain = (s: unknown): unknown => JSON.parse(String(s), (_k, v) =>
  v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && /^\$number(Int|Double|Long)$/.test(Object.keys(v)[0])
    ? Number(Object.values(v)[0])
    : v)

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    if (e instanceof StoreError) return e.code
    throw e
  }
  throw new Error('expected a StoreError')
}

describe('CloudBaseStore (SDK requests, no network)', () => {
  test('get: doc(id).get() → first of data, with _id; none → null', async () => {
    const { store, sent } = harness({ 'database.getDocument': [docs({ _id: 'p1', name: '王', n: 2, tags: ['a'] }), docs()] })
    expect(await store.get('patients', 'p1')).toEqual({ _id: 'p1', name: '王', n: 2, tags: ['a'] })
    expect(await store.get('patients', 'p2')).toBeNull()
    expect(sent[0].params).toMatchObject({ collectionName: 'patients', queryType: 'DOC' })
    expect(plain(sent[0].params.query)).toEqual({ _id: 'p1' })
  })

  test('create: add() with the _id in the body', async () => {
    const { store, sent } = harness({ 'database.insertDocument': () => ({ requestId: 'r', data: { insertedIds: ['b1'] } }) })
    await store.create('bills', { _id: 'b1', amount: 1200, paid: false, items: [{ k: 'x' }] })
    expect(sent[0].action).toBe('database.insertDocument')
    expect((sent[0].params.data as string[]).map(plain)).toEqual([{ _id: 'b1', amount: 1200, paid: false, items: [{ k: 'x' }] }])
  })

  test('create of an existing _id → DUPLICATE, whether thrown or returned, by code or by E11000', async () => {
    expect(await codeOf(harness({ 'database.insertDocument': tcbError('DATABASE_DUPLICATE_WRITE') }).store.create('c', { _id: 'a' }))).toBe('DUPLICATE')
    expect(await codeOf(harness({ 'database.insertDocument': body('DATABASE_DUPLICATE_WRITE') }).store.create('c', { _id: 'a' }))).toBe('DUPLICATE')
    const e11000 = '[FailedOperation] multiple write errors: [{write errors: [{E11000 duplicate key error collection: tcb.c index: _id_ dup key: { : "a" }}]}]'
    expect(await codeOf(harness({ 'database.insertDocument': body('DATABASE_REQUEST_FAILED', e11000) }).store.create('c', { _id: 'a' }))).toBe('DUPLICATE')
  })

  test('other SDK failures are thrown as they are (code kept), returned bodies included', async () => {
    await expect(harness({ 'database.getDocument': body('DATABASE_PERMISSION_DENIED') }).store.get('c', 'a')).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
    await expect(harness({ 'database.getDocument': tcbError('SYS_ERR') }).store.get('c', 'a')).rejects.toMatchObject({ code: 'SYS_ERR' })
  })

  test('a missing collection: reads see nothing, writes create it and retry once', async () => {
    const missing = tcbError('DATABASE_COLLECTION_NOT_EXIST', '[ResourceNotFound] Db or Table not exist')
    const { store, sent } = harness({
      'database.getDocument': missing,
      'database.calculateDocument': missing,
      'database.insertDocument': [missing, () => ({ requestId: 'r', data: { insertedIds: ['a'] } })],
      'database.addCollection': () => ({ requestId: 'r' }),
    })
    expect(await store.get('fresh', 'a')).toBeNull()
    expect(await store.query('fresh')).toEqual([])
    expect(await store.count('fresh')).toBe(0)
    await store.create('fresh', { _id: 'a' })
    expect(sent.map((s) => s.action)).toEqual([
      'database.getDocument', 'database.getDocument', 'database.calculateDocument',
      'database.insertDocument', 'database.addCollection', 'database.insertDocument',
    ])
    expect(sent[4].params).toMatchObject({ collectionName: 'fresh' })
  })

  test('set: doc(id).set(body without _id) — an upsert that replaces', async () => {
    const { store, sent } = harness({ 'database.modifyDocument': () => ({ requestId: 'r', data: { updated: 1 } }) })
    await store.set('patients', { _id: 'p1', name: 'x', profile: {} })
    expect(sent[0].params).toMatchObject({ collectionName: 'patients', queryType: 'DOC', upsert: true, merge: false, multi: false })
    expect(plain(sent[0].params.query)).toEqual({ _id: 'p1' })
    expect(plain(sent[0].params.data)).toEqual({ name: 'x', profile: {} })
  })

  test('updateIf: where({_id, ...expected}).update(patch) → updated === 1', async () => {
    const { store, sent } = harness({ 'database.modifyDocument': [() => ({ requestId: 'r', data: { updated: 1 } }), () => ({ requestId: 'r', data: { updated: 0 } })], 'database.calculateDocument': () => ({ requestId: 'r', data: { total: 0 } }) })
    expect(await store.updateIf('accounts', 'a1', { version: 4, 'owner.kind': 'patient' }, { set: { version: 5, note: undefined }, inc: { balance: -300 } })).toBe(true)
    expect(sent[0].params).toMatchObject({ queryType: 'WHERE', merge: true, upsert: false })
    expect(plain(sent[0].params.query)).toEqual({ version: 4, 'owner.kind': 'patient', _id: 'a1' })
    expect(plain(sent[0].params.data)).toEqual({ $set: { version: 5 }, $unset: { note: '' }, $inc: { balance: -300 } })
    // updated 0 with an inc in the patch: plainly false, no second look
    expect(await store.updateIf('accounts', 'a1', { version: 4 }, { inc: { balance: 1 } })).toBe(false)
    expect(sent).toHaveLength(2)
  })

  test('updateIf: updated 0 on a set-only patch looks again (MongoDB counts modified, not matched)', async () => {
    const { store, sent } = harness({
      'database.modifyDocument': () => ({ requestId: 'r', data: { updated: 0 } }),
      'database.calculateDocument': [() => ({ requestId: 'r', data: { total: 1 } }), () => ({ requestId: 'r', data: { total: 0 } })],
    })
    expect(await store.updateIf('c', 'd', { state: 'open' }, { set: { flag: true } })).toBe(true)
    expect(plain(sent[1].params.query)).toEqual({ $and: [{ state: 'open', _id: 'd' }, { flag: true }] })
    expect(await store.updateIf('c', 'd', { state: 'open' }, { set: { flag: true } })).toBe(false)
  })

  test('query: LIMIT refused before any request; default 100; _id appended to the order', async () => {
    const { store, sent } = harness({ 'database.getDocument': docs({ _id: 'a' }) })
    expect(await codeOf(store.query('c', { limit: 1001 }))).toBe('LIMIT')
    expect(await codeOf(store.query('c', { limit: 0 }))).toBe('LIMIT')
    expect(await codeOf(store.query('c', { skip: -1 }))).toBe('BAD_QUERY')
    expect(sent).toHaveLength(0)
    expect(await store.query('c')).toEqual([{ _id: 'a' }])
    expect(sent[0].params).toMatchObject({ limit: 100, queryType: 'WHERE' })
    expect(plain(sent[0].params.order)).toEqual({ _id: 1 })
    await store.query('bills', { where: { clinicId: 'c1', at: { $gte: '2024-01-01' } }, orderBy: [['day', 'desc'], ['at', 'asc']], skip: 2000, limit: 1000 })
    expect(sent[1].params).toMatchObject({ limit: 1000, offset: 2000 })
    expect(plain(sent[1].params.order)).toEqual({ day: -1, at: 1, _id: 1 })
    expect(Object.keys(plain(sent[1].params.order) as object)).toEqual(['day', 'at', '_id'])
    expect(plain(sent[1].params.query)).toEqual({ clinicId: 'c1', at: { $gte: '2024-01-01' } })
  })

  test('count: where(...).count() → total', async () => {
    const { store, sent } = harness({ 'database.calculateDocument': () => ({ requestId: 'r', data: { total: 7 } }) })
    expect(await store.count('patients', { clinicId: 'c1' })).toBe(7)
    expect(plain(sent[0].params.query)).toEqual({ clinicId: 'c1' })
  })

  test('delete: doc(id).remove()', async () => {
    const { store, sent } = harness({ 'database.removeDocument': () => ({ requestId: 'r', data: { deleted: 1 } }) })
    await store.delete('c', 'x')
    expect(plain(sent[0].params.query)).toEqual({ _id: 'x' })
  })

  test('transaction: operations carry the transaction id; commit at the end', async () => {
    const { store, sent } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T1' }),
      'database.getDocument': [docs({ _id: 'a', n: 1 }), docs()],
      'database.modifyDocument': () => ({ requestId: 'r', data: { updated: 1 } }),
      'database.removeDocument': () => ({ requestId: 'r', data: { deleted: 1 } }),
      'database.commitTransaction': () => ({ requestId: 'r' }),
    })
    const out = await store.transaction(async (tx) => {
      const a = await tx.get<{ _id: string; n: number }>('c', 'a')
      await tx.update('c', 'a', { inc: { n: 1 } })
      await tx.create('c', { _id: 'b', n: a!.n })
      await tx.delete('c', 'z')
      return a
    })
    expect(out).toEqual({ _id: 'a', n: 1 })
    expect(sent.map((s) => s.action)).toEqual([
      'database.startTransaction', 'database.getDocument', 'database.modifyDocument',
      'database.getDocument', 'database.modifyDocument', 'database.removeDocument', 'database.commitTransaction',
    ])
    expect(sent.slice(1).every((s) => s.params.transactionId === 'T1')).toBe(true)
    expect(sent[4].params).toMatchObject({ upsert: true, merge: false })
    expect(plain(sent[4].params.data)).toEqual({ n: 1 })
  })

  test('transaction: create of an existing id → DUPLICATE, rolled back', async () => {
    const { store, sent } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T1' }),
      'database.modifyDocument': () => ({ requestId: 'r', data: { updated: 1 } }),
      'database.getDocument': docs({ _id: 'a' }),
      'database.abortTransaction': () => ({ requestId: 'r' }),
    })
    expect(await codeOf(store.transaction(async (tx) => { await tx.set('c', { _id: 'x' }); await tx.create('c', { _id: 'a' }) }))).toBe('DUPLICATE')
    expect(sent.at(-1)!.action).toBe('database.abortTransaction')
  })

  test('transaction: an error from the callback rolls back and propagates as it is', async () => {
    const { store, sent } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T1' }),
      'database.abortTransaction': () => ({ requestId: 'r' }),
    })
    const boom = new Error('boom')
    await expect(store.transaction(async () => { throw boom })).rejects.toBe(boom)
    expect(sent.map((s) => s.action)).toEqual(['database.startTransaction', 'database.abortTransaction'])
  })

  test('transaction: DATABASE_TRANSACTION_CONFLICT is retried by the SDK, then becomes CONFLICT', async () => {
    const conflict = '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.'
    let runs = 0
    const { store, sent } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T' }),
      'database.modifyDocument': tcbError('DATABASE_TRANSACTION_CONFLICT', conflict),
      'database.abortTransaction': () => ({ requestId: 'r' }),
    })
    expect(await codeOf(store.transaction(async (tx) => { runs++; await tx.set('c', { _id: 'a' }) }))).toBe('CONFLICT')
    expect(runs).toBe(4) // first run + runTransaction's 3 re-runs
    expect(sent.filter((s) => s.action === 'database.startTransaction')).toHaveLength(4)

    // the same code returned as a body (setThrowOnCode(false) style) behaves the same
    const b = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T' }),
      'database.modifyDocument': [body('DATABASE_TRANSACTION_CONFLICT', conflict), () => ({ requestId: 'r', data: { updated: 1 } })],
      'database.commitTransaction': () => ({ requestId: 'r' }),
    })
    await b.store.transaction(async (tx) => { await tx.set('c', { _id: 'a' }) })
    expect(b.sent.map((s) => s.action)).toEqual(['database.startTransaction', 'database.modifyDocument', 'database.startTransaction', 'database.modifyDocument', 'database.commitTransaction'])
  })

  test('transaction: update of a missing document → NOT_FOUND', async () => {
    const { store } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T' }),
      'database.modifyDocument': () => ({ requestId: 'r', data: { updated: 0 } }),
      'database.getDocument': docs(),
      'database.abortTransaction': () => ({ requestId: 'r' }),
    })
    expect(await codeOf(store.transaction((tx) => tx.update('c', 'nope', { set: { a: 1 } })))).toBe('NOT_FOUND')
  })

  test('transaction: update in a missing collection → NOT_FOUND (nothing to create)', async () => {
    const { store, sent } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T' }),
      'database.modifyDocument': tcbError('DATABASE_COLLECTION_NOT_EXIST', '[ResourceNotFound] Db or Table not exist'),
      'database.abortTransaction': () => ({ requestId: 'r' }),
    })
    expect(await codeOf(store.transaction((tx) => tx.update('fresh', 'a', { inc: { n: 1 } })))).toBe('NOT_FOUND')
    expect(sent.map((s) => s.action)).not.toContain('database.addCollection')
  })

  test('transaction: a write to a missing collection creates it and asks for a retry (CONFLICT)', async () => {
    const { store, sent } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T' }),
      'database.modifyDocument': tcbError('DATABASE_COLLECTION_NOT_EXIST', '[ResourceNotFound] Db or Table not exist'),
      'database.addCollection': () => ({ requestId: 'r' }),
      'database.abortTransaction': () => ({ requestId: 'r' }),
    })
    const e = await store.transaction((tx) => tx.set('fresh', { _id: 'a' })).catch((x: unknown) => x)
    expect(isStoreError(e, 'CONFLICT')).toBe(true)
    expect(sent.map((s) => s.action)).toContain('database.addCollection')
  })

  test('a finished transaction context refuses further use', async () => {
    const { store } = harness({
      'database.startTransaction': () => ({ requestId: 'r', transactionId: 'T' }),
      'database.commitTransaction': () => ({ requestId: 'r' }),
    })
    let leaked: Parameters<Parameters<CloudBaseStore['transaction']>[0]>[0] | undefined
    await store.transaction(async (tx) => { leaked = tx })
    expect(await codeOf(leaked!.get('c', 'a'))).toBe('BAD_QUERY')
  })

  test('bad names and ids are refused before any request', async () => {
    const { store, sent } = harness({})
    expect(await codeOf(store.get('bad name', 'a'))).toBe('BAD_QUERY')
    expect(await codeOf(store.get('c', ''))).toBe('BAD_QUERY')
    expect(await codeOf(store.create('c', { _id: '' }))).toBe('BAD_QUERY')
    expect(sent).toHaveLength(0)
  })
})
