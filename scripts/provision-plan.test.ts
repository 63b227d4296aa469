/**
 * `npm run provision` against a fake of `@cloudbase/manager-node` typed by its own declarations
 * (DbApi, AclApi): an empty environment gets every collection in C, every index in INDEXES and the
 * server-only rule; a second run does nothing; what differs is reported, never dropped.
 */
import { C } from '../cloudfunctions/_core/model'
import { INDEXES } from '../cloudfunctions/_core/ports/store'
import { applyPlan, desiredState, indexName, planProvision, readState, SERVER_ONLY, type AclApi, type DbApi } from './provision-plan'

type ListResult = Awaited<ReturnType<DbApi['listCollections']>>
type TableResult = Awaited<ReturnType<DbApi['describeCollection']>>
type UpdateInfo = Parameters<DbApi['updateCollection']>[1]
interface FakeIndex { Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }

const ENV = 'yayou-test-1a2b'

/** The environment as CloudBase keeps it, behind the manager's method shapes. */
class FakeEnv implements DbApi, AclApi {
  readonly tables = new Map<string, { indexes: FakeIndex[]; acl: string }>()
  readonly calls: string[] = []

  constructor(existing: Record<string, { indexes?: Array<[string, string[]]>; acl?: string }> = {}) {
    for (const [name, t] of Object.entries(existing)) {
      this.tables.set(name, { acl: t.acl ?? 'PRIVATE', indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...(t.indexes ?? []).map(([Name, keys]) => ({ Name, Keys: keys.map((k) => ({ Name: k, Direction: '1' })), Unique: false }))] })
    }
  }

  async listCollections(options: { MgoLimit?: number; MgoOffset?: number } = {}): Promise<ListResult> {
    const all = [...this.tables.keys()].sort()
    const page = all.slice(options.MgoOffset ?? 0, (options.MgoOffset ?? 0) + (options.MgoLimit ?? 100))
    return { RequestId: 'r', Pager: { Offset: options.MgoOffset ?? 0, Limit: options.MgoLimit ?? 100, Total: all.length }, Collections: page.map((n) => ({ TableName: n, CollectionName: n, Count: 0, Size: 0, IndexCount: 1, IndexSize: 0 })) }
  }

  async describeCollection(name: string): Promise<TableResult> {
    const t = this.tables.get(name)
    if (!t) throw Object.assign(new Error(`[ResourceNotFound] ${name}`), { code: 'ResourceNotFound' })
    return { RequestId: 'r', IndexNum: t.indexes.length, Indexes: t.indexes.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '' } })) }
  }

  async createCollection(name: string): Promise<unknown> {
    this.calls.push(`createCollection ${name}`)
    if (this.tables.has(name)) throw new Error(`[ResourceInUse] ${name} exists`)
    this.tables.set(name, { acl: 'PRIVATE', indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }] })
    return { RequestId: 'r' }
  }

  async updateCollection(name: string, info: UpdateInfo): Promise<unknown> {
    this.calls.push(`updateCollection ${name}`)
    const t = this.tables.get(name)
    if (!t) throw new Error(`[ResourceNotFound] ${name}`)
    for (const c of info.CreateIndexes ?? []) {
      if (t.indexes.some((i) => i.Name === c.IndexName)) throw new Error(`[IndexExists] ${c.IndexName}`)
      t.indexes.push({ Name: c.IndexName, Keys: c.MgoKeySchema.MgoIndexKeys.map((k) => ({ ...k })), Unique: c.MgoKeySchema.MgoIsUnique })
    }
    return { RequestId: 'r' }
  }

  async call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> {
    const { Action, Param } = options
    if (Param.EnvId !== ENV) throw new Error(`[InvalidParameter] EnvId ${String(Param.EnvId)}`)
    const t = this.tables.get(String(Param.CollectionName))
    if (!t) throw new Error(`[ResourceNotFound] ${String(Param.CollectionName)}`)
    if (Action === 'DescribeDatabaseACL') return { RequestId: 'r', AclTag: t.acl }
    if (Action === 'ModifyDatabaseACL') {
      this.calls.push(`ModifyDatabaseACL ${String(Param.CollectionName)} ${String(Param.AclTag)}`)
      if (!['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'].includes(String(Param.AclTag))) throw new Error('[InvalidParameter] AclTag')
      t.acl = String(Param.AclTag)
      return { RequestId: 'r' }
    }
    throw new Error(`[UnsupportedOperation] ${Action}`)
  }
}

const desired = desiredState(C, INDEXES)
const provision = async (env: FakeEnv) => {
  const plan = planProvision(desired, await readState(env, env, ENV, desired.collections))
  await applyPlan(plan, env, env, ENV)
  return plan
}

test('the desired state is every collection in C with the indexes INDEXES declares for it', () => {
  expect(desired.collections).toEqual(Object.values(C).sort())
  for (const [coll, lists] of Object.entries(INDEXES)) expect(desired.indexes[coll].map((i) => i.fields)).toEqual(lists)
  expect(indexName(['to', 'to.patientId'])).toBe('ix_to_to_patientId')
  expect(() => desiredState({ users: 'users' }, { usres: [['patientId']] })).toThrow('usres')
})

test('dry run for a new environment: every collection, every declared index, every rule', () => {
  const plan = planProvision(desired, {})
  for (const coll of desired.collections) {
    expect(plan.steps).toContainEqual({ kind: 'createCollection', collection: coll })
    expect(plan.steps).toContainEqual({ kind: 'setAcl', collection: coll, from: null })
  }
  const planned = plan.steps.flatMap((s) => (s.kind === 'createIndexes' ? s.indexes.map((i) => `${s.collection}:${i.fields.join(',')}`) : []))
  expect(planned.sort()).toEqual(Object.entries(INDEXES).flatMap(([c, lists]) => lists.map((f) => `${c}:${f.join(',')}`)).sort())
  expect(plan.notes).toEqual([])
})

test('an empty environment ends with everything server-only and indexed; a second run does nothing', async () => {
  const env = new FakeEnv()
  await provision(env)
  expect([...env.tables.keys()].sort()).toEqual(desired.collections)
  for (const [name, t] of env.tables) {
    expect([name, t.acl]).toEqual([name, SERVER_ONLY])
    expect(t.indexes.filter((i) => i.Name !== '_id_').map((i) => i.Keys.map((k) => k.Name))).toEqual(INDEXES[name] ?? [])
    expect(t.indexes.every((i) => i.Keys.every((k) => k.Direction === '1'))).toBe(true)
  }
  // A collection is created before its indexes and its rule.
  expect(env.calls.indexOf('createCollection bills')).toBeLessThan(env.calls.indexOf('updateCollection bills'))
  expect(env.calls.indexOf('updateCollection bills')).toBeLessThan(env.calls.indexOf(`ModifyDatabaseACL bills ${SERVER_ONLY}`))

  env.calls.length = 0
  const again = await provision(env)
  expect(again).toEqual({ steps: [], notes: [] })
  expect(env.calls).toEqual([])
})

test('a partly provisioned environment: only what is missing; a changed index is reported and left alone', async () => {
  const env = new FakeEnv({
    // patientId+at under another name counts as present; "ix_day" holds other fields; "old" is extra.
    bills: { acl: 'READONLY', indexes: [['byPatient', ['patientId', 'at']], ['ix_day', ['clinicId']], ['old', ['staffId']]] },
    users: { acl: SERVER_ONLY, indexes: [['ix_patientId', ['patientId']], ['ix_staffId', ['staffId']]] },
  })
  const plan = await provision(env)
  expect(plan.steps.filter((s) => s.collection === 'users')).toEqual([])
  expect(plan.steps.filter((s) => s.collection === 'bills')).toEqual([
    { kind: 'createIndexes', collection: 'bills', indexes: [{ name: 'ix_clinicId_day', fields: ['clinicId', 'day'] }, { name: 'ix_referralId_at', fields: ['referralId', 'at'] }, { name: 'ix_at', fields: ['at'] }, { name: 'ix_billNo', fields: ['billNo'] }] },
    { kind: 'setAcl', collection: 'bills', from: 'READONLY' },
  ])
  expect(plan.notes).toEqual([
    { kind: 'changedIndex', collection: 'bills', name: 'ix_day', want: ['day'], have: ['clinicId'] },
    { kind: 'extraIndex', collection: 'bills', name: 'old', fields: ['staffId'] },
  ])
  expect(env.calls).not.toContain('createCollection bills')
  const bills = env.tables.get('bills')!
  expect(bills.indexes.map((i) => i.Name)).toEqual(['_id_', 'byPatient', 'ix_day', 'old', 'ix_clinicId_day', 'ix_referralId_at', 'ix_at', 'ix_billNo']) // nothing dropped
  expect(bills.acl).toBe(SERVER_ONLY)
  // Run again: the changed index is still reported, nothing else happens.
  env.calls.length = 0
  expect((await provision(env)).steps).toEqual([])
  expect(env.calls).toEqual([])
})

test('reading the environment pages through every collection (100 a page)', async () => {
  const others = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`aaa_other_${String(i).padStart(3, '0')}`, {}]))
  const env = new FakeEnv({ ...others, users: { acl: SERVER_ONLY, indexes: [['a', ['patientId']], ['b', ['staffId']]] } })
  const state = await readState(env, env, ENV, desired.collections)
  expect(Object.keys(state)).toEqual(['users']) // listed on the third page, after 230 others
  expect(state.users).toEqual({ acl: SERVER_ONLY, indexes: [{ name: '_id_', fields: ['_id'] }, { name: 'a', fields: ['patientId'] }, { name: 'b', fields: ['staffId'] }] })
})
