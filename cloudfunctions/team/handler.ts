import { z } from 'zod'
import { STAFF_ROLES } from '../../src/domain/permissions'
import { defineFunction, forAnyone, forStaff } from '../_core/runtime/define'
import { empty, id, requestId, token } from '../_core/runtime/schema'
import * as team from '../_core/usecases/team'
import { policyGet, policyHistory, policySave } from '../_core/usecases/policy-admin'
import { PRESET_KEYS } from '../../src/domain/policy-presets'
import { simulatePolicy } from '../_core/usecases/policy-simulation'
import { dashboard } from '../_core/usecases/dashboard'
import { rebuildTotals } from '../_core/usecases/friendcard-rebuild'
import { calendarDay } from '../_core/runtime/schema'

const role = z.enum(STAFF_ROLES)
const actor = (p: { staffId: string; name: string }) => ({ staffId: p.staffId, name: p.name })
// Issue 14: the shape only; the domain checks every setting and the reason (POLICY_INVALID, per field).
const policySaveRequest = z.object({
  requestId, baseVersion: z.number().int().min(1), reason: z.string().max(1000),
  policy: z.unknown().optional(), preset: z.enum(PRESET_KEYS).optional(),
})

export default defineFunction({
  name: 'team',
  actions: {
    clinics: forStaff(empty, (deps) => team.clinics(deps)),
    list: forStaff(empty, (deps) => team.list(deps)),
    invite: forStaff(z.object({
      name: z.string().trim().min(1).max(30), role, clinicId: id,
      phone: z.string().trim().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits').optional(),
    }), (deps, c, i) => team.invite(deps, actor(c.persona), i)),
    reinvite: forStaff(z.object({ staffId: id }), (deps, c, i) => team.reinvite(deps, actor(c.persona), i.staffId)),
    invitation: forAnyone(z.object({ token }), (deps, c, i) => team.invitation(deps, c.openid, i.token)),
    join: forAnyone(z.object({ token }), (deps, c, i) => team.join(deps, c.openid, i.token)),
    setRole: forStaff(z.object({ staffId: id, role }), (deps, c, i) => team.setRole(deps, actor(c.persona), i.staffId, i.role)),
    move: forStaff(z.object({ staffId: id, clinicId: id }), (deps, c, i) => team.move(deps, actor(c.persona), i.staffId, i.clinicId)),
    setActive: forStaff(z.object({ staffId: id, active: z.boolean() }), (deps, c, i) => team.setActive(deps, actor(c.persona), i.staffId, i.active)),
    history: forStaff(z.object({ staffId: id.optional() }), (deps, _c, i) => team.history(deps, i.staffId)),
    policyGet: forStaff(empty, (deps) => policyGet(deps)),
    policySave: forStaff(policySaveRequest, (deps, c, i) => policySave(deps, { staffId: c.persona.staffId, name: c.persona.name, role: c.persona.role }, i)),
    policyHistory: forStaff(z.object({ before: z.number().int().min(1).optional(), limit: z.number().int().min(1).max(100).optional() }), (deps, _c, i) => policyHistory(deps, i)),
    // Issue 14 item 5: the proposed numbers are checked by the domain (POLICY_INVALID), the period here.
    policySimulate: forStaff(z.object({ from: calendarDay.optional(), to: calendarDay.optional(), clinicId: id.optional(), preset: z.enum(PRESET_KEYS).optional(), policy: z.unknown().optional() }), (deps, c, i) => simulatePolicy(deps, c.persona, i)),
    // Issue 14 item 1: the director's dashboard for a period (clinic-zone days) and a clinic; read-only.
    dashboard: forStaff(z.object({ from: calendarDay.optional(), to: calendarDay.optional(), clinicId: id.optional() }), (deps, c, i) => dashboard(deps, c.persona, i)),
    rebuildTotals: forStaff(empty, (deps) => rebuildTotals(deps)),
  },
})
