/**
 * R1, C2: what friends see of a member — the display name the member chose and a personal referral
 * code that says nothing about who else is a patient. Record numbers stay a desk-only code (seed 003).
 */
import { randomBytes } from 'node:crypto'
import type { PublicProfile } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { cleanDisplayName, defaultDisplayName } from '../../../src/domain/identity/public-name'
import { isReferralCode, normalizeReferralCode, referralCodeFrom } from '../../../src/domain/identity/referral-code'
import { isStoreError } from '../ports/store'
import type { Deps } from '../deps'
import { C, type PatientDoc } from '../model'
import { loadPatient } from './member'

/** The only name of a patient that a friend, a referrer's friend or a landing page ever shows. */
export const publicName = (p: Pick<PatientDoc, 'name' | 'displayName'>): string => p.displayName ?? defaultDisplayName(p.name)

/** The member's code, made on first use; the `referralCodes` document makes it unique. */
export async function ensureReferralCode(deps: Deps, patientId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const fresh = referralCodeFrom(randomBytes(24))
    if (!fresh) continue
    try {
      return await deps.store.transaction(async (tx) => {
        const p = await tx.get<PatientDoc>(C.patients, patientId)
        if (!p) throw new DomainError('PATIENT_NOT_FOUND')
        if (p.referralCode) return p.referralCode
        await tx.create(C.referralCodes, { _id: fresh, patientId, at: deps.clock.now().toISOString() })
        await tx.update(C.patients, patientId, { set: { referralCode: fresh } })
        return fresh
      })
    } catch (e) {
      if (!isStoreError(e, 'DUPLICATE') && !isStoreError(e, 'CONFLICT')) throw e
    }
  }
  throw new DomainError('CONFLICT')
}

/** A friend's lookup: the personal code only (a record number finds nobody here). */
export async function patientByReferralCode(deps: Deps, input: string): Promise<PatientDoc | null> {
  const code = normalizeReferralCode(input)
  if (!isReferralCode(code)) return null
  // One query (issue 11): the record carries its code, written with the `referralCodes` document that keeps it unique.
  const found = await deps.store.query<PatientDoc>(C.patients, { where: { referralCode: code }, limit: 2 })
  return found.length === 1 ? found[0] : null
}

export async function profile(deps: Deps, patientId: string): Promise<PublicProfile> {
  const referralCode = await ensureReferralCode(deps, patientId)
  const p = await loadPatient(deps, patientId)
  return { displayName: publicName(p), defaultDisplayName: defaultDisplayName(p.name), referralCode }
}

export async function setDisplayName(deps: Deps, patientId: string, input: string): Promise<PublicProfile> {
  const name = cleanDisplayName(input)
  if (!name) throw new DomainError('DISPLAY_NAME_INVALID')
  const p = await loadPatient(deps, patientId)
  // Typing one's own full name is allowed; it is the member's choice to show it.
  await deps.store.updateIf(C.patients, p._id, {}, { set: { displayName: name } })
  return profile(deps, patientId)
}
