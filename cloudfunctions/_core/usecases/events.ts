/**
 * N4: the member-event calendar. The director plans each year's events from the suggested
 * calendar; the daily job invites members when `inviteAt` comes; members reply (RSVP) in the app;
 * staff check them in at the door by scanning the member's code (S1) or typing the record number.
 */
import type { Attendee, EventPlan, MemberEvent } from '../../../src/api/contract'
import { businessDate, dayjs } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { checkRsvp, EVENT_KINDS, EVENT_TITLE, inviteOn, suggestedDate, type EventKind } from '../../../src/domain/events/calendar'
import { hasMemberDiscount } from '../../../src/domain/membership/tier'
import { maskPhone } from '../../../src/domain/privacy'
import { isStoreError } from '../ports/store'
import { currentPolicy, type Deps } from '../deps'
import { C, type ClinicDoc, type EventDoc, type EventRsvpDoc, type PatientDoc } from '../model'
import { pages } from './paging'
import { patientByCode } from './reception'
import { withRetry } from './retry'
import { clinicLookups, inScope, staffScope, type ScopedStaff } from './team-scope'

const view = (e: EventDoc, r?: EventRsvpDoc | null): MemberEvent => ({
  eventId: e._id, kind: e.kind, title: EVENT_TITLE[e.kind], date: e.date, place: e.place, capacity: e.capacity, inviteOn: e.inviteOn, going: e.going,
  ...(r ? { myAnswer: r.answer, myGuests: r.guests, checkedIn: Boolean(r.checkedInAt) } : {}),
})

const today = async (deps: Deps) => businessDate(deps.clock.now(), (await currentPolicy(deps.store)).timezone)

/** Clinic scoping: staff plan and work the doors of their own clinic's events (an admin: the chain's). */
export async function plan(deps: Deps, staff: ScopedStaff, year?: number): Promise<EventPlan> {
  const y = year ?? Number((await today(deps)).slice(0, 4))
  const scope = await staffScope(deps, staff)
  const clinicOf = clinicLookups(deps).ofEvent
  const all = await deps.store.query<EventDoc>(C.events, { where: { date: { $gte: `${y}-01-01`, $lte: `${y}-12-31` } }, orderBy: [['date', 'asc']], limit: 1000 })
  const events: EventDoc[] = []
  for (const e of all) if (inScope(scope, await clinicOf(e))) events.push(e)
  return { year: y, suggestions: EVENT_KINDS.map((kind) => ({ kind, title: EVENT_TITLE[kind], date: suggestedDate(kind, y) })), events: events.map((e) => view(e)) }
}

/** The event, if it belongs to a clinic this staff member works for; another clinic's is as good as absent. */
async function scopedEvent(deps: Deps, staff: ScopedStaff, eventId: string): Promise<EventDoc> {
  const e = await deps.store.get<EventDoc>(C.events, eventId)
  if (!e || !inScope(await staffScope(deps, staff), await clinicLookups(deps).ofEvent(e))) throw new DomainError('EVENT_NOT_FOUND')
  return e
}

export interface NewEvent { kind: EventKind; date: string; place: string; capacity: number; clinicId?: string }

/** One event of a kind on a date: planning it twice is refused, not duplicated. It belongs to the creator's clinic or one in their scope. */
export async function create(deps: Deps, staff: ScopedStaff, i: NewEvent): Promise<MemberEvent> {
  const staffId = staff.staffId
  const clinicId = i.clinicId ?? staff.clinicId
  if (!inScope(await staffScope(deps, staff), clinicId)) throw new DomainError('FORBIDDEN', { clinicId })
  if (!(await deps.store.get<ClinicDoc>(C.clinics, clinicId))) throw new DomainError('CLINIC_NOT_FOUND', { clinicId })
  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  if (dayjs(i.date).format('YYYY-MM-DD') !== i.date || i.date <= businessDate(now, policy.timezone)) throw new DomainError('VALIDATION', { field: 'date', expected: 'a future date, YYYY-MM-DD' })
  const on = inviteOn(i.date, policy)
  // Invitations go out at the start of `inviteOn` (clinic zone), or now if that is already past.
  const startOfDay = dayjs.tz(on, policy.timezone).toDate()
  const inviteAt = (startOfDay > now ? startOfDay : now).toISOString()
  const doc: EventDoc = { _id: `ev_${i.kind}_${i.date.replace(/-/g, '')}`, kind: i.kind, date: i.date, place: i.place, capacity: i.capacity, inviteOn: on, inviteAt, going: 0, createdAt: now.toISOString(), createdBy: staffId, clinicId }
  try {
    await deps.store.create(C.events, doc)
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) throw new DomainError('EVENT_EXISTS', { eventId: doc._id })
    throw e
  }
  return view(doc)
}

/** Upcoming events, with this patient's reply. */
export async function list(deps: Deps, patientId: string): Promise<MemberEvent[]> {
  const events = await deps.store.query<EventDoc>(C.events, { where: { date: { $gte: await today(deps) } }, orderBy: [['date', 'asc']], limit: 50 })
  return Promise.all(events.map(async (e) => view(e, await deps.store.get<EventRsvpDoc>(C.eventRsvps, `${e._id}:${patientId}`))))
}

/** A member answers; the count of people coming stays within capacity, exactly, under races. */
export async function rsvp(deps: Deps, patientId: string, eventId: string, attending: boolean, guests = 0): Promise<MemberEvent> {
  const now = deps.clock.now()
  const day = await today(deps)
  return withRetry(() => deps.store.transaction(async (tx) => {
    const e = await tx.get<EventDoc>(C.events, eventId)
    if (!e) throw new DomainError('EVENT_NOT_FOUND')
    const p = await tx.get<PatientDoc>(C.patients, patientId)
    if (!p || !hasMemberDiscount(p, now)) throw new DomainError('EVENT_NOT_MEMBER')
    checkRsvp(e.date, day, attending ? guests : 0)
    const id = `${eventId}:${patientId}`
    const before = await tx.get<EventRsvpDoc>(C.eventRsvps, id)
    const people = (r: { answer: 'yes' | 'no'; guests: number } | null) => (r && r.answer === 'yes' ? 1 + r.guests : 0)
    const next: EventRsvpDoc = { _id: id, eventId, patientId, answer: attending ? 'yes' : 'no', guests: attending ? guests : 0, at: now.toISOString(), ...(before?.checkedInAt ? { checkedInAt: before.checkedInAt, checkedInBy: before.checkedInBy } : {}) }
    const going = e.going - people(before) + people(next)
    if (going > e.capacity && going > e.going) throw new DomainError('EVENT_FULL', { capacity: e.capacity, going: e.going })
    await tx.set(C.eventRsvps, next)
    const updated = { ...e, going }
    await tx.set(C.events, updated)
    return view(updated, next)
  }))
}

async function attendee(deps: Deps, r: EventRsvpDoc): Promise<Attendee> {
  const p = await deps.store.get<PatientDoc>(C.patients, r.patientId)
  return { patientId: r.patientId, name: p?.name ?? '—', maskedPhone: maskPhone(p?.phone), answer: r.answer, guests: r.guests, checkedInAt: r.checkedInAt }
}

/** Staff: who said yes (phones masked, C2). */
export async function attendees(deps: Deps, staff: ScopedStaff, eventId: string): Promise<Attendee[]> {
  await scopedEvent(deps, staff, eventId)
  const out: Attendee[] = []
  for await (const page of pages<EventRsvpDoc>(deps.store, C.eventRsvps, { where: { eventId, answer: 'yes' }, orderBy: [['at', 'asc']] })) {
    for (const r of page) out.push(await attendee(deps, r))
  }
  return out
}

/** At the door, on the day: the member's code or record number; a second scan changes nothing. */
export async function checkIn(deps: Deps, staff: ScopedStaff, eventId: string, code: string): Promise<Attendee> {
  const staffId = staff.staffId
  const e = await scopedEvent(deps, staff, eventId)
  if (e.date !== (await today(deps))) throw new DomainError('EVENT_NOT_TODAY', { date: e.date })
  const p = await patientByCode(deps, code.trim())
  const id = `${eventId}:${p._id}`
  const at = deps.clock.now().toISOString()
  const r = await withRetry(() => deps.store.transaction(async (tx) => {
    const cur = await tx.get<EventRsvpDoc>(C.eventRsvps, id)
    if (!cur || cur.answer !== 'yes') throw new DomainError('EVENT_NOT_INVITED', { patientId: p._id })
    if (cur.checkedInAt) return cur
    const next = { ...cur, checkedInAt: at, checkedInBy: staffId }
    await tx.set(C.eventRsvps, next)
    return next
  }))
  return attendee(deps, r)
}
