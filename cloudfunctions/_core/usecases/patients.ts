/** Patient records and the WeChat users bound to them: shared by card, coupon and referral flows. */
import { DomainError } from '../../../src/domain/errors'
import { birthdayMd } from '../../../src/domain/notify/birthday'
import type { Store, TxContext } from '../ports/store'
import { C, type PatientDoc, type UserDoc } from '../model'

/** The WeChat users bound to a patient record (a parent may bind a phone's records to one WeChat each). */
export async function usersOf(store: Store, patientId: string): Promise<UserDoc[]> {
  return store.query<UserDoc>(C.users, { where: { patientId }, limit: 20 })
}

export async function openidsOf(store: Store, patientId: string): Promise<string[]> {
  return (await usersOf(store, patientId)).map((u) => u._id)
}

/**
 * R6: an existing patient is one with any earlier bill anywhere in the chain (`lastBillAt`, written by
 * every bill's transaction), or a history imported from the clinic's system. Read from the record, so
 * no query of bills (issue 11: round trips).
 */
export function hasPaid(p: PatientDoc): boolean {
  return p.cumulativeSpendFen > 0 || p.lastBillAt !== undefined || p.importedAt !== undefined || (p.importedSpendFen ?? 0) > 0
}

/** A birthday and its indexed month-day (the daily job's query field), always written together. */
export const birthdayFields = (birthday: string | undefined): Pick<PatientDoc, 'birthday' | 'birthdayMd'> =>
  (birthday ? { birthday, birthdayMd: birthdayMd(birthday) } : {})

/** A phone and its last 4 digits (the desk's lookup field), always written together. */
export const phoneFields = (phone: string): Pick<PatientDoc, 'phone' | 'phoneTail'> => ({ phone, phoneTail: phone.slice(-4) })

export const familyHead = (p: PatientDoc): string => p.familyOwnerId ?? p._id

/** The record number the desk mints first, before counters/recordNo exists (the import moves the counter above its numbers). */
export const FIRST_MINTED_RECORD_NO = 300001

/** A new patient record with the next record number (inside the caller's transaction). */
export async function createPatientInTx(tx: TxContext, input: { name: string; phone: string; birthday?: string; clinicId: string; at: string }): Promise<PatientDoc> {
  const counter = await tx.get<{ _id: string; next: number }>(C.counters, 'recordNo')
  const next = counter?.next ?? FIRST_MINTED_RECORD_NO
  await tx.set(C.counters, { _id: 'recordNo', next: next + 1 })
  const p: PatientDoc = { _id: `pat_${next}`, recordNo: String(next), name: input.name, ...phoneFields(input.phone), clinicId: input.clinicId, tier: 'none', cumulativeSpendFen: 0, createdAt: input.at, ...birthdayFields(input.birthday) }
  await tx.create<PatientDoc>(C.patients, p)
  return p
}

/** Records already on this phone (a parent and children may share one), found before a transaction. */
export async function recordsOnPhone(store: Store, phone: string): Promise<PatientDoc[]> {
  return store.query<PatientDoc>(C.patients, { where: { phone }, limit: 20 })
}

/** Issue 10: the desk never links a WeChat identity to an existing record; the patient proves it instead. */
export function refuseExistingPhone(onPhone: PatientDoc[]): void {
  if (onPhone.length > 0) throw new DomainError('PHONE_HAS_RECORD', { patientId: onPhone[0]._id, recordNo: onPhone[0].recordNo })
}

/**
 * F5, R2: the WeChat user who holds a card or coupon becomes a new patient record at the desk, inside
 * the caller's transaction. A user already bound keeps their record. A phone that already belongs to a
 * record is refused (`onPhone`, found beforehand): a typed phone proves nothing, so the desk shows that
 * patient a binding code instead (identity-binding.ts).
 */
export async function linkUserToPatient(tx: TxContext, input: { openid: string; name?: string; phone?: string; birthday?: string; clinicId: string; onPhone: PatientDoc[]; at: string }): Promise<string> {
  const user = await tx.get<UserDoc>(C.users, input.openid)
  let patientId = user?.patientId
  if (!patientId) {
    if (!input.name || !input.phone) throw new DomainError('VALIDATION', { fields: ['name', 'phone'], why: 'a new patient needs a name and a phone' })
    refuseExistingPhone(input.onPhone)
    patientId = (await createPatientInTx(tx, { name: input.name, phone: input.phone, birthday: input.birthday, clinicId: input.clinicId, at: input.at }))._id
  } else if (input.birthday) {
    // N1, N2: a birthday told at the desk completes a record that has none; it never overwrites one.
    const p = await tx.get<PatientDoc>(C.patients, patientId)
    if (p && !p.birthday) await tx.update(C.patients, patientId, { set: birthdayFields(input.birthday) })
  }
  if (!user?.patientId) {
    await tx.set<UserDoc>(C.users, { _id: input.openid, displayName: user?.displayName ?? input.name ?? '朋友', createdAt: user?.createdAt ?? input.at, ...user, patientId, boundAt: input.at, boundBy: 'desk_registration' })
  }
  return patientId
}
