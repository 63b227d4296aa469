import { z } from 'zod'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { billRequest, confirmBillRequest } from '../_core/runtime/schema'
import { confirmBill, previewBill, scan } from '../_core/usecases/reception'

/** Front desk work (S1, S2): receptionists, consultants and the director; doctors do not bill. */
const DESK = ['receptionist', 'consultant', 'director', 'admin'] as const

export default defineFunction({
  name: 'reception',
  actions: {
    scan: forStaff(DESK, z.object({ code: z.string().trim().min(1).max(200) }), (deps, _c, i) => scan(deps, i.code)),
    previewBill: forStaff(DESK, billRequest, (deps, _c, i) => previewBill(deps, i)),
    confirmBill: forStaff(DESK, confirmBillRequest, (deps, c, i) => confirmBill(deps, { staffId: c.persona.staffId, clinicId: c.persona.clinicId }, i)),
  },
})
