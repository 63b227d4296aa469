/**
 * The admin's team: the staff list (phones masked, C2), role changes, moves between clinics,
 * disabling and re-enabling. Every change is one transaction with its audit entry (team-audit.ts).
 * The last admin who can act is never demoted or disabled: somebody must be able to fix mistakes.
 * Invitations and joining are in team-invites.ts.
 */
import type { ClinicView, StaffMember, StaffRole } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { maskPhone } from '../../../src/domain/privacy'
import { STAFF_ROLES } from '../../../src/domain/permissions'
import type { Deps } from '../deps'
import { C, type ClinicDoc, type StaffDoc } from '../model'
import type { TxContext } from '../ports/store'
import { pages } from './paging'
import { withRetry } from './retry'
import { recordChange, type Actor, type StaffFacts } from './team-audit'
import { boundStaff, openInviteIds, revokeInvites, workingAdmins, type StaffInviteDoc } from './team-invites'

export { history } from './team-audit'
export { invite, invitation, join, reinvite } from './team-invites'

export async function clinics(deps: Deps): Promise<ClinicView[]> {
  const docs = await deps.store.query<ClinicDoc>(C.clinics, { orderBy: [['_id', 'asc']], limit: 1000 })
  return docs.map((c) => ({ clinicId: c._id, name: c.name, city: c.city }))
}

async function clinicNames(deps: Deps): Promise<Map<string, string>> {
  return new Map((await clinics(deps)).map((c) => [c.clinicId, c.name]))
}

async function member(deps: Deps, s: StaffDoc, names?: Map<string, string>, bound?: Map<string, string>): Promise<StaffMember> {
  const clinicName = (names ?? (await clinicNames(deps))).get(s.clinicId) ?? ''
  const joined = (bound ?? (await boundStaff(deps))).has(s._id)
  const base: StaffMember = { staffId: s._id, name: s.name, role: s.role, clinicId: s.clinicId, clinicName, maskedPhone: maskPhone(s.phone), active: s.active, joined, joinedAt: s.joinedAt }
  if (joined || !s.active) return base
  const open = await deps.store.query<StaffInviteDoc>(C.staffInvites, { where: { staffId: s._id, status: 'open' }, limit: 100 })
  const latest = open.sort((a, b) => b.expiresAt.localeCompare(a.expiresAt))[0]
  if (!latest) return base
  const state = Date.parse(latest.expiresAt) < deps.clock.now().getTime() ? 'expired' : 'open'
  return { ...base, invitation: { state, expiresAt: latest.expiresAt } }
}

/** Everyone, active first, then by clinic, role (admin first) and name. */
export async function list(deps: Deps): Promise<StaffMember[]> {
  const all: StaffDoc[] = []
  for await (const page of pages<StaffDoc>(deps.store, C.staff, { orderBy: [['_id', 'asc']] })) all.push(...page)
  const rank = (r: StaffRole) => STAFF_ROLES.length - STAFF_ROLES.indexOf(r)
  all.sort((a, b) => Number(b.active) - Number(a.active) || a.clinicId.localeCompare(b.clinicId) || rank(a.role) - rank(b.role) || a.name.localeCompare(b.name, 'zh'))
  const [names, bound] = await Promise.all([clinicNames(deps), boundStaff(deps)])
  return Promise.all(all.map((s) => member(deps, s, names, bound)))
}

/** The document every change that could leave the chain without an admin writes: two such changes at once conflict, one retries. */
const ADMIN_GUARD = 'staff_admin_guard'

/**
 * One change to one staff record, in a transaction with its audit entry. `apply` returns the new
 * facts, or null when nothing changes (no write, no audit entry). When the change takes away a
 * working admin, the other working admins are read again inside the transaction and the guard
 * document is written, so two admins cannot remove each other at the same moment.
 */
async function change(deps: Deps, actor: Actor, staffId: string, apply: (s: StaffDoc) => { facts: StaffFacts; audit: 'role' | 'clinic' | 'disable' | 'enable' } | null): Promise<StaffMember> {
  const at = deps.clock.now().toISOString()
  await withRetry(async () => {
    const admins = (await workingAdmins(deps)).map((a) => a._id)
    const invites = await openInviteIds(deps, staffId)
    await deps.store.transaction(async (tx) => {
      const s = await tx.get<StaffDoc>(C.staff, staffId)
      if (!s) throw new DomainError('STAFF_NOT_FOUND')
      const next = apply(s)
      if (!next) return
      const after = { ...s, ...next.facts }
      const wasWorkingAdmin = s.role === 'admin' && s.active && admins.includes(staffId)
      if (wasWorkingAdmin && !(after.role === 'admin' && after.active)) await guardLastAdmin(tx, admins.filter((id) => id !== staffId), at)
      const before = Object.fromEntries(Object.keys(next.facts).map((k) => [k, s[k as keyof StaffFacts]])) as StaffFacts
      await tx.update(C.staff, staffId, { set: { ...next.facts } })
      if (next.audit === 'disable') await revokeInvites(tx, invites)
      await recordChange(tx, at, actor, staffId, next.audit, { before, after: next.facts })
    })
  })
  return member(deps, (await deps.store.get<StaffDoc>(C.staff, staffId))!)
}

async function guardLastAdmin(tx: TxContext, others: string[], at: string): Promise<void> {
  let remaining = 0
  for (const id of others) {
    const a = await tx.get<StaffDoc>(C.staff, id)
    if (a && a.role === 'admin' && a.active) remaining++
  }
  if (remaining === 0) throw new DomainError('LAST_ADMIN')
  await tx.set(C.counters, { _id: ADMIN_GUARD, at })
}

export async function setRole(deps: Deps, actor: Actor, staffId: string, role: StaffRole): Promise<StaffMember> {
  return change(deps, actor, staffId, (s) => (s.role === role ? null : { facts: { role }, audit: 'role' }))
}

export async function move(deps: Deps, actor: Actor, staffId: string, clinicId: string): Promise<StaffMember> {
  if (!(await deps.store.get<ClinicDoc>(C.clinics, clinicId))) throw new DomainError('CLINIC_NOT_FOUND', { clinicId })
  return change(deps, actor, staffId, (s) => (s.clinicId === clinicId ? null : { facts: { clinicId }, audit: 'clinic' }))
}

/** Disabled staff resolve as no staff (resolvePersona); their open invitations are revoked. */
export async function setActive(deps: Deps, actor: Actor, staffId: string, active: boolean): Promise<StaffMember> {
  return change(deps, actor, staffId, (s) => (s.active === active ? null : { facts: { active }, audit: active ? 'enable' : 'disable' }))
}
