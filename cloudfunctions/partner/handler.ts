import { z } from 'zod'
import { defineFunction, forAnyone, forStaff } from '../_core/runtime/define'
import { empty, id } from '../_core/runtime/schema'
import * as partner from '../_core/usecases/partner'

export default defineFunction({
  name: 'partner',
  actions: {
    register: forAnyone(z.object({ name: z.string().trim().min(1).max(30), phone: z.string().trim().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits'), consultantStaffId: id }), (deps, c, i) => partner.register(deps, c.openid, i)),
    mine: forAnyone(empty, (deps, c) => partner.mine(deps, c.openid)),
    list: forStaff(empty, (deps) => partner.list(deps)),
  },
})
