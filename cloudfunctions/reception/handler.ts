import { z } from 'zod'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { billRequest, confirmBillRequest, fen, id, requestId, token, birthday, mobile, personName } from '../_core/runtime/schema'
import { requestOwnerBalance } from '../_core/usecases/family'
import { refund } from '../_core/usecases/refund'
import { lookup, registerAtDesk, registerWalkIn } from '../_core/usecases/desk-register'
import { bindingCode } from '../_core/usecases/identity-binding'
import { confirmBill, previewBill, scan } from '../_core/usecases/reception'

export default defineFunction({
  name: 'reception',
  actions: {
    scan: forStaff(z.object({ code: z.string().trim().min(1).max(200) }), (deps, _c, i) => scan(deps, i.code)),
    requestOwnerBalance: forStaff(z.object({ patientId: id, amountFen: fen.min(1) }), (deps, _c, i) => requestOwnerBalance(deps, i.patientId, i.amountFen)),
    refund: forStaff(z.object({ billId: z.string().min(1).max(80), amountFen: fen.min(1), reason: z.string().trim().min(2).max(200), requestId }), (deps, c, i) => refund(deps, c.persona.staffId, i)),
    register: forStaff(z.object({ ticket: token, name: z.string().trim().min(1).max(30).optional(), phone: z.string().trim().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits').optional(), birthday: birthday.optional() }),
      (deps, c, i) => registerAtDesk(deps, c.persona, i)),
    registerWalkIn: forStaff(z.object({ name: personName, phone: mobile, birthday: birthday.optional(), sharedPhone: z.boolean().optional() }), (deps, c, i) => registerWalkIn(deps, c.persona, i)),
    lookup: forStaff(z.object({ query: z.string().trim().min(4).max(20) }), (deps, _c, i) => lookup(deps, i.query)),
    bindingCode: forStaff(z.object({ patientId: id }), (deps, _c, i) => bindingCode(deps, i.patientId)),
    previewBill: forStaff(billRequest, (deps, _c, i) => previewBill(deps, i)),
    confirmBill: forStaff(confirmBillRequest, (deps, c, i) => confirmBill(deps, { staffId: c.persona.staffId, clinicId: c.persona.clinicId }, i)),
  },
})
