/**
 * F6: which reminders a card is due at `now`. Each has a stable key, so the outbox sends it once
 * however often the daily job runs. When several expiry offsets are due at once (a card claimed
 * ten days before expiry), only the most urgent is sent: "30 days left" would be untrue.
 */
import { dayjs } from '../clock'
import type { Policy } from '../policy'
import { isExpired, type FriendCard } from './card'

export type CardReminderKind = 'unshared' | 'unused' | 'expiry'

export interface CardReminder {
  key: string
  kind: CardReminderKind
  /** Who gets it: the giver (a patient) or the friend (an OPENID). */
  to: { patientId: string } | { openid: string }
  cardId: string
  /** The offset that made it due (days after issue/claim, or days before expiry). */
  days: number
}

const daysSince = (iso: string, now: Date) => dayjs(now).diff(dayjs(iso), 'day')

/** The largest offset already reached, or null. */
const reached = (offsets: number[], elapsed: number) => {
  const hit = offsets.filter((d) => elapsed >= d)
  return hit.length ? Math.max(...hit) : null
}

export function dueCardReminders(c: FriendCard, now: Date, policy: Policy): CardReminder[] {
  if (isExpired(c, now) || !['issued', 'shared', 'claimed'].includes(c.status)) return []
  const out: CardReminder[] = []
  const giver = { patientId: c.giverPatientId }
  if (c.status === 'issued' || c.status === 'shared') {
    const d = reached(policy.friendCard.unsharedReminderDays, daysSince(c.issuedAt, now))
    if (d !== null) out.push({ key: `fc:${c._id}:unshared:${d}`, kind: 'unshared', to: giver, cardId: c._id, days: d })
  }
  if (c.status === 'claimed' && c.claimedAt && c.balanceFen === c.faceValueFen) {
    const d = reached(policy.friendCard.unusedReminderDays, daysSince(c.claimedAt, now))
    if (d !== null) out.push({ key: `fc:${c._id}:unused:${d}`, kind: 'unused', to: giver, cardId: c._id, days: d })
  }
  if (c.status === 'claimed' && c.friendOpenid && !c.registeredAt) {
    const left = dayjs(c.expiresAt).diff(dayjs(now), 'day')
    const due = policy.friendCard.expiryReminderDays.filter((d) => left < d)
    if (due.length) {
      const d = Math.min(...due)
      out.push({ key: `fc:${c._id}:expiry:${d}`, kind: 'expiry', to: { openid: c.friendOpenid }, cardId: c._id, days: d })
    }
  }
  return out
}
