import type { Persona } from '../../../src/api/contract'
import type { Store } from '../ports/store'
import { C, type PatientDoc, type StaffDoc, type UserDoc } from '../model'

/** Who is calling: staff, a patient, or a WeChat user the clinic does not know yet (a guest). */
export async function resolvePersona(store: Store, openid: string): Promise<Persona> {
  const user = await store.get<UserDoc>(C.users, openid)
  if (user?.staffId) {
    const staff = await store.get<StaffDoc>(C.staff, user.staffId)
    if (staff?.active) return { kind: 'staff', staffId: staff._id, name: staff.name, role: staff.role, clinicId: staff.clinicId }
  }
  if (user?.patientId) {
    const patient = await store.get<PatientDoc>(C.patients, user.patientId)
    if (patient) return { kind: 'patient', patientId: patient._id, name: patient.name }
  }
  return { kind: 'guest' }
}
