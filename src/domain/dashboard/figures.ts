/**
 * Issue 14 item 1, the director's dashboard: pure aggregation of what one period's documents say.
 * The use case (cloudfunctions/_core/usecases/dashboard.ts) reads the period by indexed ranges;
 * everything counted or divided here is tested beside it (figures.test.ts).
 */
import { dayjs } from '../clock'

/** One step of a funnel: how many reached it, and the share of the step before that did (whole %). */
export interface FunnelStep<K extends string = string> { key: K; count: number; conversionPct: number | null }

/** Step conversion: each step as a share of the one before; none for the first step or after a zero. */
export function funnel<K extends string>(steps: ReadonlyArray<{ key: K; count: number }>): Array<FunnelStep<K>> {
  return steps.map((s, i) => {
    const before = i === 0 ? 0 : steps[i - 1].count
    return { key: s.key, count: s.count, conversionPct: i === 0 || before === 0 ? null : Math.round((s.count / before) * 100) }
  })
}

/**
 * F7 return on the card programme: what the friends paid ÷ the card value they redeemed, two decimals.
 * Nothing redeemed has no ratio (null), not infinity and not zero.
 */
export function cardRoi(friendsPaidFen: number, redeemedFen: number): number | null {
  if (redeemedFen <= 0) return null
  return Math.round((friendsPaidFen / redeemedFen) * 100) / 100
}

/** What the referral funnel needs to know of one coupon taken in the period (R2, R3). */
export interface CouponFate { used: boolean; paid: boolean; rewarded: boolean }

export type ReferralStep = 'taken' | 'visited' | 'paid' | 'rewarded'

/** R2/R3: coupons taken → used on a first visit → the friend paid → the referrer was rewarded. */
export function referralFunnel(coupons: readonly CouponFate[]): Array<FunnelStep<ReferralStep>> {
  const visited = coupons.filter((c) => c.used)
  const paid = visited.filter((c) => c.paid)
  return funnel<ReferralStep>([
    { key: 'taken', count: coupons.length },
    { key: 'visited', count: visited.length },
    { key: 'paid', count: paid.length },
    { key: 'rewarded', count: paid.filter((c) => c.rewarded).length },
  ])
}

/** What the card funnel needs to know of one card issued in the period (F1–F7). */
export interface CardFate {
  shared: boolean; claimed: boolean; registered: boolean
  /** F7: card value spent on bills, and what the friend paid since claiming (money, not card value). */
  redeemedFen: number; friendPaidFen: number
}

export type CardStep = 'issued' | 'shared' | 'claimed' | 'registered' | 'redeemed' | 'spent'

export interface CardFigures { steps: Array<FunnelStep<CardStep>>; redeemedFen: number; friendsPaidFen: number; roi: number | null }

/** F7: issued → shared → claimed → registered → redeemed → the friend paid money later; and the ROI. */
export function cardFunnel(cards: readonly CardFate[]): CardFigures {
  const count = (p: (c: CardFate) => boolean) => cards.filter(p).length
  const redeemedFen = cards.reduce((s, c) => s + c.redeemedFen, 0)
  const friendsPaidFen = cards.reduce((s, c) => s + c.friendPaidFen, 0)
  return {
    steps: funnel<CardStep>([
      { key: 'issued', count: cards.length },
      { key: 'shared', count: count((c) => c.shared) },
      { key: 'claimed', count: count((c) => c.claimed) },
      { key: 'registered', count: count((c) => c.registered) },
      { key: 'redeemed', count: count((c) => c.redeemedFen > 0) },
      { key: 'spent', count: count((c) => c.redeemedFen > 0 && c.friendPaidFen > 0) },
    ]),
    redeemedFen, friendsPaidFen, roi: cardRoi(friendsPaidFen, redeemedFen),
  }
}

export interface WeekBucket { /** Monday of the week, in the clinic's zone. */ weekStart: string; bills: number; paidFen: number }

/** The Monday on or before a business day (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = dayjs(day, 'YYYY-MM-DD')
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD')
}

/**
 * Bills and money paid per week (Monday to Sunday in the clinic's zone), every week of the period
 * shown, empty ones too, so the columns keep their places. Bills outside the period are not counted.
 */
export function weeklyTrend(bills: ReadonlyArray<{ at: string; paidFen: number }>, fromDay: string, toDay: string, tz: string): WeekBucket[] {
  const weeks = new Map<string, WeekBucket>()
  for (let w = mondayOf(fromDay); w <= toDay; w = dayjs(w, 'YYYY-MM-DD').add(7, 'day').format('YYYY-MM-DD')) weeks.set(w, { weekStart: w, bills: 0, paidFen: 0 })
  for (const b of bills) {
    const day = dayjs(b.at).tz(tz).format('YYYY-MM-DD')
    if (day < fromDay || day > toDay) continue
    const week = weeks.get(mondayOf(day))!
    week.bills++
    week.paidFen += b.paidFen
  }
  return [...weeks.values()]
}

/** N3: messages of the period by status, and why the skipped ones were not sent. */
export function messageCounts<S extends string, R extends string>(messages: ReadonlyArray<{ status: S; reason?: R }>): { byStatus: Array<{ status: S; count: number }>; skipped: Array<{ reason: R | 'other'; count: number }> } {
  const tally = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>()
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1)
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  }
  return {
    byStatus: tally(messages.map((m) => m.status)).map(([status, count]) => ({ status, count })),
    skipped: tally(messages.filter((m) => m.status === 'skipped').map((m) => m.reason ?? ('other' as const))).map(([reason, count]) => ({ reason, count })),
  }
}
