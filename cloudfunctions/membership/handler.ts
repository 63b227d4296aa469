import { z } from 'zod'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { empty, id } from '../_core/runtime/schema'
import { dueMembershipReminders } from '../_core/usecases/membership'
import { birthdayList, markGift } from '../_core/usecases/birthday-gifts'

/** N2: the front desk buys and hands over the gifts; managers see the same list. */
const DESK = ['receptionist', 'consultant', 'director', 'admin'] as const
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month is YYYY-MM')

export default defineFunction({
  name: 'membership',
  actions: {
    reminders: forStaff(['director', 'admin'], empty, (deps) => dueMembershipReminders(deps)),
    birthdays: forStaff(DESK, z.object({ month: month.optional() }), (deps, _c, i) => birthdayList(deps, i.month)),
    markGift: forStaff(DESK, z.object({ month, patientId: id, step: z.enum(['bought', 'delivered']) }), (deps, c, i) => markGift(deps, c.persona.staffId, i.month, i.patientId, i.step)),
  },
})
