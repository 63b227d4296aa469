/**
 * Staff onboarding: an admin invites a person (name, role, clinic); the invitation is a signed code
 * (QR kind 'S', valid STAFF_INVITE_TTL_SECONDS) naming an invitation document, which is what makes it
 * single use: joining flips its status from 'open' to 'used' in the same transaction that binds the
 * caller's WeChat user to the new staff record. A reinvite or a disable revokes open invitations.
 */
import type { Persona, StaffInvitation, StaffInvitationView, StaffRole } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { C, type ClinicDoc, type StaffDoc, type UserDoc } from '../model'
import type { TxContext } from '../ports/store'
import { resolvePersona } from './identity'
import { withRetry } from './retry'
import { BOOTSTRAP_ACTOR, recordChange, type Actor } from './team-audit'

/** 72 hours: long enough to reach a new colleague over a weekend, short enough that a lost code dies. */
export const STAFF_INVITE_TTL_SECONDS = 72 * 3600

export const JOIN_PAGE = '/staff/join/index'

export interface StaffInviteDoc {
  _id: string
  staffId: string
  /** The admin's staff id, or 'bootstrap'. */
  createdBy: string
  createdAt: string
  expiresAt: string
  status: 'open' | 'used' | 'revoked'
  usedBy?: string
  usedAt?: string
}

export interface NewStaff { name: string; role: StaffRole; clinicId: string; phone?: string }

async function clinic(deps: Deps, clinicId: string): Promise<ClinicDoc> {
  const c = await deps.store.get<ClinicDoc>(C.clinics, clinicId)
  if (!c) throw new DomainError('CLINIC_NOT_FOUND', { clinicId })
  return c
}

function signInvite(deps: Deps, staffId: string, now: Date): { doc: Omit<StaffInviteDoc, 'createdBy'>; invitation: StaffInvitation } {
  const inviteId = newId('si')
  const { token, expiresAt } = deps.qr.sign('S', inviteId, now, STAFF_INVITE_TTL_SECONDS)
  return {
    doc: { _id: inviteId, staffId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(), status: 'open' },
    invitation: { staffId, token, path: `${JOIN_PAGE}?t=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString(), ttlSeconds: STAFF_INVITE_TTL_SECONDS },
  }
}

async function openInvites(deps: Deps, staffId: string): Promise<StaffInviteDoc[]> {
  return deps.store.query<StaffInviteDoc>(C.staffInvites, { where: { staffId, status: 'open' }, limit: 100 })
}

/** A new staff record (active, nobody bound yet) and its invitation, with the audit entry. */
export async function invite(deps: Deps, actor: Actor, s: NewStaff): Promise<StaffInvitation> {
  await clinic(deps, s.clinicId)
  const now = deps.clock.now()
  const staffId = newId('stf', 9)
  const { doc, invitation } = signInvite(deps, staffId, now)
  const at = now.toISOString()
  await deps.store.transaction(async (tx) => {
    await tx.create<StaffDoc>(C.staff, { _id: staffId, name: s.name, role: s.role, clinicId: s.clinicId, phone: s.phone ?? '', active: true, createdAt: at, invitedBy: actor.staffId })
    await tx.create<StaffInviteDoc>(C.staffInvites, { ...doc, createdBy: actor.staffId })
    await recordChange(tx, at, actor, staffId, 'invite', { after: { role: s.role, clinicId: s.clinicId, active: true } })
  })
  return invitation
}

/** A fresh code for someone who has not joined; their earlier codes stop working. */
export async function reinvite(deps: Deps, actor: Actor, staffId: string): Promise<StaffInvitation> {
  const now = deps.clock.now()
  const at = now.toISOString()
  const { doc, invitation } = signInvite(deps, staffId, now)
  await withRetry(async () => {
    const earlier = await openInvites(deps, staffId)
    const joined = (await boundStaff(deps)).has(staffId)
    await deps.store.transaction(async (tx) => {
      const staff = await tx.get<StaffDoc>(C.staff, staffId)
      if (!staff) throw new DomainError('STAFF_NOT_FOUND')
      if (staff.openid || joined) throw new DomainError('STAFF_ALREADY_JOINED')
      if (!staff.active) throw new DomainError('STAFF_DISABLED')
      await revokeInvites(tx, earlier.map((e) => e._id))
      await tx.create<StaffInviteDoc>(C.staffInvites, { ...doc, createdBy: actor.staffId })
      await recordChange(tx, at, actor, staffId, 'reinvite')
    })
  })
  return invitation
}

/** Revokes the invitations (read just before the transaction) that are still open inside it. */
export async function revokeInvites(tx: TxContext, ids: string[]): Promise<void> {
  for (const id of ids) {
    if ((await tx.get<StaffInviteDoc>(C.staffInvites, id))?.status === 'open') await tx.update(C.staffInvites, id, { set: { status: 'revoked' } })
  }
}
export const openInviteIds = async (deps: Deps, staffId: string) => (await openInvites(deps, staffId)).map((d) => d._id)

/** The invitation a token names; a bad, foreign or expired code is a typed error. */
async function inviteOf(deps: Deps, token: string): Promise<StaffInviteDoc> {
  const v = deps.qr.verify(token, deps.clock.now())
  if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'STAFF_INVITE_EXPIRED' : 'STAFF_INVITE_INVALID')
  if (v.claims.kind !== 'S') throw new DomainError('STAFF_INVITE_INVALID')
  const inv = await deps.store.get<StaffInviteDoc>(C.staffInvites, v.claims.subject)
  if (!inv) throw new DomainError('STAFF_INVITE_INVALID')
  return inv
}

/** What the invitee sees before joining: who invited them, as what, where. */
export async function invitation(deps: Deps, openid: string, token: string): Promise<StaffInvitationView> {
  const inv = await inviteOf(deps, token)
  const staff = await deps.store.get<StaffDoc>(C.staff, inv.staffId)
  if (!staff) throw new DomainError('STAFF_INVITE_INVALID')
  const [by, where, user] = await Promise.all([
    inv.createdBy === BOOTSTRAP_ACTOR.staffId ? null : deps.store.get<StaffDoc>(C.staff, inv.createdBy),
    deps.store.get<ClinicDoc>(C.clinics, staff.clinicId),
    deps.store.get<UserDoc>(C.users, openid),
  ])
  const state = inv.status === 'used' ? 'used'
    : inv.status === 'revoked' || !staff.active ? 'revoked'
      : user?.staffId ? 'already_staff' : 'open'
  return { invitedBy: by?.name ?? '', name: staff.name, role: staff.role, clinicName: where?.name ?? '', expiresAt: inv.expiresAt, state }
}

/** The caller's WeChat user becomes this staff member (a patient keeps their patient record too). */
export async function join(deps: Deps, openid: string, token: string): Promise<{ persona: Persona }> {
  const inv0 = await inviteOf(deps, token)
  const at = deps.clock.now().toISOString()
  await withRetry(() => deps.store.transaction(async (tx) => {
    const inv = await tx.get<StaffInviteDoc>(C.staffInvites, inv0._id)
    if (!inv) throw new DomainError('STAFF_INVITE_INVALID')
    if (inv.status === 'used') throw new DomainError('STAFF_INVITE_USED')
    if (inv.status !== 'open') throw new DomainError('STAFF_INVITE_INVALID')
    const staff = await tx.get<StaffDoc>(C.staff, inv.staffId)
    if (!staff) throw new DomainError('STAFF_INVITE_INVALID')
    if (!staff.active) throw new DomainError('STAFF_DISABLED')
    if (staff.openid) throw new DomainError('STAFF_INVITE_USED')
    const user = await tx.get<UserDoc>(C.users, openid)
    if (user?.staffId) throw new DomainError('STAFF_ALREADY_BOUND')
    await tx.update(C.staffInvites, inv._id, { set: { status: 'used', usedBy: openid, usedAt: at } })
    if (user) await tx.update(C.users, openid, { set: { staffId: staff._id } })
    else await tx.create<UserDoc>(C.users, { _id: openid, displayName: staff.name, staffId: staff._id, createdAt: at })
    await tx.update(C.staff, staff._id, { set: { openid, joinedAt: at } })
    await recordChange(tx, at, { staffId: staff._id, name: staff.name }, staff._id, 'join', { openid })
  }))
  return { persona: await resolvePersona(deps.store, openid) }
}

/** Staff id → the WeChat user bound to it (the users collection is the binding; `StaffDoc.openid` only records a join). */
export async function boundStaff(deps: Deps): Promise<Map<string, string>> {
  const users = await deps.store.query<UserDoc>(C.users, { where: { staffId: { $gt: '' } } /* bound to staff: a range the index serves */, limit: 1000 })
  return new Map(users.filter((u) => u.staffId).map((u) => [u.staffId!, u._id]))
}

/** Admins who can act: active and bound to a WeChat user. */
export async function workingAdmins(deps: Deps): Promise<StaffDoc[]> {
  const bound = await boundStaff(deps)
  return (await deps.store.query<StaffDoc>(C.staff, { where: { role: 'admin', active: true }, limit: 1000 })).filter((s) => bound.has(s._id))
}

export interface BootstrapResult { staffId: string; clinicId: string; invitation: StaffInvitation }

/**
 * The first admin of a fresh environment (docs/deploy.md "First admin"): only while no admin can
 * act. Earlier bootstrap records nobody joined are disabled and their codes revoked, so at most one
 * bootstrap code is ever live. A clinic is created when `newClinic` names one that does not exist.
 */
export async function bootstrapAdmin(deps: Deps, s: { name: string; clinicId: string; phone?: string; newClinic?: { name: string; city: string } }): Promise<BootstrapResult> {
  if ((await workingAdmins(deps)).length > 0) throw new DomainError('ADMIN_EXISTS')
  const existing = await deps.store.get<ClinicDoc>(C.clinics, s.clinicId)
  if (!existing && !s.newClinic) throw new DomainError('CLINIC_NOT_FOUND', { clinicId: s.clinicId })
  const now = deps.clock.now()
  const at = now.toISOString()
  const staffId = newId('stf', 9)
  const { doc, invitation } = signInvite(deps, staffId, now)
  const chainId = (await deps.store.query<ClinicDoc>(C.clinics, { limit: 1 }))[0]?.chainId ?? 'chain'
  const bound = await boundStaff(deps)
  const stale = (await deps.store.query<StaffDoc>(C.staff, { where: { role: 'admin', active: true }, limit: 1000 })).filter((a) => !bound.has(a._id))
  const staleInvites = (await Promise.all(stale.map((a) => openInviteIds(deps, a._id)))).flat()
  await deps.store.transaction(async (tx) => {
    if (!existing && s.newClinic) await tx.create<ClinicDoc>(C.clinics, { _id: s.clinicId, chainId, name: s.newClinic.name, city: s.newClinic.city })
    for (const a of stale) {
      await tx.update(C.staff, a._id, { set: { active: false } })
      await recordChange(tx, at, BOOTSTRAP_ACTOR, a._id, 'disable', { before: { active: true }, after: { active: false } })
    }
    await revokeInvites(tx, staleInvites)
    await tx.create<StaffDoc>(C.staff, { _id: staffId, name: s.name, role: 'admin', clinicId: s.clinicId, phone: s.phone ?? '', active: true, createdAt: at, invitedBy: BOOTSTRAP_ACTOR.staffId })
    await tx.create<StaffInviteDoc>(C.staffInvites, { ...doc, createdBy: BOOTSTRAP_ACTOR.staffId })
    await recordChange(tx, at, BOOTSTRAP_ACTOR, staffId, 'invite', { after: { role: 'admin', clinicId: s.clinicId, active: true } })
  })
  return { staffId, clinicId: s.clinicId, invitation }
}
