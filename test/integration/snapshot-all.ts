/**
 * Every collection of the embedded store, every document: "nothing was written" means this is the
 * same before and after. Collections are the SQLite tables `c_<name>` (see sqlite-store.ts), so a
 * collection created by the call under test shows up too.
 */
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { Result } from '../../src/api/contract'
import { code } from './helpers'

export type StoreSnapshot = Record<string, Record<string, string>>

export function snapshotAll(cloud: LocalCloud): StoreSnapshot {
  const db = cloud.store.db
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string }>
  const out: StoreSnapshot = {}
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT id, data FROM "${name}" ORDER BY id`).all() as Array<{ id: string; data: string }>
    if (rows.length) out[name.slice(2)] = Object.fromEntries(rows.map((r) => [r.id, r.data]))
  }
  return out
}

/** What changed between two snapshots, as `collection/id` (+ added, − removed, ~ changed); [] when nothing did. */
export function changes(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const out: string[] = []
  for (const coll of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[coll] ?? {}
    const a = after[coll] ?? {}
    for (const id of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (!(id in b)) out.push(`+ ${coll}/${id}`)
      else if (!(id in a)) out.push(`- ${coll}/${id}`)
      else if (a[id] !== b[id]) out.push(`~ ${coll}/${id}`)
    }
  }
  return out.sort()
}

/** The whole store as one string, for `expect(everything(cloud)).toBe(before)`. */
export const everything = (cloud: LocalCloud): string => JSON.stringify(snapshotAll(cloud))

/** Runs `call`, which must be refused with a typed error (its code, zh and en): answers the code and details, and checks that no collection changed. */
export async function refusedUnchanged(cloud: LocalCloud, call: () => Promise<Result<unknown>>): Promise<{ code: string; details?: Record<string, unknown> }> {
  const before = snapshotAll(cloud)
  const r = await call()
  const c = code(r)
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  return { code: c, details: r.ok ? undefined : r.error.details }
}
