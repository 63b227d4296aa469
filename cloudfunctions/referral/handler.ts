import { z } from 'zod'
import { defineFunction, forAnyone, forPatient, forStaff } from '../_core/runtime/define'
import { calendarDay, empty, id } from '../_core/runtime/schema'
import * as fb from '../_core/usecases/feedback'
import * as ref from '../_core/usecases/referral'
import * as rep from '../_core/usecases/referral-reports'

const code = z.string().trim().min(1).max(20)
const date = calendarDay // issue 14: 2026-13-45 is refused, not rolled into another week
/** The H5 site a local poster QR points at: scheme, host and port only. */
const origin = z.string().max(100).regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'an origin like http://host:port')

export default defineFunction({
  name: 'referral',
  actions: {
    mine: forPatient(empty, (deps, c) => ref.mine(deps, c.persona.patientId)),
    posterCode: forPatient(z.object({ origin: origin.optional() }), (deps, c, i) => ref.posterCode(deps, c.persona.patientId, i.origin)),
    offer: forAnyone(z.object({ code }), (deps, c, i) => ref.offer(deps, c.openid, i.code)),
    takeCoupon: forAnyone(z.object({ code, device: z.string().max(80).optional(), acceptMessages: z.boolean().optional() }), (deps, c, i) => ref.takeCoupon(deps, c.openid, i.code, i.device)),
    coupons: forAnyone(empty, (deps, c) => ref.coupons(deps, c.openid)),
    couponCode: forAnyone(z.object({ couponId: id }), (deps, c, i) => ref.couponCode(deps, c.openid, i.couponId)),
    rate: forPatient(z.object({ billId: z.string().min(1).max(80), score: z.number().int().min(0).max(10), comment: z.string().trim().max(500).optional() }), (deps, c, i) => fb.rate(deps, c.persona.patientId, i.billId, i.score, i.comment)),
    leaderboard: forStaff(empty, (deps) => rep.leaderboard(deps)),
    daySheet: forStaff(z.object({ date: date.optional() }), (deps, c, i) => rep.daySheet(deps, c.persona, i.date)),
    audit: forStaff(z.object({ weekOf: date.optional() }), (deps, _c, i) => rep.audit(deps, i.weekOf)),
    payouts: forStaff(z.object({ status: z.enum(['due', 'paid']).optional() }), (deps, c, i) => rep.payouts(deps, c.persona, i.status)),
    markPaid: forStaff(z.object({ payoutId: z.string().min(1).max(100), method: z.enum(['phone_topup', 'wechat', 'bank', 'cash']), reference: z.string().trim().min(2).max(100) }), (deps, c, i) => rep.markPaid(deps, c.persona, i.payoutId, i.method, i.reference)),
    tasks: forStaff(empty, (deps, c) => fb.tasks(deps, c.persona)),
    closeTask: forStaff(z.object({ taskId: z.string().min(1).max(100), note: z.string().trim().min(2).max(500) }), (deps, c, i) => fb.closeTask(deps, c.persona, i.taskId, i.note)),
  },
})
