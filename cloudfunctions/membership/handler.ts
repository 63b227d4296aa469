import { z } from 'zod'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { empty, id } from '../_core/runtime/schema'
import { dueMembershipReminders } from '../_core/usecases/membership'
import { birthdayList, markGift } from '../_core/usecases/birthday-gifts'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month is YYYY-MM')

export default defineFunction({
  name: 'membership',
  actions: {
    reminders: forStaff(empty, (deps) => dueMembershipReminders(deps)),
    birthdays: forStaff(z.object({ month: month.optional() }), (deps, c, i) => birthdayList(deps, c.persona, i.month)),
    markGift: forStaff(z.object({ month, patientId: id, step: z.enum(['bought', 'delivered']) }), (deps, c, i) => markGift(deps, c.persona, i.month, i.patientId, i.step)),
  },
})
