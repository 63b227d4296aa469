import { z } from 'zod'
import type { Persona } from '../../src/api/contract'
import { defineFunction, forAnyone, forPatient, forStaff } from '../_core/runtime/define'
import { empty, id, requestId, token, birthday } from '../_core/runtime/schema'
import * as card from '../_core/usecases/friendcard'
import { dueReminders, summary } from '../_core/usecases/friendcard-report'

const patientIdOf = (p: Persona) => (p.kind === 'patient' ? p.patientId : null)


export default defineFunction({
  name: 'friendcard',
  actions: {
    issue: forStaff(z.object({ patientId: id, treatmentConfirmed: z.boolean(), requestId }), (deps, c, i) => card.issue(deps, c.persona.staffId, i)),
    mine: forAnyone(empty, (deps, c) => card.mine(deps, c.openid, patientIdOf(c.persona))),
    share: forPatient(z.object({ cardId: id }), (deps, c, i) => card.share(deps, c.persona.patientId, i.cardId)),
    offer: forAnyone(z.object({ token }), (deps, c, i) => card.offer(deps, c.openid, patientIdOf(c.persona), i.token)),
    claim: forAnyone(z.object({ token, acceptReminders: z.boolean().optional() }), (deps, c, i) => card.claim(deps, c.openid, patientIdOf(c.persona), i.token, i.acceptReminders ?? false)),
    code: forAnyone(z.object({ cardId: id }), (deps, c, i) => card.code(deps, c.openid, i.cardId)),
    register: forStaff(z.object({ ticket: token, name: z.string().trim().min(1).max(30).optional(), phone: z.string().trim().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits').optional(), birthday: birthday.optional() }),
      (deps, c, i) => card.register(deps, c.persona.staffId, c.persona.clinicId, i)),
    revoke: forStaff(z.object({ cardId: id, reason: z.string().trim().min(2).max(200) }), (deps, c, i) => card.revoke(deps, c.persona.staffId, i.cardId, i.reason)),
    summary: forStaff(z.object({ before: z.string().max(200).optional() }), (deps, _c, i) => summary(deps, i.before)),
    reminders: forStaff(empty, (deps) => dueReminders(deps)),
  },
})
