/**
 * Issue 12, item 4 — the friend's next step (docs/appointments.md): the chain's clinics, and an
 * appointment request (预约申请) that the front desk of the chosen clinic calls back about.
 *
 * - Who asks: a patient, or a friend who claimed a card (F3) or took a coupon (R2); the caller is the
 *   platform's OPENID, never typed. The request is idempotent by the client's requestId and
 *   rate-limited per caller; every refusal comes before the first write.
 * - The phone: the caller's verified phone, else their record's, else a typed mainland mobile. Staff
 *   lists mask it (C2); `dial` reveals it to the one staff member who calls, and records who did.
 * - Staff: their clinic's requests (scopeOf); a mark is a compare-and-set on `version`, so two
 *   receptionists never overwrite each other.
 */
import type { ClinicInfo, ClinicsPage, MyAppointment, RequestedAppointment, StaffAppointment, StaffMark, TimeOfDay } from '../../../src/api/contract'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { callbackPhone, checkPreferredTime, cleanNote, clinicMinutes, friendName, lastBookableDay } from '../../../src/domain/appointments/request'
import { checkMark, staffOrder } from '../../../src/domain/appointments/status'
import { maskPhone } from '../../../src/domain/privacy'
import type { Persona } from '../../../src/api/contract'
import { createOnce } from './retry'
import { currentPolicy, type Deps } from '../deps'
import { C, type AppointmentDoc, type ClinicDoc, type CouponDoc, type FriendCardDoc, type PatientDoc, type UserDoc } from '../model'
import { spendRate } from './rate-limit'
import { inScope, staffScope, type ScopedStaff } from './team-scope'

/** A person asks a few times at most; a script does not get to fill reception's list. */
export const APPOINTMENT_RULE = { windowSeconds: 24 * 3600, max: 5 }
/** Handled requests stay on the staff list this long after their last change. */
const HANDLED_DAYS = 30

const info = (c: ClinicDoc): ClinicInfo | null =>
  c.address && c.phone && c.hours && typeof c.latitude === 'number' && typeof c.longitude === 'number'
    ? { clinicId: c._id, name: c.name, city: c.city, address: c.address, phone: c.phone, hours: c.hours, latitude: c.latitude, longitude: c.longitude }
    : null

/** The clinics a person can visit: those with an address, phone and hours on file. */
async function visitableClinics(deps: Deps): Promise<ClinicInfo[]> {
  const docs = await deps.store.query<ClinicDoc>(C.clinics, { orderBy: [['_id', 'asc']], limit: 1000 })
  return docs.map(info).filter((c): c is ClinicInfo => c !== null)
}

interface Requester { user: UserDoc | null; patient: PatientDoc | null }

async function requester(deps: Deps, openid: string, persona: Persona): Promise<Requester> {
  const user = await deps.store.get<UserDoc>(C.users, openid)
  const patient = persona.kind === 'patient' ? await deps.store.get<PatientDoc>(C.patients, persona.patientId) : null
  return { user, patient }
}

const mine = (a: AppointmentDoc, clinicName: string): MyAppointment => ({
  appointmentId: a._id, clinicId: a.clinicId, clinicName, preferredDate: a.preferredDate, timeOfDay: a.timeOfDay, status: a.status, createdAt: a.createdAt,
})

/** The clinics page: clinics, the bookable days, the phone on file (masked) and the caller's own requests. */
export async function clinicsPage(deps: Deps, openid: string, persona: Persona): Promise<ClinicsPage> {
  const policy = await currentPolicy(deps.store)
  const today = businessDate(deps.clock.now(), policy.timezone)
  const [clinics, who, own] = await Promise.all([
    visitableClinics(deps),
    requester(deps, openid, persona),
    deps.store.query<AppointmentDoc>(C.appointments, { where: { openid }, orderBy: [['createdAt', 'desc']], limit: 20 }),
  ])
  const onFile = who.user?.verifiedPhone ?? who.patient?.phone
  const names = new Map(clinics.map((c) => [c.clinicId, c.name]))
  return {
    clinics, today, lastDay: lastBookableDay(today), phoneOnFile: onFile ? maskPhone(onFile) : null,
    needsName: !who.patient, mine: own.map((a) => mine(a, names.get(a.clinicId) ?? '')),
  }
}

/** A patient, or a friend who came by a card or a coupon; anyone else is not a friend of the chain yet. */
async function via(deps: Deps, openid: string, who: Requester): Promise<AppointmentDoc['via']> {
  if (who.patient) return 'patient'
  if ((await deps.store.query<FriendCardDoc>(C.friendCards, { where: { friendOpenid: openid }, limit: 1 })).length) return 'friend_card'
  if ((await deps.store.query<CouponDoc>(C.coupons, { where: { friendOpenid: openid }, limit: 1 })).length) return 'coupon'
  throw new DomainError('APPOINTMENT_NOT_ELIGIBLE')
}

export interface NewAppointment { requestId: string; clinicId: string; preferredDate: string; timeOfDay: TimeOfDay; phone?: string; name?: string; note?: string }

/**
 * The same submission as the request written under its id: what the person chose and typed. Decided
 * before any other check, so a retry after a lost answer is answered even when, meanwhile, its time
 * of day has passed or the rate limit is spent.
 */
function sameSubmission(a: AppointmentDoc, openid: string, i: NewAppointment): boolean {
  const typedPhone = (i.phone ?? '').replace(/[\s-]/g, '')
  return a.openid === openid && a.clinicId === i.clinicId && a.preferredDate === i.preferredDate && a.timeOfDay === i.timeOfDay &&
    (a.note ?? '') === (i.note ?? '').trim() && (a.patientId !== undefined || a.name === (i.name ?? '').trim()) &&
    (a.phoneSource !== 'typed' || a.phone === typedPhone)
}

function answer(a: AppointmentDoc, clinicName: string, replayed: boolean): RequestedAppointment {
  return { ...mine(a, clinicName), maskedPhone: maskPhone(a.phone), replayed }
}

export async function request(deps: Deps, openid: string, persona: Persona, i: NewAppointment): Promise<RequestedAppointment> {
  const id = `apt_${i.requestId}`
  // A repeat (retry, double tap) is answered from what was written, without spending the rate limit.
  const replay = async (): Promise<RequestedAppointment | null> => {
    const existing = await deps.store.get<AppointmentDoc>(C.appointments, id)
    if (!existing) return null
    if (!sameSubmission(existing, openid, i)) throw new DomainError('REQUEST_ID_REUSED')
    const c = await deps.store.get<ClinicDoc>(C.clinics, existing.clinicId)
    return answer(existing, c?.name ?? '', true)
  }
  const earlier = await replay()
  if (earlier) return earlier

  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  const clinicDoc = await deps.store.get<ClinicDoc>(C.clinics, i.clinicId)
  const clinic = clinicDoc ? info(clinicDoc) : null
  if (!clinic) throw new DomainError('CLINIC_NOT_FOUND', { clinicId: i.clinicId })
  checkPreferredTime({ date: i.preferredDate, timeOfDay: i.timeOfDay }, clinic, businessDate(now, policy.timezone), clinicMinutes(now, policy.timezone))
  const note = cleanNote(i.note)
  const who = await requester(deps, openid, persona)
  const name = who.patient ? who.patient.name : friendName(i.name)
  const { phone, source } = callbackPhone({ verified: who.user?.verifiedPhone, record: who.patient?.phone }, i.phone)
  const came = await via(deps, openid, who)
  const at = now.toISOString()
  const doc: AppointmentDoc = {
    _id: id, requestId: i.requestId, openid, clinicId: clinic.clinicId, preferredDate: i.preferredDate, timeOfDay: i.timeOfDay,
    name, via: came, phone, phoneSource: source, status: 'open', version: 0, createdAt: at, updatedAt: at, log: [],
    ...(who.patient ? { patientId: who.patient._id, recordNo: who.patient.recordNo } : {}), ...(note ? { note } : {}),
  }
  await spendRate(deps.store, 'appointment', openid, now, APPOINTMENT_RULE)
  // The same submission may land from another tap meanwhile: that one's answer is this one's.
  return (await createOnce(deps.store, C.appointments, doc, replay)) ?? answer(doc, clinic.name, false)
}

// ---- Staff ----

function staffView(a: AppointmentDoc, clinicName: string): StaffAppointment {
  return {
    appointmentId: a._id, clinicId: a.clinicId, clinicName, name: a.name, via: a.via, preferredDate: a.preferredDate, timeOfDay: a.timeOfDay,
    maskedPhone: maskPhone(a.phone), phoneOnFile: a.phoneSource !== 'typed', status: a.status, version: a.version, createdAt: a.createdAt, updatedAt: a.updatedAt,
    ...(a.recordNo ? { recordNo: a.recordNo } : {}), ...(a.note ? { note: a.note } : {}), ...(a.handledByName ? { handledByName: a.handledByName } : {}),
  }
}

async function clinicNames(deps: Deps): Promise<Map<string, string>> {
  const docs = await deps.store.query<ClinicDoc>(C.clinics, { orderBy: [['_id', 'asc']], limit: 1000 })
  return new Map(docs.map((c) => [c._id, c.name]))
}

/** Open requests (all of them) and those handled in the last HANDLED_DAYS, for the clinics in the staff member's scope. */
export async function listForStaff(deps: Deps, staff: ScopedStaff): Promise<StaffAppointment[]> {
  const scope = await staffScope(deps, staff)
  const since = new Date(deps.clock.now().getTime() - HANDLED_DAYS * 86_400_000).toISOString()
  const clinicFilters: Array<Record<string, string>> = scope === 'chain' ? [{}] : scope.clinicIds.map((clinicId) => ({ clinicId }))
  const found = new Map<string, AppointmentDoc>()
  for (const f of clinicFilters) {
    const [open, handled] = await Promise.all([
      deps.store.query<AppointmentDoc>(C.appointments, { where: { ...f, status: 'open' }, orderBy: [['preferredDate', 'asc']], limit: 500 }),
      deps.store.query<AppointmentDoc>(C.appointments, { where: { ...f, updatedAt: { $gte: since } }, orderBy: [['updatedAt', 'desc']], limit: 500 }),
    ])
    for (const a of [...open, ...handled]) found.set(a._id, a)
  }
  const names = await clinicNames(deps)
  return staffOrder([...found.values()]).map((a) => staffView(a, names.get(a.clinicId) ?? ''))
}

/** The request, if it belongs to a clinic in scope; another clinic's is as good as absent (nothing written). */
async function scoped(deps: Deps, staff: ScopedStaff, appointmentId: string): Promise<AppointmentDoc> {
  const a = await deps.store.get<AppointmentDoc>(C.appointments, appointmentId)
  if (!a || !inScope(await staffScope(deps, staff), a.clinicId)) throw new DomainError('APPOINTMENT_NOT_FOUND')
  return a
}

/** C2: the full number, to the staff member who calls now; the request keeps who revealed it and when. */
export async function dial(deps: Deps, staff: ScopedStaff, appointmentId: string): Promise<{ phone: string }> {
  const a = await scoped(deps, staff, appointmentId)
  await deps.store.updateIf(C.appointments, a._id, {}, { set: { dialedBy: staff.staffId, dialedAt: deps.clock.now().toISOString() } })
  return { phone: a.phone }
}

/** 已致电 / 已预约 / 无法联系: only from the version the staff member saw (compare-and-set), else APPOINTMENT_CHANGED. */
export async function mark(deps: Deps, staff: ScopedStaff & { name: string }, appointmentId: string, status: StaffMark, version: number): Promise<StaffAppointment> {
  const a = await scoped(deps, staff, appointmentId)
  if (a.version !== version) throw new DomainError('APPOINTMENT_CHANGED', { status: a.status, version: a.version })
  checkMark(a.status, status)
  const at = deps.clock.now().toISOString()
  const set = { status, updatedAt: at, handledBy: staff.staffId, handledByName: staff.name, log: [...a.log, { at, by: staff.staffId, status }] }
  if (!(await deps.store.updateIf(C.appointments, a._id, { version, status: a.status }, { set, inc: { version: 1 } }))) {
    throw new DomainError('APPOINTMENT_CHANGED')
  }
  const names = await clinicNames(deps)
  return staffView({ ...a, ...set, version: version + 1 }, names.get(a.clinicId) ?? '')
}
