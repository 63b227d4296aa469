/** C2: the privacy notice (anyone agrees at first use), 我的数据 and its export, the consent log (patients). */
import { z } from 'zod'
import { defineFunction, forAnyone, forPatient } from '../_core/runtime/define'
import { empty } from '../_core/runtime/schema'
import { acceptNotice, consentLog, noticeStatus } from '../_core/usecases/privacy'
import { dataSummary, exportFile } from '../_core/usecases/privacy-files'

export default defineFunction({
  name: 'privacy',
  actions: {
    notice: forAnyone(empty, (deps, c) => noticeStatus(deps, c.openid)),
    accept: forAnyone(z.object({ version: z.string().trim().min(1).max(20) }), (deps, c, i) => acceptNotice(deps, c.openid, i.version)),
    summary: forPatient(empty, (deps, c) => dataSummary(deps, c.persona.patientId, c.openid)),
    export: forPatient(z.object({ format: z.enum(['json', 'csv']) }), (deps, c, i) => exportFile(deps, c.persona.patientId, c.openid, i.format)),
    consentLog: forPatient(empty, (deps, c) => consentLog(deps, c.persona.patientId, c.openid)),
  },
})
