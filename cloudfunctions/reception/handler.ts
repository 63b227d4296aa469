import { z } from 'zod'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { billRequest, calendarDay, confirmBillRequest, fen, id, requestId, token, birthday, mobile, personName } from '../_core/runtime/schema'
import { requestOwnerBalance } from '../_core/usecases/family'
import { refund } from '../_core/usecases/refund'
import { lookup, registerAtDesk, registerWalkIn } from '../_core/usecases/desk-register'
import { bindingCode } from '../_core/usecases/identity-binding'
import { confirmBill, previewBill, scan } from '../_core/usecases/reception'
import { findBills, receipt } from '../_core/usecases/bills'
import { closeDay, closedDays, daySheetOf } from '../_core/usecases/day-close'

export default defineFunction({
  name: 'reception',
  actions: {
    scan: forStaff(z.object({ code: z.string().trim().min(1).max(200) }), (deps, _c, i) => scan(deps, i.code)),
    requestOwnerBalance: forStaff(z.object({ patientId: id, amountFen: fen.min(1) }), (deps, _c, i) => requestOwnerBalance(deps, i.patientId, i.amountFen)),
    refund: forStaff(z.object({ billId: z.string().min(1).max(80), amountFen: fen.min(1), reason: z.string().trim().min(2).max(200), requestId, lineIndex: z.number().int().min(0).max(49).optional() }), (deps, c, i) => refund(deps, c.persona.staffId, i)),
    register: forStaff(z.object({ ticket: token, name: z.string().trim().min(1).max(30).optional(), phone: z.string().trim().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits').optional(), birthday: birthday.optional() }),
      (deps, c, i) => registerAtDesk(deps, c.persona, i)),
    registerWalkIn: forStaff(z.object({ name: personName, phone: mobile, birthday: birthday.optional(), sharedPhone: z.boolean().optional() }), (deps, c, i) => registerWalkIn(deps, c.persona, i)),
    lookup: forStaff(z.object({ query: z.string().trim().min(4).max(20) }), (deps, _c, i) => lookup(deps, i.query)),
    bindingCode: forStaff(z.object({ patientId: id }), (deps, _c, i) => bindingCode(deps, i.patientId)),
    // The caller's role decides whether a free-text line may be billed (issue 13; M2, F4).
    previewBill: forStaff(billRequest, (deps, c, i) => previewBill(deps, c.persona.role, i)),
    confirmBill: forStaff(confirmBillRequest, (deps, c, i) => confirmBill(deps, { staffId: c.persona.staffId, clinicId: c.persona.clinicId, role: c.persona.role }, i)),
    findBills: forStaff(z.object({
      billNo: z.string().trim().min(8).max(20).optional(), recordNo: z.string().trim().min(1).max(20).optional(),
      phoneTail: z.string().trim().regex(/^\d{4}$/, 'the last 4 digits of a phone').optional(), day: calendarDay.optional(),
    }), (deps, c, i) => findBills(deps, c.persona, i)),
    receipt: forStaff(z.object({ billId: z.string().min(1).max(80) }), (deps, c, i) => receipt(deps, c.persona, i.billId)),
    daySheet: forStaff(z.object({ clinicId: id.optional(), day: calendarDay.optional() }), (deps, c, i) => daySheetOf(deps, c.persona, i)),
    closeDay: forStaff(z.object({ clinicId: id.optional(), day: calendarDay, requestId }), (deps, c, i) => closeDay(deps, c.persona, i)),
    closedDays: forStaff(z.object({ month: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM') }), (deps, c, i) => closedDays(deps, c.persona, i)),
  },
})
