/**
 * Issue 12, item 3: what the member home says about a member's standing. Pure, so the server's
 * answer and the pages agree, and the rules are tested once.
 */
import { effectiveTier, type MemberStanding, type Tier } from './tier'

/** The badge on the member card. 'family': bound to a lifetime member's family (M3). */
export type MemberBadge = 'lifetime' | 'family' | 'annual' | 'none'

/**
 * M1, M3: lifetime first (it supersedes everything); then a bound family member, whose discount
 * lasts for life (M3) — so a family member paying 88折 is never shown as 非会员; then annual while in
 * force (M7: a lapsed year is no badge).
 */
export function memberBadge(s: Pick<MemberStanding, 'tier' | 'annualUntil' | 'familyOwnerId'>, now: Date): MemberBadge {
  const tier = effectiveTier({ ...s, cumulativeSpendFen: 0 }, now)
  if (tier === 'lifetime') return 'lifetime'
  if (s.familyOwnerId) return 'family'
  return tier
}

/**
 * M1: the bar towards the lifetime threshold is for whoever can still reach it; a lifetime member
 * has arrived (a 100% bar says nothing). Family members and annual members can still get there.
 */
export const showsLifetimeProgress = (tier: Tier): boolean => tier !== 'lifetime'
