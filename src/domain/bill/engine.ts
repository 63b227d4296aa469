/**
 * The bill engine (S2): a pure function from items and what the patient holds to what is applied
 * to which item, and why. Order is fixed by S2: member discount (M2) → first-visit coupon (R2) →
 * friend card (F4) → bonus balance (R5). Each step sees the amounts left by the steps before it.
 *
 * Rounding (tested in engine.test.ts): the member discount is computed per line, half up to the
 * fen (money.applyRate). Pooled values (coupon, card, bonus) are spread over eligible lines in bill
 * order, whole fen, so line totals always add up exactly to the bill totals.
 */
import { applyRate, sumFen, type Fen } from '../money'
import { isEligible, type Category, type Policy } from '../policy'

export interface BillItem { name: string; category: Category; amountFen: Fen }

export type AdjustmentKind = 'member_discount' | 'first_visit_coupon' | 'friend_card' | 'bonus'
export interface Reason { zh: string; en: string }
export interface Adjustment { kind: AdjustmentKind; amountFen: Fen; reason: Reason }
export interface Skip { kind: AdjustmentKind; reason: Reason }

export interface BillLine extends BillItem {
  index: number
  adjustments: Adjustment[]
  skipped: Skip[]
  dueFen: Fen
}

export type DiscountBasis = 'member' | 'family' | 'named_member'

export interface BillHoldings {
  /** M2/M3/M5: why this patient gets the member discount, if they do. */
  memberDiscount?: DiscountBasis
  /** R2: an unused first-visit coupon. */
  coupon?: { id: string; discountFen: Fen }
  /** F4: a claimed friend card and at most how much of it to use (default: all it can). */
  friendCard?: { id: string; balanceFen: Fen; useAtMostFen?: Fen }
  /** R5: bonus balance and how much of it the patient chose to use; M4: or the family owner's. */
  bonus?: { balanceFen: Fen; useFen: Fen; fromFamilyOwner?: boolean }
}

export interface BillTotals {
  subtotalFen: Fen
  memberDiscountFen: Fen
  couponFen: Fen
  friendCardFen: Fen
  bonusFen: Fen
  /** What the patient pays in money (M6: only this counts towards cumulative spend). */
  dueFen: Fen
}

export interface BillResult { policyVersion: number; lines: BillLine[]; totals: BillTotals; notes: Reason[] }

const BASIS: Record<DiscountBasis, Reason> = {
  member: { zh: '会员88折', en: 'Member discount' },
  family: { zh: '家庭成员享会员折扣', en: 'Family member discount' },
  named_member: { zh: '报会员名享会员折扣', en: 'Discount for naming a member' },
}

const NOT_ELIGIBLE: Record<AdjustmentKind, Reason> = {
  member_discount: { zh: '该类项目不参与会员折扣', en: 'No member discount on this category' },
  first_visit_coupon: { zh: '首诊券不可用于该类项目', en: 'First-visit coupon not valid for this category' },
  friend_card: { zh: '亲友卡不可用于特价项目和口腔护理产品', en: 'Friend card not valid for special-price items or oral-care products' },
  bonus: { zh: '奖励金不可用于该类项目', en: 'Bonus balance not valid for this category' },
}

const REASON: Record<Exclude<AdjustmentKind, 'member_discount'>, Reason> = {
  first_visit_coupon: { zh: '首诊优惠券', en: 'First-visit coupon' },
  friend_card: { zh: '亲友储值卡', en: 'Friends stored-value card' },
  bonus: { zh: '奖励金抵扣', en: 'Bonus balance' },
}

function excludedFor(kind: AdjustmentKind, policy: Policy): readonly Category[] {
  switch (kind) {
    case 'member_discount': return policy.membership.discountExcluded
    case 'first_visit_coupon': return policy.referral.couponExcluded
    case 'friend_card': return policy.friendCard.excluded
    case 'bonus': return policy.bonus.excluded
  }
}

/** Spread `pool` over eligible lines in order; returns what was used. */
function spread(lines: BillLine[], kind: Exclude<AdjustmentKind, 'member_discount'>, pool: Fen, policy: Policy, reason = REASON[kind]): Fen {
  let left = pool
  for (const line of lines) {
    if (!isEligible(line.category, excludedFor(kind, policy))) {
      line.skipped.push({ kind, reason: NOT_ELIGIBLE[kind] })
      continue
    }
    const take = Math.min(left, line.dueFen)
    if (take > 0) {
      line.adjustments.push({ kind, amountFen: take, reason })
      line.dueFen -= take
      left -= take
    }
  }
  return pool - left
}

export function computeBill(items: readonly BillItem[], holdings: BillHoldings, policy: Policy): BillResult {
  // Named fields, not a spread: copying the item by spread was most of the engine's time (the simulator replays 300,000 bills).
  const lines: BillLine[] = items.map((it, index) => ({ name: it.name, category: it.category, amountFen: it.amountFen, index, adjustments: [], skipped: [], dueFen: it.amountFen }))
  const notes: Reason[] = []

  // 1. Member discount (M2): per line, never on excluded categories (special price, fees).
  if (holdings.memberDiscount) {
    for (const line of lines) {
      if (!isEligible(line.category, policy.membership.discountExcluded)) {
        line.skipped.push({ kind: 'member_discount', reason: NOT_ELIGIBLE.member_discount })
        continue
      }
      const off = applyRate(line.dueFen, policy.membership.discountBp)
      if (off > 0) {
        line.adjustments.push({ kind: 'member_discount', amountFen: off, reason: BASIS[holdings.memberDiscount] })
        line.dueFen -= off
      }
    }
  }

  // 2. First-visit coupon (R2): a fixed amount off eligible lines; an unused rest is not refunded.
  const couponFen = holdings.coupon ? spread(lines, 'first_visit_coupon', holdings.coupon.discountFen, policy) : 0
  if (holdings.coupon && couponFen < holdings.coupon.discountFen) {
    notes.push({ zh: '首诊券超出可抵金额的部分不找零', en: 'The part of the coupon above eligible items is not paid out' })
  }

  // 3. Friend card (F4): eligible lines only, partial use keeps the rest on the card, no change.
  const card = holdings.friendCard
  const cardPool = card ? Math.min(card.balanceFen, card.useAtMostFen ?? card.balanceFen) : 0
  const friendCardFen = card ? spread(lines, 'friend_card', cardPool, policy) : 0

  // 4. Bonus balance (R5): only what the patient chose to use, never more than they hold.
  const bonusPool = holdings.bonus ? Math.min(holdings.bonus.balanceFen, holdings.bonus.useFen) : 0
  const bonusReason = holdings.bonus?.fromFamilyOwner ? { zh: '家庭主账户余额', en: "Family owner's balance" } : REASON.bonus
  const bonusFen = holdings.bonus ? spread(lines, 'bonus', bonusPool, policy, bonusReason) : 0

  const memberDiscountFen = sumFen(lines.flatMap((l) => l.adjustments.filter((a) => a.kind === 'member_discount').map((a) => a.amountFen)))
  const totals: BillTotals = {
    subtotalFen: sumFen(items.map((i) => i.amountFen)),
    memberDiscountFen,
    couponFen,
    friendCardFen,
    bonusFen,
    dueFen: sumFen(lines.map((l) => l.dueFen)),
  }
  return { policyVersion: policy.version, lines, totals, notes }
}

/**
 * Issue 14 (simulator): the discount basis a bill was computed with, read back from its result (the
 * member-discount lines name it). Undefined when no line got the discount — also when a basis existed
 * but every line was of an excluded category, which a stored bill cannot tell apart.
 */
export function discountBasisOf(result: Pick<BillResult, 'lines'>): DiscountBasis | undefined {
  for (const line of result.lines) {
    const a = line.adjustments.find((x) => x.kind === 'member_discount')
    if (a) return (Object.keys(BASIS) as DiscountBasis[]).find((b) => BASIS[b].zh === a.reason.zh)
  }
  return undefined
}
