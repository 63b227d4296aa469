/**
 * Family (M3) and the owner's consent to pay from the owner's balance (M4). Binding runs in one
 * transaction over the invitation, the owner and the invitee, so a 4th binding cannot slip in
 * beside a 3rd, and an invitation is used once.
 */
import type { BalanceRequest, Family, FamilyInvite, InvitationView } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { assertCanInvite, bind, unbind } from '../../../src/domain/membership/family'
import { currentPolicy, type Deps } from '../deps'
import { newToken } from '../ids'
import { C, type BalanceRequestDoc, type FamilyInviteDoc, type PatientDoc } from '../model'
import { loadPatient } from './member'
import { withRetry } from './retry'
import { publicName } from './public-profile'

export const INVITE_PAGE = '/pages/family/accept/index'

export async function family(deps: Deps, patientId: string): Promise<Family> {
  const policy = await currentPolicy(deps.store)
  const me = await loadPatient(deps, patientId)
  const ownerId = me.familyOwnerId ?? me._id
  const owner = me.familyOwnerId ? await loadPatient(deps, me.familyOwnerId) : me
  const members = await deps.store.query<PatientDoc>(C.patients, { where: { familyOwnerId: ownerId }, orderBy: [['familySince', 'asc']], limit: 10 })
  const isOwner = ownerId === me._id
  const pending = isOwner
    ? await deps.store.query<BalanceRequestDoc>(C.balanceRequests, { where: { ownerId, status: 'pending' }, orderBy: [['createdAt', 'desc']], limit: 50 })
    : []
  const names = new Map(members.map((m) => [m._id, m.name]))
  return {
    owner: members.length || isOwner ? { patientId: owner._id, name: owner.name } : null,
    members: members.map((m) => ({ patientId: m._id, name: m.name, boundSince: m.familySince, standingConsent: (owner.standingConsent ?? []).includes(m._id) })),
    max: policy.membership.familyMax,
    pending: pending.map((r) => view(r, names.get(r.memberId) ?? '')),
  }
}

const view = (r: BalanceRequestDoc, memberName: string): BalanceRequest =>
  ({ requestId: r._id, memberPatientId: r.memberId, memberName, amountFen: r.amountFen, status: r.status, createdAt: r.createdAt })

export async function invite(deps: Deps, ownerId: string): Promise<FamilyInvite> {
  const policy = await currentPolicy(deps.store)
  const now = deps.clock.now()
  const owner = await loadPatient(deps, ownerId)
  assertCanInvite(owner, now, policy)
  const token = newToken()
  const expiresAt = new Date(now.getTime() + policy.membership.familyInviteDays * 86_400_000).toISOString()
  await deps.store.create<FamilyInviteDoc>(C.familyInvites, { _id: token, ownerId, createdAt: now.toISOString(), expiresAt, status: 'open' })
  return { token, expiresAt, path: `${INVITE_PAGE}?t=${encodeURIComponent(token)}`, title: `${owner.name}邀请您加入TA的牙友口腔家庭会员，终身享受会员折扣` }
}

async function inviteOrFail(deps: Deps, token: string): Promise<FamilyInviteDoc> {
  const inv = await deps.store.get<FamilyInviteDoc>(C.familyInvites, token)
  if (!inv) throw new DomainError('FAMILY_INVITE_INVALID')
  return inv
}

export async function invitation(deps: Deps, patientId: string | null, token: string): Promise<InvitationView> {
  const inv = await inviteOrFail(deps, token)
  const owner = await loadPatient(deps, inv.ownerId)
  const now = deps.clock.now()
  const me = patientId ? await deps.store.get<PatientDoc>(C.patients, patientId) : null
  const state: InvitationView['state'] =
    inv.status === 'used' ? 'used'
      : now.toISOString() > inv.expiresAt ? 'expired'
        : patientId === inv.ownerId ? 'own'
          : !me ? 'not_patient'
            : me.familyOwnerId || (me.familySize ?? 0) > 0 ? 'already_bound' : 'open'
  return { ownerDisplayName: publicName(owner), expiresAt: inv.expiresAt, state }
}

/** M3: the invitee's own consent binds them; checks run again inside the transaction. */
export async function accept(deps: Deps, patientId: string | null, token: string): Promise<Family> {
  if (!patientId) throw new DomainError('NOT_A_PATIENT')
  const policy = await currentPolicy(deps.store)
  await withRetry(() => deps.store.transaction(async (tx) => {
    const now = deps.clock.now()
    const inv = await tx.get<FamilyInviteDoc>(C.familyInvites, token)
    if (!inv || inv.status !== 'open' || now.toISOString() > inv.expiresAt) throw new DomainError('FAMILY_INVITE_INVALID')
    const owner = await tx.get<PatientDoc>(C.patients, inv.ownerId)
    const invitee = await tx.get<PatientDoc>(C.patients, patientId)
    if (!owner || !invitee) throw new DomainError('PATIENT_NOT_FOUND')
    const bound = bind(owner, invitee, now, policy)
    const at = now.toISOString()
    await tx.set<PatientDoc>(C.patients, { ...owner, ...bound.owner })
    await tx.set<PatientDoc>(C.patients, { ...invitee, ...bound.invitee, familySince: at })
    await tx.set<FamilyInviteDoc>(C.familyInvites, { ...inv, status: 'used', usedBy: patientId })
  }))
  return family(deps, patientId)
}

export async function unbindMember(deps: Deps, ownerId: string, memberId: string): Promise<Family> {
  await withRetry(() => deps.store.transaction(async (tx) => {
    const owner = await tx.get<PatientDoc>(C.patients, ownerId)
    const member = await tx.get<PatientDoc>(C.patients, memberId)
    if (!owner || !member) throw new DomainError('FAMILY_NOT_MEMBER')
    const r = unbind(owner, member)
    await tx.set<PatientDoc>(C.patients, { ...owner, ...r.owner, standingConsent: (owner.standingConsent ?? []).filter((id) => id !== memberId) })
    await tx.set<PatientDoc>(C.patients, { ...member, ...r.member, familySince: undefined })
  }))
  return family(deps, ownerId)
}

/** M4: a standing permission the owner grants to one family member, and can withdraw. */
export async function setStanding(deps: Deps, ownerId: string, memberId: string, allowed: boolean): Promise<Family> {
  await withRetry(() => deps.store.transaction(async (tx) => {
    const owner = await tx.get<PatientDoc>(C.patients, ownerId)
    const member = await tx.get<PatientDoc>(C.patients, memberId)
    if (!owner || !member || member.familyOwnerId !== ownerId) throw new DomainError('FAMILY_NOT_MEMBER')
    const rest = (owner.standingConsent ?? []).filter((id) => id !== memberId)
    await tx.set<PatientDoc>(C.patients, { ...owner, standingConsent: allowed ? [...rest, memberId] : rest })
  }))
  return family(deps, ownerId)
}

/** M4: reception asks, on the family member's behalf, to use the owner's balance. */
export async function requestOwnerBalance(deps: Deps, memberId: string, amountFen: number): Promise<BalanceRequest> {
  const member = await loadPatient(deps, memberId)
  if (!member.familyOwnerId) throw new DomainError('FAMILY_NOT_MEMBER')
  const doc: BalanceRequestDoc = { _id: `br_${newToken().slice(0, 16)}`, ownerId: member.familyOwnerId, memberId, amountFen, status: 'pending', createdAt: deps.clock.now().toISOString() }
  await deps.store.create(C.balanceRequests, doc)
  return view(doc, member.name)
}

/** M4: the owner approves or declines in the app; a decision is final (compare-and-set on pending). */
export async function decide(deps: Deps, ownerId: string, requestId: string, approve: boolean): Promise<Family> {
  const r = await deps.store.get<BalanceRequestDoc>(C.balanceRequests, requestId)
  if (!r || r.ownerId !== ownerId) throw new DomainError('NOT_FOUND')
  const ok = await deps.store.updateIf(C.balanceRequests, requestId, { status: 'pending' }, { set: { status: approve ? 'approved' : 'declined', decidedAt: deps.clock.now().toISOString() } })
  if (!ok) throw new DomainError('CONSENT_USED')
  return family(deps, ownerId)
}
