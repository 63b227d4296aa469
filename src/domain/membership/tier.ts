import dayjs from 'dayjs'
import { businessDate, validUntil } from '../clock'
import { DomainError } from '../errors'
import type { Fen } from '../money'
import type { Policy } from '../policy'

export type Tier = 'none' | 'annual' | 'lifetime'

export interface MemberStanding {
  tier: Tier
  /** M1 annual membership: last valid instant (ISO), when tier is annual. */
  annualUntil?: string
  lifetimeSince?: string
  /** M6 money actually paid, net of refunds; card and bonus value never count. */
  cumulativeSpendFen: Fen
  /** M3 a bound family member gets the owner's discount for life. */
  familyOwnerId?: string
  /** M3 how many family members this owner has bound (kept with the owner for an exact cap). */
  familySize?: number
}

/** M1, M7: the tier in force at `now`; an annual tier past its end has lapsed. */
export function effectiveTier(s: MemberStanding, now: Date): Tier {
  if (s.tier === 'lifetime') return 'lifetime'
  if (s.tier === 'annual' && s.annualUntil && now.getTime() <= Date.parse(s.annualUntil)) return 'annual'
  return 'none'
}

/** M2, M3: who gets the member discount — members in force and bound family. */
export const hasMemberDiscount = (s: MemberStanding, now: Date): boolean =>
  effectiveTier(s, now) !== 'none' || Boolean(s.familyOwnerId)

/**
 * M1, M6: after a payment of `paidFen` (money actually paid), spend grows and the payment that
 * takes it to the threshold or beyond makes the patient a lifetime member. That bill itself is
 * not retro-discounted: the discount was computed before this runs.
 */
export function afterPayment(s: MemberStanding, paidFen: Fen, now: Date, policy: Policy): MemberStanding {
  const cumulativeSpendFen = s.cumulativeSpendFen + paidFen
  if (s.tier !== 'lifetime' && cumulativeSpendFen >= policy.membership.lifetimeThresholdFen) {
    // annualUntil is kept: should a refund within the grace period undo the lifetime, it still counts.
    return { ...s, cumulativeSpendFen, tier: 'lifetime', lifetimeSince: now.toISOString() }
  }
  return { ...s, cumulativeSpendFen }
}

/** Progress to lifetime, for the member home page bar: 0..1. */
export const lifetimeProgress = (s: MemberStanding, policy: Policy): number =>
  s.tier === 'lifetime' ? 1 : Math.min(1, s.cumulativeSpendFen / policy.membership.lifetimeThresholdFen)

export const daysLeft = (untilIso: string, now: Date): number => dayjs(untilIso).diff(dayjs(now), 'day')

/**
 * M1: an annual membership sold at reception. Renewing while annual extends from the current end
 * (nothing is lost by renewing early); a lapsed or new member gets a year from today. Lifetime
 * supersedes annual, so selling it to a lifetime member is refused.
 */
export function sellAnnual(s: MemberStanding, now: Date, policy: Policy): MemberStanding {
  const tier = effectiveTier(s, now)
  if (tier === 'lifetime') throw new DomainError('MEMBERSHIP_NOT_NEEDED')
  const from = tier === 'annual' && s.annualUntil ? new Date(Date.parse(s.annualUntil)) : now
  return { ...s, tier: 'annual', annualUntil: validUntil(from, policy.membership.annualMonths, policy.timezone).toISOString() }
}

/**
 * M6 refunds, our written policy: spend falls by the refunded money (never below zero). If that
 * takes it under the threshold and the lifetime tier was granted fewer than
 * `lifetimeRefundGraceDays` ago, the tier reverts (to annual if one is still in force, else none);
 * an older lifetime tier is kept for life.
 */
export function afterRefund(s: MemberStanding, refundFen: Fen, now: Date, policy: Policy): MemberStanding {
  const cumulativeSpendFen = Math.max(0, s.cumulativeSpendFen - refundFen)
  const next: MemberStanding = { ...s, cumulativeSpendFen }
  if (s.tier !== 'lifetime' || cumulativeSpendFen >= policy.membership.lifetimeThresholdFen || !s.lifetimeSince) return next
  const heldDays = dayjs(now).diff(dayjs(s.lifetimeSince), 'day')
  if (heldDays >= policy.membership.lifetimeRefundGraceDays) return next
  const annual = s.annualUntil && now.getTime() <= Date.parse(s.annualUntil)
  return { ...next, tier: annual ? 'annual' : 'none', lifetimeSince: undefined }
}

/**
 * M7: the reminder due for an annual membership at `now` — when it ends within the reminder window
 * (30 days) and has not ended yet — or null. The key names the term's last day, so a renewal (a new
 * end) gets a reminder of its own, and each term's reminder goes once.
 */
export function dueMembershipReminder(patientId: string, s: MemberStanding, now: Date, policy: Policy): { key: string; until: string; daysLeft: number } | null {
  if (s.tier !== 'annual' || !s.annualUntil) return null
  const end = Date.parse(s.annualUntil)
  if (end < now.getTime() || end > dayjs(now).add(policy.membership.annualReminderDays, 'day').valueOf()) return null
  const until = businessDate(new Date(end), policy.timezone)
  return { key: `m7:${patientId}:${until}`, until, daysLeft: daysLeft(s.annualUntil, now) }
}
