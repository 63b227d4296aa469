/** Patient records and the WeChat users bound to them: shared by card, coupon and referral flows. */
import { DomainError } from '../../../src/domain/errors'
import { birthdayMd } from '../../../src/domain/notify/birthday'
import type { Store, TxContext } from '../ports/store'
import { C, type BillDoc, type PatientDoc, type UserDoc } from '../model'

export async function openidsOf(store: Store, patientId: string): Promise<string[]> {
  return (await store.query<UserDoc>(C.users, { where: { patientId }, limit: 20 })).map((u) => u._id)
}

/** R6: an existing patient is one with any earlier payment anywhere in the chain. */
export async function hasPaid(store: Store, p: PatientDoc): Promise<boolean> {
  if (p.cumulativeSpendFen > 0) return true
  return (await store.query<BillDoc>(C.bills, { where: { patientId: p._id }, limit: 1 })).length > 0
}

/** A birthday and its indexed month-day (the daily job's query field), always written together. */
export const birthdayFields = (birthday: string | undefined): Pick<PatientDoc, 'birthday' | 'birthdayMd'> =>
  (birthday ? { birthday, birthdayMd: birthdayMd(birthday) } : {})

export const familyHead = (p: PatientDoc): string => p.familyOwnerId ?? p._id

/**
 * F5, R2: the WeChat user who holds a card or coupon becomes (or is linked to) a patient record.
 * Inside the caller's transaction; `samePhoneId` is an existing patient found by phone beforehand.
 */
export async function linkUserToPatient(tx: TxContext, input: { openid: string; name?: string; phone?: string; birthday?: string; clinicId: string; samePhoneId?: string; at: string }): Promise<string> {
  const user = await tx.get<UserDoc>(C.users, input.openid)
  let patientId = user?.patientId ?? input.samePhoneId
  if (!patientId) {
    if (!input.name || !input.phone) throw new DomainError('VALIDATION', { fields: ['name', 'phone'], why: 'a new patient needs a name and a phone' })
    const counter = await tx.get<{ _id: string; next: number }>(C.counters, 'recordNo')
    const next = counter?.next ?? 300001
    await tx.set(C.counters, { _id: 'recordNo', next: next + 1 })
    patientId = `pat_${next}`
    await tx.create<PatientDoc>(C.patients, { _id: patientId, recordNo: String(next), name: input.name, phone: input.phone, clinicId: input.clinicId, tier: 'none', cumulativeSpendFen: 0, createdAt: input.at, ...birthdayFields(input.birthday) })
  } else if (input.birthday) {
    // N1, N2: a birthday told at the desk completes a record that has none; it never overwrites one.
    const p = await tx.get<PatientDoc>(C.patients, patientId)
    if (p && !p.birthday) await tx.update(C.patients, patientId, { set: birthdayFields(input.birthday) })
  }
  await tx.set<UserDoc>(C.users, { _id: input.openid, displayName: user?.displayName ?? input.name ?? '朋友', createdAt: user?.createdAt ?? input.at, ...user, patientId })
  return patientId
}
