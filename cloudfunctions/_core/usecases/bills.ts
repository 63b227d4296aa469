/**
 * Issue 13: bills found at the desk — by receipt number, record number, phone tail or day — and a
 * bill's receipt with its lines, discounts, what paid besides money, refunds and what may still be
 * refunded. Clinic scoping: staff see their clinic's bills (an admin, or a director when the policy
 * says so, the chain's).
 */
import type { BillQuery, BillSummary, Receipt, ReceiptRefund } from '../../../src/api/bills'
import { parseBillNo } from '../../../src/domain/bill/bill-no'
import { refundableFen } from '../../../src/domain/bill/refundable'
import { DomainError } from '../../../src/domain/errors'
import { maskPhone } from '../../../src/domain/privacy'
import { businessDate } from '../../../src/domain/clock'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type ClinicDoc, type PatientDoc, type RefundDoc } from '../model'
import { pages } from './paging'
import { inScope, staffScope, type Scope, type ScopedStaff } from './team-scope'

/** A desk list shows the latest bills first; older ones are found by a narrower criterion. */
const LIST_LIMIT = 50

export async function summarise(deps: Deps, bills: BillDoc[]): Promise<BillSummary[]> {
  const people = new Map<string, Promise<PatientDoc | null>>()
  const person = (id: string) => {
    if (!people.has(id)) people.set(id, deps.store.get<PatientDoc>(C.patients, id))
    return people.get(id)!
  }
  return Promise.all(bills.map(async (b) => {
    const p = await person(b.patientId)
    return {
      billId: b._id, billNo: b.billNo ?? '', at: b.at, day: b.day, patientName: p?.name ?? '', recordNo: p?.recordNo ?? '',
      maskedPhone: p ? maskPhone(p.phone) : '', paidFen: b.paidFen, refundedFen: b.refundedFen ?? 0, paymentMethod: b.paymentMethod ?? null,
    }
  }))
}

async function billsOfPatients(deps: Deps, patients: PatientDoc[]): Promise<BillDoc[]> {
  const out: BillDoc[] = []
  for (const p of patients.slice(0, 20)) {
    out.push(...await deps.store.query<BillDoc>(C.bills, { where: { patientId: p._id }, orderBy: [['at', 'desc']], limit: LIST_LIMIT }))
  }
  return out
}

async function billsOfDay(deps: Deps, scope: Scope, day: string): Promise<BillDoc[]> {
  const queries = scope === 'chain' ? [{ day }] : scope.clinicIds.map((clinicId) => ({ clinicId, day }))
  const out: BillDoc[] = []
  for (const where of queries) for await (const page of pages<BillDoc>(deps.store, C.bills, { where, orderBy: [['at', 'asc']] })) out.push(...page)
  return out
}

/** One criterion, or none for today's bills (clinic time); the newest first, only bills the caller's scope covers. */
export async function findBills(deps: Deps, staff: ScopedStaff, asked: BillQuery): Promise<BillSummary[]> {
  const given = (['billNo', 'recordNo', 'phoneTail', 'day'] as const).filter((k) => asked[k] !== undefined)
  if (given.length > 1) throw new DomainError('VALIDATION', { why: 'one of billNo, recordNo, phoneTail or day' })
  const q = given.length ? asked : { day: businessDate(deps.clock.now(), (await currentPolicy(deps.store)).timezone) }
  const scope = await staffScope(deps, staff)
  let found: BillDoc[]
  if (q.billNo !== undefined) {
    const no = parseBillNo(q.billNo)
    if (!no) throw new DomainError('VALIDATION', { why: 'a receipt number is 14 digits' })
    found = await deps.store.query<BillDoc>(C.bills, { where: { billNo: no }, limit: 20 })
  } else if (q.recordNo !== undefined) {
    found = await billsOfPatients(deps, await deps.store.query<PatientDoc>(C.patients, { where: { recordNo: q.recordNo }, limit: 5 }))
  } else if (q.phoneTail !== undefined) {
    found = await billsOfPatients(deps, await deps.store.query<PatientDoc>(C.patients, { where: { phoneTail: q.phoneTail }, limit: 20 }))
  } else {
    found = await billsOfDay(deps, scope, q.day!)
  }
  const mine = found.filter((b) => inScope(scope, b.clinicId)).sort((a, b) => b.at.localeCompare(a.at)).slice(0, q.day ? undefined : LIST_LIMIT)
  return summarise(deps, mine)
}

/** A bill's receipt, for reprint and refunds; a bill outside the caller's scope is not found. */
export async function receipt(deps: Deps, staff: ScopedStaff, billId: string): Promise<Receipt> {
  const bill = await deps.store.get<BillDoc>(C.bills, billId)
  if (!bill || !inScope(await staffScope(deps, staff), bill.clinicId)) throw new DomainError('NOT_FOUND')
  const [summary] = await summarise(deps, [bill])
  const clinic = await deps.store.get<ClinicDoc>(C.clinics, bill.clinicId)
  const refunds = await deps.store.query<RefundDoc>(C.refunds, { where: { billId }, orderBy: [['at', 'asc']], limit: 100 })
  const counted = { ...bill, lines: bill.result.lines }
  return {
    ...summary,
    clinicName: clinic?.name ?? '',
    lines: bill.result.lines,
    totals: bill.result.totals,
    notes: bill.result.notes,
    refundableByLineFen: bill.result.lines.map((_, i) => refundableFen(counted, i)),
    refundableFen: refundableFen(counted),
    refunds: refunds.map((r): ReceiptRefund => ({ at: r.at, amountFen: r.amountFen, reason: r.reason, lineIndex: r.lineIndex ?? null })),
    usedFriendCard: bill.result.totals.friendCardFen > 0,
    usedCoupon: bill.result.totals.couponFen > 0,
  }
}
