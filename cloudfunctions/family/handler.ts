import { z } from 'zod'
import type { Persona } from '../../src/api/contract'
import { defineFunction, forAnyone, forPatient } from '../_core/runtime/define'
import { empty, id, token } from '../_core/runtime/schema'
import * as fam from '../_core/usecases/family'

const patientIdOf = (p: Persona) => (p.kind === 'patient' ? p.patientId : null)

export default defineFunction({
  name: 'family',
  actions: {
    get: forPatient(empty, (deps, c) => fam.family(deps, c.persona.patientId)),
    invite: forPatient(empty, (deps, c) => fam.invite(deps, c.persona.patientId)),
    invitation: forAnyone(z.object({ token }), (deps, c, i) => fam.invitation(deps, patientIdOf(c.persona), i.token)),
    accept: forAnyone(z.object({ token }), (deps, c, i) => fam.accept(deps, patientIdOf(c.persona), i.token)),
    unbind: forPatient(z.object({ patientId: id }), (deps, c, i) => fam.unbindMember(deps, c.persona.patientId, i.patientId)),
    setStanding: forPatient(z.object({ patientId: id, allowed: z.boolean() }), (deps, c, i) => fam.setStanding(deps, c.persona.patientId, i.patientId, i.allowed)),
    decide: forPatient(z.object({ requestId: id, approve: z.boolean() }), (deps, c, i) => fam.decide(deps, c.persona.patientId, i.requestId, i.approve)),
  },
})
