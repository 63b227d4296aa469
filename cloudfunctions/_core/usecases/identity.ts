import type { Persona, WhoAmI } from '../../../src/api/contract'
import type { Store } from '../ports/store'
import { currentPolicy, type Deps } from '../deps'
import { chainSettingsOf } from '../chain-settings'
import { C, type PatientDoc, type StaffDoc, type UserDoc } from '../model'

const staffPersona = (s: StaffDoc): Persona => ({ kind: 'staff', staffId: s._id, name: s.name, role: s.role, clinicId: s.clinicId })

/**
 * A staff-only action's caller in one read (issue 11): the active staff member who joined with this
 * WeChat user. `join` writes `StaffDoc.openid` and `users.staffId` in one transaction, and nothing
 * unbinds either, so this finds the same staff member as `resolvePersona`; anyone else is a guest
 * here, which a staff-only action refuses just the same.
 */
export async function resolveStaffPersona(store: Store, openid: string): Promise<Persona> {
  const found = await store.query<StaffDoc>(C.staff, { where: { openid }, limit: 2 })
  const staff = found.length === 1 && found[0].active ? found[0] : null
  return staff ? staffPersona(staff) : { kind: 'guest' }
}

/** Who is calling: staff, a patient, or a WeChat user the clinic does not know yet (a guest). */
export async function resolvePersona(store: Store, openid: string): Promise<Persona> {
  const user = await store.get<UserDoc>(C.users, openid)
  if (user?.staffId) {
    const staff = await store.get<StaffDoc>(C.staff, user.staffId)
    if (staff?.active) return staffPersona(staff)
  }
  if (user?.patientId) {
    const patient = await store.get<PatientDoc>(C.patients, user.patientId)
    if (patient) return { kind: 'patient', patientId: patient._id, name: patient.name }
  }
  return { kind: 'guest' }
}

/**
 * Who is calling, with what every screen needs of the policy: the chain's currency and zone (issue
 * 14), and for a guest the membership numbers the home page explains (M1–M3; the chain's, not ours).
 */
export async function whoami(deps: Deps, caller: { openid: string; persona: Persona }): Promise<WhoAmI> {
  const policy = await currentPolicy(deps.store)
  const m = policy.membership
  return {
    openid: caller.openid, persona: caller.persona, chain: chainSettingsOf(policy, deps.clock.now()),
    ...(caller.persona.kind === 'guest' ? { programme: { annualFeeFen: m.annualFeeFen, annualMonths: m.annualMonths, discountBp: m.discountBp, lifetimeThresholdFen: m.lifetimeThresholdFen, familyMax: m.familyMax } } : {}),
  }
}
