import dayjs from 'dayjs'
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
    return { ...s, cumulativeSpendFen, tier: 'lifetime', lifetimeSince: now.toISOString(), annualUntil: undefined }
  }
  return { ...s, cumulativeSpendFen }
}

/** Progress to lifetime, for the member home page bar: 0..1. */
export const lifetimeProgress = (s: MemberStanding, policy: Policy): number =>
  s.tier === 'lifetime' ? 1 : Math.min(1, s.cumulativeSpendFen / policy.membership.lifetimeThresholdFen)

export const daysLeft = (untilIso: string, now: Date): number => dayjs(untilIso).diff(dayjs(now), 'day')
