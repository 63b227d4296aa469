/**
 * N1 greetings and N4 invitations. Birthdays and holidays are greeted on the day only (a run that
 * missed the day does not send a late "happy birthday"); event invitations go to every member once
 * the event's invitation time has come, as long as the event is still ahead.
 */
import { birthdaysOn } from '../../../../src/domain/notify/birthday'
import { holidaysOn } from '../../../../src/domain/notify/holidays'
import { EVENT_TITLE } from '../../../../src/domain/events/calendar'
import { hasMemberDiscount } from '../../../../src/domain/membership/tier'
import type { MessageData, TemplateKey } from '../../../../src/domain/notify/messages'
import { MAX_PAGE } from '../../ports/store'
import { C, type EventDoc, type PatientDoc } from '../../model'
import { queueMessage } from '../outbox'
import { dayInWindow, part, type JobCtx, type Part, type Step } from './sweep'

/** Members: annual or lifetime in force, and bound family members (M3). */
function memberParts(key: string, msg: (p: PatientDoc, ctx: JobCtx) => { key: string; template: TemplateKey; data: MessageData }): Part[] {
  const each = async (p: PatientDoc, ctx: JobCtx) => {
    if (!hasMemberDiscount(p, ctx.to)) return
    const m = msg(p, ctx)
    if (await queueMessage(ctx.deps.store, ctx.policy, ctx.to, m.key, { patientId: p._id }, m.template, m.data)) ctx.count(`queued.${m.template}`)
  }
  return [
    part<PatientDoc>({ key: `${key}:tier`, coll: C.patients, where: { tier: { $in: ['annual', 'lifetime'] } }, each }),
    part<PatientDoc>({ key: `${key}:family`, coll: C.patients, where: { familyOwnerId: { $gt: '' } } /* any owner: a range the index serves ($exists would read it all) */, each }),
  ]
}

export const greetings: Step = {
  name: 'greetings',
  parts: (ctx) => {
    // On the day only: a window resumed the next day sends no late greetings (docs/policy.md).
    if (!dayInWindow(ctx, ctx.today) || ctx.nowDay !== ctx.today) return []
    const year = ctx.today.slice(0, 4)
    return [
      part<PatientDoc>({
        key: 'birthday', coll: C.patients, where: { birthdayMd: { $in: birthdaysOn(ctx.today) } },
        async each(p, { deps, policy, to, count }) {
          if (!hasMemberDiscount(p, to)) return
          if (await queueMessage(deps.store, policy, to, `bday:${p._id}:${year}`, { patientId: p._id }, 'birthday', { name: p.name })) count('queued.birthday')
        },
      }),
      ...holidaysOn(ctx.today, ctx.policy).flatMap((h) => memberParts(`holiday:${h.date}`, (p) => ({
        key: `hol:${ctx.today}:${p._id}`, template: 'holiday', data: { name: p.name, holidayZh: h.name.zh, holidayEn: h.name.en },
      }))),
    ]
  },
}

export const invitations: Step = {
  name: 'invitations',
  parts: async (ctx) => {
    const at = { ...(ctx.from ? { $gt: ctx.from.toISOString() } : {}), $lte: ctx.to.toISOString() }
    // An event planned for tomorrow is announced by the next run, even on its day.
    const due = await ctx.deps.store.query<EventDoc>(C.events, { where: { inviteAt: at, date: { $gte: ctx.today } }, orderBy: [['_id', 'asc']], limit: MAX_PAGE })
    return due.flatMap((e) => memberParts(`event:${e._id}`, (p) => ({
      key: `ev:${e._id}:${p._id}`, template: 'event_invite',
      data: { titleZh: EVENT_TITLE[e.kind].zh, titleEn: EVENT_TITLE[e.kind].en, date: e.date, place: e.place, eventId: e._id },
    })))
  },
}
