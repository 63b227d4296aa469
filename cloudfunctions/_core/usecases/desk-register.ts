/** S4, F5, R2: reception registers the WeChat user behind a scanned friend card or coupon as a patient. */
import { DomainError } from '../../../src/domain/errors'
import type { Deps } from '../deps'
import { loadPatient } from './member'
import { register as registerCardHolder } from './friendcard'
import { registerHolder } from './referral'

export async function registerAtDesk(deps: Deps, staff: { staffId: string; clinicId: string }, input: { ticket: string; name?: string; phone?: string; birthday?: string }) {
  const v = deps.qr.verify(input.ticket, deps.clock.now())
  if (v.ok && v.claims.kind === 'T' && v.claims.subject.startsWith('fc_')) {
    const card = await registerCardHolder(deps, staff.staffId, staff.clinicId, input) // also F5: the card no longer expires
    if (!card.holderPatientId) throw new DomainError('CARD_NOT_CLAIMED')
    const p = await loadPatient(deps, card.holderPatientId)
    return { patientId: p._id, name: p.name, recordNo: p.recordNo }
  }
  return registerHolder(deps, staff.clinicId, input)
}
