import { z } from 'zod'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { billRequest, confirmBillRequest, fen, id, requestId, token, birthday } from '../_core/runtime/schema'
import { requestOwnerBalance } from '../_core/usecases/family'
import { refund } from '../_core/usecases/refund'
import { registerAtDesk } from '../_core/usecases/desk-register'
import { confirmBill, previewBill, scan } from '../_core/usecases/reception'

/** Front desk work (S1, S2): receptionists, consultants and the director; doctors do not bill. */
const DESK = ['receptionist', 'consultant', 'director', 'admin'] as const
/** Money going back out: the director and admin only. */
const MANAGERS = ['director', 'admin'] as const

export default defineFunction({
  name: 'reception',
  actions: {
    scan: forStaff(DESK, z.object({ code: z.string().trim().min(1).max(200) }), (deps, _c, i) => scan(deps, i.code)),
    requestOwnerBalance: forStaff(DESK, z.object({ patientId: id, amountFen: fen.min(1) }), (deps, _c, i) => requestOwnerBalance(deps, i.patientId, i.amountFen)),
    refund: forStaff(MANAGERS, z.object({ billId: z.string().min(1).max(80), amountFen: fen.min(1), reason: z.string().trim().min(2).max(200), requestId }), (deps, c, i) => refund(deps, c.persona.staffId, i)),
    register: forStaff(DESK, z.object({ ticket: token, name: z.string().trim().min(1).max(30).optional(), phone: z.string().trim().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits').optional(), birthday: birthday.optional() }),
      (deps, c, i) => registerAtDesk(deps, c.persona, i)),
    previewBill: forStaff(DESK, billRequest, (deps, _c, i) => previewBill(deps, i)),
    confirmBill: forStaff(DESK, confirmBillRequest, (deps, c, i) => confirmBill(deps, { staffId: c.persona.staffId, clinicId: c.persona.clinicId }, i)),
  },
})
