import { defineFunction, forPatient } from '../_core/runtime/define'
import { empty } from '../_core/runtime/schema'
import { memberCode, memberHome } from '../_core/usecases/member'

export default defineFunction({
  name: 'member',
  actions: {
    home: forPatient(empty, (deps, c) => memberHome(deps, c.persona.patientId)),
    code: forPatient(empty, (deps, c) => memberCode(deps, c.persona.patientId)),
  },
})
