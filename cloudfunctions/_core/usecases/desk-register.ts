/**
 * S4, F5, R2 and seed 003 at the desk: register the WeChat user behind a scanned card or coupon, a
 * walk-in without WeChat, find a patient, and hand a patient the one-time binding code. The desk never
 * links a WeChat identity to an existing record: the patient proves it (identity-binding.ts).
 */
import type { NewPatient, PatientMatch } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { normalizePhone } from '../../../src/domain/identity/phone-code'
import { maskPhone } from '../../../src/domain/privacy'
import type { Deps } from '../deps'
import { C, type PatientDoc, type UserDoc } from '../model'
import { loadPatient } from './member'
import { register as registerCardHolder } from './friendcard'
import { registerHolder } from './referral'
import { createPatientInTx, recordsOnPhone, refuseExistingPhone } from './patients'
import { patientByReferralCode } from './public-profile'
import { withRetry } from './retry'

export async function registerAtDesk(deps: Deps, staff: { staffId: string; clinicId: string }, input: { ticket: string; name?: string; phone?: string; birthday?: string }): Promise<NewPatient> {
  const v = deps.qr.verify(input.ticket, deps.clock.now())
  if (v.ok && v.claims.kind === 'T' && v.claims.subject.startsWith('fc_')) {
    const card = await registerCardHolder(deps, staff.staffId, staff.clinicId, input) // also F5: the card no longer expires
    if (!card.holderPatientId) throw new DomainError('CARD_NOT_CLAIMED')
    const p = await loadPatient(deps, card.holderPatientId)
    return { patientId: p._id, name: p.name, recordNo: p.recordNo }
  }
  return registerHolder(deps, staff.clinicId, input)
}

/**
 * Seed 003: "just say the referrer's number" — a new patient without WeChat, billed at once; they bind
 * their WeChat later with a desk code or their verified phone. A phone that already has a record is
 * refused unless staff say a family member shares it (a child on a parent's phone).
 */
export async function registerWalkIn(deps: Deps, staff: { clinicId: string }, input: { name: string; phone: string; birthday?: string; sharedPhone?: boolean }): Promise<NewPatient> {
  const onPhone = await recordsOnPhone(deps.store, input.phone)
  if (!input.sharedPhone) refuseExistingPhone(onPhone)
  else if (onPhone.some((p) => p.name === input.name.trim())) refuseExistingPhone(onPhone.filter((p) => p.name === input.name.trim()))
  const p = await withRetry(() => deps.store.transaction((tx) =>
    createPatientInTx(tx, { name: input.name.trim(), phone: input.phone, birthday: input.birthday, clinicId: staff.clinicId, at: deps.clock.now().toISOString() })))
  return { patientId: p._id, name: p.name, recordNo: p.recordNo }
}

/** Staff look a patient up by record number, full phone, its last 4 digits, or personal referral code (C2: phones masked). */
export async function lookup(deps: Deps, query: string): Promise<PatientMatch[]> {
  const q = query.trim()
  const found = new Map<string, PatientDoc>()
  const phone = normalizePhone(q)
  if (phone) for (const p of await recordsOnPhone(deps.store, phone)) found.set(p._id, p)
  if (/^\d{4,12}$/.test(q)) for (const p of await deps.store.query<PatientDoc>(C.patients, { where: { recordNo: q }, limit: 5 })) found.set(p._id, p)
  if (/^\d{4}$/.test(q)) for (const p of await deps.store.query<PatientDoc>(C.patients, { where: { phoneTail: q }, limit: 20 })) found.set(p._id, p)
  const byCode = await patientByReferralCode(deps, q)
  if (byCode) found.set(byCode._id, byCode)
  const out: PatientMatch[] = []
  for (const p of found.values()) {
    const bound = await deps.store.query<UserDoc>(C.users, { where: { patientId: p._id }, limit: 1 })
    out.push({ patientId: p._id, name: p.name, recordNo: p.recordNo, maskedPhone: maskPhone(p.phone), birthYear: p.birthday?.slice(0, 4), hasWeChat: bound.length > 0 })
  }
  return out
}
