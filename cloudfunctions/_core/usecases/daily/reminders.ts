/**
 * N1: reminders due in this run's window — F6 for friend cards (the giver of an unsent or unused
 * card, the friend before expiry) and M7 for annual members 30 days before lapse. The queries find
 * the cards whose reminder instant fell in the window; the pure rule (dueCardReminders) decides
 * what is due, and the outbox key makes each reminder go once however often the job runs.
 */
import { businessDate, dayjs } from '../../../../src/domain/clock'
import type { FriendCard } from '../../../../src/domain/friendcard/card'
import { dueMembershipReminder } from '../../../../src/domain/membership/tier'
import { dueCardReminders, type CardReminder } from '../../../../src/domain/friendcard/reminders'
import type { MessageData, TemplateKey } from '../../../../src/domain/notify/messages'
import { C, type PatientDoc, type UserDoc } from '../../model'
import { queueMessage } from '../outbox'
import { part, shifted, type JobCtx, type Part, type Step } from './sweep'

const TEMPLATE: Record<CardReminder['kind'], TemplateKey> = { unshared: 'card_unshared', unused: 'card_unused', expiry: 'card_expiry' }

async function cardData(r: CardReminder, c: FriendCard, ctx: JobCtx): Promise<MessageData> {
  const expiresOn = businessDate(new Date(c.expiresAt), ctx.policy.timezone)
  // Days left to the last valid date, counted in calendar days (the offset that made it due can be a day more).
  if (r.kind === 'expiry') return { giver: c.giverDisplayName, balanceFen: c.balanceFen, days: dayjs(expiresOn).diff(dayjs(ctx.today), 'day'), expiresOn }
  if (r.kind === 'unused') {
    const friend = c.friendOpenid ? (await ctx.deps.store.get<UserDoc>(C.users, c.friendOpenid))?.displayName : undefined
    return { friend: friend ?? '朋友', expiresOn }
  }
  return { faceValueFen: c.faceValueFen, expiresOn }
}

async function remindCard(c: FriendCard, ctx: JobCtx): Promise<void> {
  for (const r of dueCardReminders(c, ctx.to, ctx.policy)) {
    const template = TEMPLATE[r.kind]
    if (await queueMessage(ctx.deps.store, ctx.policy, ctx.to, r.key, r.to, template, await cardData(r, c, ctx))) ctx.count(`queued.${template}`)
  }
}

const cardPart = (key: string, where: Part['where']) => part<FriendCard>({ key, coll: C.friendCards, where, each: remindCard })

export const reminders: Step = {
  name: 'reminders',
  parts: (ctx) => {
    const fc = ctx.policy.friendCard
    return [
      // F6: the giver, d days after issue, while the card is not yet claimed.
      ...fc.unsharedReminderDays.map((d) => cardPart(`unshared:${d}`, { status: { $in: ['issued', 'shared'] }, issuedAt: shifted(ctx, -d) })),
      // F6: the giver, d days after the friend claimed it and has not used it.
      ...fc.unusedReminderDays.map((d) => cardPart(`unused:${d}`, { status: 'claimed', claimedAt: shifted(ctx, -d) })),
      // F6: the friend, d days before expiry (on the first run, every card that is within d days).
      ...fc.expiryReminderDays.map((d) => cardPart(`expiry:${d}`, { status: 'claimed', expiresAt: ctx.from ? shifted(ctx, d) : { $gte: ctx.to.toISOString(), ...shifted(ctx, d) } })),
      // M7: annual members whose membership ends within the reminder window.
      part<PatientDoc>({
        key: 'm7', coll: C.patients,
        where: { tier: 'annual', annualUntil: ctx.from ? shifted(ctx, ctx.policy.membership.annualReminderDays) : { $gte: ctx.to.toISOString(), ...shifted(ctx, ctx.policy.membership.annualReminderDays) } },
        async each(p, { deps, policy, to, count }) {
          // The same rule and key as the staff reminder list: one reminder per membership term.
          const r = dueMembershipReminder(p._id, p, to, policy)
          if (r && await queueMessage(deps.store, policy, to, r.key, { patientId: p._id }, 'membership_expiry', { name: p.name, until: r.until, days: r.daysLeft })) count('queued.membership_expiry')
        },
      }),
    ]
  },
}
