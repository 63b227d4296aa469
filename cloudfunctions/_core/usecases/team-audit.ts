/**
 * The staff audit trail: every staff change (invite, join, role, clinic, disable, enable) is one
 * `staffAudit` document written in the same transaction as the change — who did it, when, what,
 * before and after. Nothing edits or deletes these documents.
 */
import type { StaffAuditView, StaffChange, StaffRole } from '../../../src/api/contract'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { C, type StaffDoc } from '../model'
import type { TxContext } from '../ports/store'

export interface StaffFacts { role?: StaffRole; clinicId?: string; active?: boolean }

export interface StaffAuditDoc {
  _id: string
  staffId: string
  at: string
  /** The staff member who made the change, or 'bootstrap' for the first admin of an environment. */
  by: string
  byName: string
  change: StaffChange
  before?: StaffFacts
  after?: StaffFacts
  /** join: the WeChat user who joined. */
  openid?: string
}

/** Who acted: an admin (staff persona) or the one-time bootstrap step. */
export interface Actor { staffId: string; name: string }
export const BOOTSTRAP_ACTOR: Actor = { staffId: 'bootstrap', name: '' }

export async function recordChange(tx: TxContext, at: string, actor: Actor, staffId: string, change: StaffChange, facts: { before?: StaffFacts; after?: StaffFacts; openid?: string } = {}): Promise<void> {
  await tx.create<StaffAuditDoc>(C.staffAudit, { _id: newId('sa'), staffId, at, by: actor.staffId, byName: actor.name, change, ...facts })
}

/** The trail, newest first: one staff member's, or everyone's (latest 200). */
export async function history(deps: Deps, staffId?: string): Promise<StaffAuditView[]> {
  const docs = await deps.store.query<StaffAuditDoc>(C.staffAudit, { where: staffId ? { staffId } : {}, orderBy: [['at', 'desc']], limit: 200 })
  const names = new Map<string, string>()
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await deps.store.get<StaffDoc>(C.staff, id))?.name ?? '')
    return names.get(id)!
  }
  const out: StaffAuditView[] = []
  for (const d of docs) {
    out.push({ id: d._id, at: d.at, staffId: d.staffId, staffName: await nameOf(d.staffId), change: d.change, byName: d.byName, before: d.before, after: d.after })
  }
  return out
}
