import { z } from 'zod'
import { TIMES_OF_DAY } from '../../src/domain/appointments/hours'
import { MAX_NAME, MAX_NOTE } from '../../src/domain/appointments/request'
import { STAFF_MARKS } from '../../src/domain/appointments/status'
import { defineFunction, forAnyone, forStaff } from '../_core/runtime/define'
import { empty, id, requestId } from '../_core/runtime/schema'
import * as apt from '../_core/usecases/appointments'

/**
 * Issue 12, item 4: the chain's clinics and appointment requests (docs/appointments.md). Lengths
 * here only bound what travels; the rules (day, phone, name, note) are the domain's, with their own errors.
 */
export default defineFunction({
  name: 'clinic',
  actions: {
    clinics: forAnyone(empty, (deps, c) => apt.clinicsPage(deps, c.openid, c.persona)),
    request: forAnyone(z.object({
      requestId, clinicId: id, preferredDate: z.string().trim().max(10), timeOfDay: z.enum(TIMES_OF_DAY),
      phone: z.string().max(20).optional(), name: z.string().max(MAX_NAME * 2).optional(), note: z.string().max(MAX_NOTE * 2).optional(),
    }), (deps, c, i) => apt.request(deps, c.openid, c.persona, i)),
    appointments: forStaff(empty, (deps, c) => apt.listForStaff(deps, c.persona)),
    dial: forStaff(z.object({ appointmentId: id }), (deps, c, i) => apt.dial(deps, c.persona, i.appointmentId)),
    mark: forStaff(z.object({ appointmentId: id, status: z.enum(STAFF_MARKS), version: z.number().int().min(0) }), (deps, c, i) => apt.mark(deps, c.persona, i.appointmentId, i.status, i.version)),
  },
})
