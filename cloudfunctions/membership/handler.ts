import { defineFunction, forStaff } from '../_core/runtime/define'
import { empty } from '../_core/runtime/schema'
import { dueMembershipReminders } from '../_core/usecases/membership'

export default defineFunction({
  name: 'membership',
  actions: {
    reminders: forStaff(['director', 'admin'], empty, (deps) => dueMembershipReminders(deps)),
  },
})
