import { z } from 'zod'
import { EVENT_KINDS } from '../../src/domain/events/calendar'
import { defineFunction, forPatient, forStaff } from '../_core/runtime/define'
import { calendarDay, empty, id } from '../_core/runtime/schema'
import * as ev from '../_core/usecases/events'


export default defineFunction({
  name: 'events',
  actions: {
    plan: forStaff(z.object({ year: z.number().int().min(2020).max(2100).optional() }), (deps, c, i) => ev.plan(deps, c.persona, i.year)),
    create: forStaff(z.object({
      kind: z.enum(EVENT_KINDS), date: calendarDay,
      place: z.string().trim().min(2).max(60), capacity: z.number().int().min(1).max(2000), clinicId: id.optional(),
    }), (deps, c, i) => ev.create(deps, c.persona, i)),
    list: forPatient(empty, (deps, c) => ev.list(deps, c.persona.patientId)),
    rsvp: forPatient(z.object({ eventId: id, attending: z.boolean(), guests: z.number().int().min(0).max(3).optional() }), (deps, c, i) => ev.rsvp(deps, c.persona.patientId, i.eventId, i.attending, i.guests)),
    attendees: forStaff(z.object({ eventId: id }), (deps, c, i) => ev.attendees(deps, c.persona, i.eventId)),
    checkIn: forStaff(z.object({ eventId: id, code: z.string().trim().min(1).max(300) }), (deps, c, i) => ev.checkIn(deps, c.persona, i.eventId, i.code)),
  },
})
