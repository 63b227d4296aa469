/** Issue 14 item 1: the director's dashboard (team.dashboard), one answer for one period and clinic. */
import type { CardStep, FunnelStep, ReferralStep, WeekBucket } from '../domain/dashboard/figures'
import type { OutboxStatus, SkipReason } from '../domain/notify/messages'
import type { Tier } from '../domain/membership/tier'
import type { Policy } from '../domain/policy'

export type { CardStep, FunnelStep, ReferralStep, WeekBucket }

/** Days in the clinic's zone (YYYY-MM-DD, both included); default the 30 days up to today. */
export interface DashboardRequest { from?: string; to?: string; clinicId?: string }

export interface DashboardLeader { rank: number; name: string; validReferrals: number; referredRevenueFen: number }

export interface Dashboard {
  from: string
  to: string
  /** The clinic chosen; null: every clinic the viewer sees. */
  clinicId: string | null
  /** The clinics the viewer may choose between; `chainWide`: may see them all together. */
  clinics: Array<{ clinicId: string; name: string }>
  chainWide: boolean
  timezone: string
  currency: Policy['currency']
  /** R2/R3 over the coupons taken in the period. */
  referral: Array<FunnelStep<ReferralStep>>
  /**
   * F7 over the cards issued in the period (what happened to them up to now): value redeemed, what the
   * friends paid in money since claiming, ROI = paid ÷ redeemed (null when nothing was redeemed).
   */
  cards: { steps: Array<FunnelStep<CardStep>>; redeemedFen: number; friendsPaidFen: number; roi: number | null }
  weeks: WeekBucket[]
  /** Members now, by the tier in force (M1). */
  tiers: Array<{ tier: Tier; count: number }>
  /** R8, from the running totals (all time, recognition). */
  topReferrers: DashboardLeader[]
  /** N3: messages created in the period. */
  messages: { byStatus: Array<{ status: OutboxStatus; count: number }>; skipped: Array<{ reason: SkipReason | 'other'; count: number }> }
}

/** Issue 14: the reports' running totals recounted from the records (once after an upgrade; admin). */
export interface TotalsRebuilt { referrers: number; cards: number; at: string }

export interface DashboardApi {
  dashboard: { in: DashboardRequest; out: Dashboard }
  rebuildTotals: { in: Record<string, never>; out: TotalsRebuilt }
}
