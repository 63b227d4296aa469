/**
 * What `npm run provision` does to a CloudBase environment, as plain data: every collection in `C`
 * (cloudfunctions/_core/model.ts), every index in `INDEXES` (ports/store.ts), and the security rule
 * ADMINONLY ("仅管理端可读写") on each collection, since the mini-program never reads the database
 * directly: only the cloud functions do, with admin rights. Idempotent: what exists is left alone;
 * an index whose name is taken by other fields is reported, never dropped.
 *
 * The calls go through `@cloudbase/manager-node`, typed here by its own declarations (`DbApi`,
 * `AclApi`) so the test's fake has the real shapes: `database.listCollections / describeCollection /
 * createCollection / updateCollection` and `commonService().call` for `DescribeDatabaseACL` /
 * `ModifyDatabaseACL` (the manager's documented way to the database's simple permissions).
 */
import type CloudBase from '@cloudbase/manager-node'

export type DbApi = Pick<CloudBase['database'], 'listCollections' | 'describeCollection' | 'createCollection' | 'updateCollection'>
export type AclApi = Pick<ReturnType<CloudBase['commonService']>, 'call'>

/** "仅管理端可读写": only server-side code (the cloud functions) reads or writes. */
export const SERVER_ONLY = 'ADMINONLY'

export interface IndexSpec { name: string; fields: string[] }
export interface Desired { collections: string[]; indexes: Record<string, IndexSpec[]> }

/** What the environment has, per collection (absent = the collection does not exist). */
export interface CollectionState { indexes: IndexSpec[]; acl: string | null }
export type EnvState = Record<string, CollectionState>

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndexes'; collection: string; indexes: IndexSpec[] }
  | { kind: 'setAcl'; collection: string; from: string | null }

export type Note =
  | { kind: 'changedIndex'; collection: string; name: string; want: string[]; have: string[] }
  | { kind: 'extraIndex'; collection: string; name: string; fields: string[] }

export interface Plan { steps: Step[]; notes: Note[] }

/** CloudBase index names: letters, digits and underscores; one name per field list. */
export const indexName = (fields: string[]): string => `ix_${fields.join('_').replace(/\W/g, '_')}`

export function desiredState(collections: Record<string, string>, indexes: Record<string, string[][]>): Desired {
  const names = [...new Set(Object.values(collections))].sort()
  const unknown = Object.keys(indexes).filter((c) => !names.includes(c))
  if (unknown.length) throw new Error(`INDEXES names collections that C does not have: ${unknown.join(', ')}`)
  return {
    collections: names,
    indexes: Object.fromEntries(names.map((c) => [c, (indexes[c] ?? []).map((fields) => ({ name: indexName(fields), fields }))])),
  }
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** The steps from `state` to `desired`; an empty environment gets everything. */
export function planProvision(desired: Desired, state: EnvState): Plan {
  const steps: Step[] = []
  const notes: Note[] = []
  for (const collection of desired.collections) {
    const have = state[collection]
    if (!have) steps.push({ kind: 'createCollection', collection })
    const existing = have?.indexes ?? []
    const missing: IndexSpec[] = []
    for (const want of desired.indexes[collection] ?? []) {
      if (existing.some((i) => same(i.fields, want.fields))) continue // same fields under any name: done
      const taken = existing.find((i) => i.name === want.name)
      if (taken) notes.push({ kind: 'changedIndex', collection, name: want.name, want: want.fields, have: taken.fields })
      else missing.push(want)
    }
    if (missing.length) steps.push({ kind: 'createIndexes', collection, indexes: missing })
    for (const i of existing) {
      if (i.name === '_id_' || i.fields.join() === '_id') continue
      if (!(desired.indexes[collection] ?? []).some((w) => same(w.fields, i.fields) || w.name === i.name)) notes.push({ kind: 'extraIndex', collection, name: i.name, fields: i.fields })
    }
    if (have?.acl !== SERVER_ONLY) steps.push({ kind: 'setAcl', collection, from: have?.acl ?? null })
  }
  return { steps, notes }
}

/** Reads what the environment has for the wanted collections (read-only calls). */
export async function readState(db: DbApi, acl: AclApi, envId: string, wanted: string[]): Promise<EnvState> {
  const existing = new Set<string>()
  for (let offset = 0; ; offset += 100) {
    const page = await db.listCollections({ MgoOffset: offset, MgoLimit: 100 })
    for (const c of page.Collections ?? []) existing.add(c.CollectionName)
    if ((page.Collections ?? []).length < 100) break
  }
  const state: EnvState = {}
  for (const name of wanted.filter((c) => existing.has(c))) {
    const info = await db.describeCollection(name)
    const indexes = (info.Indexes ?? []).map((i) => ({ name: i.Name, fields: (i.Keys ?? []).map((k) => k.Name ?? '') }))
    const res = (await acl.call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: name } })) as { AclTag?: string }
    state[name] = { indexes, acl: res.AclTag ?? null }
  }
  return state
}

/** Carries the steps out, one call each, in order (a collection exists before its indexes). */
export async function applyPlan(plan: Plan, db: DbApi, acl: AclApi, envId: string, log: (line: string) => void = () => {}): Promise<void> {
  for (const step of plan.steps) {
    log(describeStep(step))
    if (step.kind === 'createCollection') await db.createCollection(step.collection)
    else if (step.kind === 'createIndexes') {
      await db.updateCollection(step.collection, {
        CreateIndexes: step.indexes.map((i) => ({ IndexName: i.name, MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: i.fields.map((Name) => ({ Name, Direction: '1' })) } })),
      })
    } else await acl.call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: step.collection, AclTag: SERVER_ONLY } })
  }
}

export function describeStep(s: Step): string {
  if (s.kind === 'createCollection') return `create collection ${s.collection}`
  if (s.kind === 'createIndexes') return `create indexes on ${s.collection}: ${s.indexes.map((i) => `${i.name} (${i.fields.join(', ')})`).join('; ')}`
  return `set ${s.collection} security rule ${s.from ?? '(new)'} → ${SERVER_ONLY} (server only)`
}

export function describeNote(n: Note): string {
  if (n.kind === 'changedIndex') return `CHANGED index ${n.collection}.${n.name}: the environment has (${n.have.join(', ')}), INDEXES wants (${n.want.join(', ')}); left as is — drop it in the console, then run again`
  return `extra index ${n.collection}.${n.name} (${n.fields.join(', ')}) is not in INDEXES; left as is`
}
