/**
 * Issue 13, day close (seed 003 step 6): per clinic, the day's bills, the money by payment method
 * (refunds go back the way the bill was paid) and, once, the close — who closed the day and the
 * totals then. The referral sheet of the same day is `referral.daySheet`. A bill confirmed after the
 * close still counts in the sheet; the close keeps what was counted when it was made.
 */
import type { ClosedDay, DaySheet } from '../../../src/api/bills'
import { totalsByMethod } from '../../../src/domain/bill/payment'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import type { Where } from '../ports/store'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type ClinicDoc, type DayCloseDoc, type RefundDoc, type StaffDoc } from '../model'
import { summarise } from './bills'
import { allInRange } from './range-pages'
import { createOnce } from './retry'
import { inScope, staffScope, type ScopedStaff } from './team-scope'

const closeId = (clinicId: string, day: string) => `${clinicId}:${day}`

/** The clinic asked for, which the caller's scope must cover; their own clinic by default. */
async function clinicFor(deps: Deps, staff: ScopedStaff, clinicId?: string): Promise<ClinicDoc> {
  const id = clinicId ?? staff.clinicId
  const clinic = await deps.store.get<ClinicDoc>(C.clinics, id)
  if (!clinic || !inScope(await staffScope(deps, staff), id)) throw new DomainError('NOT_FOUND')
  return clinic
}

/** The day's documents of one clinic, in time order, range-paged (issue 14: no skip). */
const all = <T extends { _id: string }>(deps: Deps, coll: string, where: Where): Promise<T[]> => allInRange<T>(deps.store, coll, { where, key: 'at', dir: 'asc' })

async function dayFigures(deps: Deps, clinicId: string, day: string) {
  const bills = await all<BillDoc>(deps, C.bills, { clinicId, day })
  const refunds = await all<RefundDoc>(deps, C.refunds, { clinicId, day })
  const byMethod = totalsByMethod(bills, refunds)
  const paidFen = byMethod.reduce((s, r) => s + r.paidFen, 0)
  const refundedFen = byMethod.reduce((s, r) => s + r.refundedFen, 0)
  return { bills, byMethod, paidFen, refundedFen }
}

export async function daySheetOf(deps: Deps, staff: ScopedStaff, input: { clinicId?: string; day?: string }): Promise<DaySheet> {
  const policy = await currentPolicy(deps.store)
  const day = input.day ?? businessDate(deps.clock.now(), policy.timezone)
  const clinic = await clinicFor(deps, staff, input.clinicId)
  const f = await dayFigures(deps, clinic._id, day)
  const closed = await deps.store.get<DayCloseDoc>(C.dayCloses, closeId(clinic._id, day))
  const closer = closed ? await deps.store.get<StaffDoc>(C.staff, closed.closedBy) : null
  return {
    clinicId: clinic._id, clinicName: clinic.name, day, bills: await summarise(deps, f.bills), byMethod: f.byMethod, paidFen: f.paidFen, refundedFen: f.refundedFen,
    closed: closed ? { at: closed.closedAt, by: closer?.name ?? '', bills: closed.bills, paidFen: closed.paidFen, refundedFen: closed.refundedFen } : null,
  }
}

/** Closes a day once; the same requestId answers the same close, another is refused (DAY_CLOSED). */
export async function closeDay(deps: Deps, staff: ScopedStaff, input: { clinicId?: string; day: string; requestId: string }): Promise<DaySheet> {
  const policy = await currentPolicy(deps.store)
  const today = businessDate(deps.clock.now(), policy.timezone)
  if (input.day > today) throw new DomainError('VALIDATION', { why: 'a day in the future cannot be closed' })
  const clinic = await clinicFor(deps, staff, input.clinicId)
  const id = closeId(clinic._id, input.day)
  /** The day's close, when this request made it; another request's close refuses this one. */
  const mine = async () => {
    const done = await deps.store.get<DayCloseDoc>(C.dayCloses, id)
    if (done && done.requestId !== input.requestId) throw new DomainError('DAY_CLOSED', { closedAt: done.closedAt })
    return done
  }
  if (!(await mine())) {
    const f = await dayFigures(deps, clinic._id, input.day)
    const doc: DayCloseDoc = {
      _id: id, clinicId: clinic._id, day: input.day, closedAt: deps.clock.now().toISOString(), closedBy: staff.staffId, requestId: input.requestId,
      bills: f.bills.length, paidFen: f.paidFen, refundedFen: f.refundedFen, byMethod: f.byMethod,
    }
    await createOnce(deps.store, C.dayCloses, doc, mine) // the id makes a day's close single
  }
  return daySheetOf(deps, staff, { clinicId: clinic._id, day: input.day })
}

/** The director's view: the closed days of a month in the clinics they see. */
export async function closedDays(deps: Deps, staff: ScopedStaff, input: { month: string }): Promise<ClosedDay[]> {
  const scope = await staffScope(deps, staff)
  const clinics = scope === 'chain' ? await deps.store.query<ClinicDoc>(C.clinics, { limit: 100 }) : await Promise.all(scope.clinicIds.map((id) => deps.store.get<ClinicDoc>(C.clinics, id)))
  const out: ClosedDay[] = []
  for (const c of clinics) {
    if (!c) continue
    const closes = await deps.store.query<DayCloseDoc>(C.dayCloses, { where: { clinicId: c._id, day: { $gte: `${input.month}-01`, $lte: `${input.month}-31` } }, orderBy: [['day', 'asc']], limit: 31 })
    for (const d of closes) {
      const by = await deps.store.get<StaffDoc>(C.staff, d.closedBy)
      out.push({ clinicId: c._id, clinicName: c.name, day: d.day, closedAt: d.closedAt, closedBy: by?.name ?? '', bills: d.bills, paidFen: d.paidFen, refundedFen: d.refundedFen })
    }
  }
  return out
}
