/**
 * Issue 14, policy simulator (no peer has one): the period's real bills replayed under a proposed
 * policy, beside what happened. The bill engine (S2: M2 → R2 → F4 → R5) and the reward rule (R3)
 * are the product's own functions, so a simulated figure is what the product would have done.
 *
 * What the replay keeps from history: who paid, for which items, when, with which basis for the
 * member discount (M2/M3/M5), which coupon, card and bonus they brought, and the bonus they chose to
 * use. What it recomputes: every discount and value under the proposed numbers — the coupon's value,
 * the card's face value (cards issued in the period) and running balance, the rewards, shares and
 * payouts. Not modelled: behaviour the policy might change (who comes, what they buy), bonus
 * balances that different rewards would have left (the bonus used stays as chosen, within the rules),
 * and refunds (with their clawbacks), which are counted apart from the bills they return.
 */
import { computeBill, discountBasisOf, type BillHoldings } from '../bill/engine'
import type { Policy } from '../policy'
import { applyRate, type Fen } from '../money'
import { progressAfter, rewardForPayment, type ReferralProgress } from '../referral/rewards'
import type { History, HistoryBill, Outcome } from './history'

const ZERO: Outcome = {
  bills: 0, grossFen: 0, memberDiscountFen: 0, couponFen: 0, cardRedeemedFen: 0, bonusUsedFen: 0, paidFen: 0,
  referredRevenueFen: 0, rewardBonusFen: 0, shareFen: 0, payoutFen: 0, netFen: 0,
}

/** R2: the bill had the first-visit offer — a coupon, or the referrer's code named at the desk (no coupon document, the same offer). */
const firstVisitOffer = (b: HistoryBill): boolean =>
  Boolean(b.couponId) || b.result.lines.some((l) => l.adjustments.some((a) => a.kind === 'first_visit_coupon') || l.skipped.some((x) => x.kind === 'first_visit_coupon'))

const inPeriod = (h: History, at: string) => at >= h.from && at < h.to
const byTime = (a: HistoryBill, b: HistoryBill) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a._id < b._id ? -1 : 1)
const withNet = (o: Outcome): Outcome => ({ ...o, netFen: o.paidFen - o.payoutFen - o.rewardBonusFen - o.shareFen })

function addBill(o: Outcome, b: { subtotalFen: Fen; memberDiscountFen: Fen; couponFen: Fen; friendCardFen: Fen; bonusFen: Fen }, paidFen: Fen, referred: boolean): void {
  o.bills += 1
  o.grossFen += b.subtotalFen
  o.memberDiscountFen += b.memberDiscountFen
  o.couponFen += b.couponFen
  o.cardRedeemedFen += b.friendCardFen
  o.bonusUsedFen += b.bonusFen
  o.paidFen += paidFen
  if (referred) o.referredRevenueFen += paidFen
}

/** What happened: the bills as confirmed, the rewards as the ledger has them, the payouts as recorded. */
export function happened(h: History): Outcome {
  const o = { ...ZERO }
  for (const b of h.bills) if (inPeriod(h, b.at)) addBill(o, b.result.totals, b.paidFen, Boolean(b.referralId || b.friendCardId))
  for (const e of h.ledger) {
    if (!inPeriod(h, e.at)) continue
    if (e.kind === 'referral_reward') o.rewardBonusFen += e.amountFen
    else if (e.kind === 'referral_share') o.shareFen += e.amountFen
  }
  for (const p of h.payouts) if (inPeriod(h, p.createdAt)) o.payoutFen += p.amountFen
  return withNet(o)
}

/** The same period under `policy`: every bill recomputed in time order, cards and referrals carried along. */
export function replay(h: History, policy: Policy): Outcome {
  const o = { ...ZERO }
  const cards = new Map<string, Fen>()
  const referrals = new Map<string, ReferralProgress>()
  const bills = h.bills.filter((b) => inPeriod(h, b.at)).sort(byTime)
  for (const b of bills) {
    const holdings: BillHoldings = {}
    const basis = discountBasisOf(b.result)
    // M5 is a policy switch: with it off, naming a member gives no discount.
    if (basis && (basis !== 'named_member' || policy.membership.friendNamedMemberDiscount)) holdings.memberDiscount = basis
    if (firstVisitOffer(b)) holdings.coupon = { id: b.couponId ?? `named:${b._id}`, discountFen: policy.referral.firstVisitDiscountFen }
    if (b.friendCardId) {
      const start = h.cards[b.friendCardId]
      const balance = cards.get(b.friendCardId) ?? (!start || 'issuedInPeriod' in start ? policy.friendCard.faceValueFen : start.balanceFen)
      holdings.friendCard = { id: b.friendCardId, balanceFen: balance }
    }
    const bonusFen = b.result.totals.bonusFen
    if (bonusFen > 0) holdings.bonus = { balanceFen: bonusFen, useFen: bonusFen, fromFamilyOwner: b.bonusFromFamilyOwner }
    const t = computeBill(b.items, holdings, policy).totals
    if (holdings.friendCard) cards.set(b.friendCardId!, holdings.friendCard.balanceFen - t.friendCardFen)
    addBill(o, t, t.dueFen, Boolean(b.referralId || b.friendCardId))
    if (b.referralId) {
      const start = h.referrals[b.referralId]
      const r = referrals.get(b.referralId) ?? { sharedFen: start?.sharedFen ?? 0, fixedRewarded: start?.fixedRewarded ?? false, firstPaidAt: start?.firstPaidAt }
      if (start?.partner) {
        // R10: a partner earns a commission on each payment, paid out externally; no bonus account.
        if (t.dueFen > 0) o.payoutFen += applyRate(t.dueFen, policy.referral.partnerCommissionBp)
        referrals.set(b.referralId, progressAfter(r, t.dueFen, { bonusFen: 0, payoutFen: 0, shareFen: 0, first: !r.firstPaidAt }, b.at))
      } else {
        const reward = rewardForPayment(r, t.dueFen, new Date(b.at), policy)
        o.rewardBonusFen += reward.bonusFen
        o.payoutFen += reward.payoutFen
        o.shareFen += reward.shareFen
        referrals.set(b.referralId, progressAfter(r, t.dueFen, reward, b.at))
      }
    }
  }
  return withNet(o)
}

export interface Comparison { happened: Outcome; proposed: Outcome; difference: Outcome }

/** What happened, what the proposed policy would have given, and the difference (proposed − happened). */
export function simulate(h: History, proposed: Policy): Comparison {
  const a = happened(h)
  const b = replay(h, proposed)
  const difference = Object.fromEntries(Object.keys(a).map((k) => [k, b[k as keyof Outcome] - a[k as keyof Outcome]])) as unknown as Outcome
  return { happened: a, proposed: b, difference }
}
