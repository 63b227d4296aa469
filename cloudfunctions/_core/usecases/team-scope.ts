/**
 * Clinic scoping over the store: the rule is `scopeOf` (src/domain/permissions.ts); here are the
 * lookups that tell which clinic an object belongs to when an older document does not say.
 */
import type { StaffRole } from '../../../src/api/contract'
import { inScope, scopeOf, type Scope } from '../../../src/domain/permissions'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type EventDoc, type StaffDoc } from '../model'

export type { Scope }

export interface ScopedStaff { staffId: string; role: StaffRole; clinicId: string }

export async function staffScope(deps: Deps, staff: ScopedStaff): Promise<Scope> {
  return scopeOf(staff, await currentPolicy(deps.store))
}

/** Memoised clinic lookups for one request (a list touches the same bills and creators again). */
export function clinicLookups(deps: Deps) {
  const bills = new Map<string, Promise<string | null>>()
  const creators = new Map<string, Promise<string | null>>()
  const ofBill = (billId: string) => {
    if (!bills.has(billId)) bills.set(billId, deps.store.get<BillDoc>(C.bills, billId).then((b) => b?.clinicId ?? null))
    return bills.get(billId)!
  }
  const ofStaff = (staffId: string) => {
    if (!creators.has(staffId)) creators.set(staffId, deps.store.get<StaffDoc>(C.staff, staffId).then((s) => s?.clinicId ?? null))
    return creators.get(staffId)!
  }
  return {
    /** Payouts and tasks carry their bill's clinic; older ones are looked up through the bill. */
    ofBilled: async (doc: { clinicId?: string; billId: string }) => doc.clinicId ?? ofBill(doc.billId),
    /** Events carry their clinic; older ones belong to the clinic of the staff member who planned them. */
    ofEvent: async (e: EventDoc) => e.clinicId ?? ofStaff(e.createdBy),
  }
}

export { inScope }
