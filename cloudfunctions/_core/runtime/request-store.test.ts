import { SqliteStore } from '../adapters/embedded/sqlite-store'
import { currentPolicy, savePolicy } from '../deps'
import type { Store } from '../ports/store'
import { DEFAULT_POLICY } from '../../../src/domain/policy'
import { requestStore, rootStore } from './request-store'

/** The embedded store, with every call it receives counted by name. */
function counted(): { store: Store; calls: string[] } {
  const inner = new SqliteStore({ file: ':memory:' })
  const calls: string[] = []
  const store = new Proxy(inner, {
    get(t, k, r) {
      const v = Reflect.get(t, k, r) as unknown
      return typeof v === 'function' ? (...a: unknown[]) => { calls.push(String(k)); return (v as (...x: unknown[]) => unknown).apply(t, a) } : v
    },
  }) as unknown as Store
  return { store, calls }
}

describe('requestStore (issue 11: one request reads each document once)', () => {
  test('a document read twice in one request costs one store call, and each reader gets its own copy', async () => {
    const { store, calls } = counted()
    await store.set('patients', { _id: 'p1', name: '王', tags: ['a'] })
    calls.length = 0
    const req = requestStore(store)
    const a = await req.get<{ _id: string; tags: string[] }>('patients', 'p1')
    a!.tags.push('edited by one use case')
    expect(await req.get('patients', 'p1')).toEqual({ _id: 'p1', name: '王', tags: ['a'] })
    expect(await req.get('patients', 'nobody')).toBeNull()
    expect(await req.get('patients', 'nobody')).toBeNull()
    expect(calls).toEqual(['get', 'get'])
  })

  test('the request sees its own writes: a write forgets the document, a transaction forgets all', async () => {
    const { store } = counted()
    const req = requestStore(store)
    await req.set('patients', { _id: 'p1', n: 1 })
    expect(await req.get('patients', 'p1')).toEqual({ _id: 'p1', n: 1 })
    await req.updateIf('patients', 'p1', { n: 1 }, { set: { n: 2 } })
    expect(await req.get('patients', 'p1')).toEqual({ _id: 'p1', n: 2 })
    await req.transaction(async (tx) => tx.update('patients', 'p1', { set: { n: 3 } }))
    expect(await req.get('patients', 'p1')).toEqual({ _id: 'p1', n: 3 })
    await req.delete('patients', 'p1')
    expect(await req.get('patients', 'p1')).toBeNull()
  })

  test('another request does not see this one\'s memo', async () => {
    const { store } = counted()
    await store.set('patients', { _id: 'p1', n: 1 })
    const first = requestStore(store)
    await first.get('patients', 'p1')
    await store.set('patients', { _id: 'p1', n: 2 }) // someone else's write
    expect(await requestStore(store).get('patients', 'p1')).toEqual({ _id: 'p1', n: 2 })
    expect(rootStore(first)).toBe(store)
  })
})

describe('currentPolicy cache', () => {
  test('read once per store while fresh; savePolicy refreshes it at once', async () => {
    const { store, calls } = counted()
    await savePolicy(store, DEFAULT_POLICY)
    calls.length = 0
    expect((await currentPolicy(requestStore(store))).version).toBe(DEFAULT_POLICY.version)
    expect((await currentPolicy(requestStore(store))).version).toBe(DEFAULT_POLICY.version)
    expect(calls).toEqual([]) // savePolicy filled the cache
    await savePolicy(store, { ...DEFAULT_POLICY, version: DEFAULT_POLICY.version + 1 })
    expect((await currentPolicy(requestStore(store))).version).toBe(DEFAULT_POLICY.version + 1)
  })

  test('a store that never cached reads the stored policy, and the defaults fill missing sections', async () => {
    const { store, calls } = counted()
    await store.set('policies', { _id: 'current', policy: { version: 7 } })
    const p = await currentPolicy(store)
    expect(p.version).toBe(7)
    expect(p.timezone).toBe(DEFAULT_POLICY.timezone)
    expect(calls.filter((c) => c === 'get')).toHaveLength(1)
  })
})
