/**
 * The quote (issue 13 item 7; S2, S3): what the desk was shown at preview, reduced to one id. The
 * confirmation names it; if what confirm would charge is no longer what was quoted (a price, a
 * balance or the policy changed meanwhile), the bill is refused (QUOTE_CHANGED) rather than charged.
 *
 * Pure and dependency-free (runs in the domain, on the server and in tests): a canonical JSON of
 * what matters to the patient's money, hashed with two independent 32-bit FNV-1a passes. It is a
 * change detector, not a secret: nothing is trusted because of it.
 */
import type { BillResult } from './engine'

/** Who pays and which holdings the bill draws on (ids, not tickets: a re-scan is the same quote). */
export interface QuoteParties {
  payerId: string
  cardId: string | null
  couponId: string | null
  /** R2: the first-visit discount applies (coupon or a named referrer). */
  firstVisit: boolean
  namedMemberId: string | null
  /** M4: bonus drawn from the family owner's balance rather than the payer's own. */
  fromOwnerBalance: boolean
}

/** A preview as the desk receives it: the bill and the id its confirmation must name. */
export type QuotedBill = BillResult & { quoteId: string }

/** Everything that decides the money: payer, holdings, each line as priced and adjusted, policy, totals. */
function canonical(parties: QuoteParties, r: BillResult): string {
  return JSON.stringify([
    1, // layout of this array; bump if it changes
    parties.payerId, parties.cardId, parties.couponId, parties.firstVisit, parties.namedMemberId, parties.fromOwnerBalance,
    r.policyVersion,
    r.lines.map((l) => [l.name, l.category, l.amountFen, l.dueFen, l.adjustments.map((a) => [a.kind, a.amountFen])]),
    [r.totals.subtotalFen, r.totals.memberDiscountFen, r.totals.couponFen, r.totals.friendCardFen, r.totals.bonusFen, r.totals.dueFen],
  ])
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** The quote's id: the same bill for the same payer and holdings gives the same id, any change another. */
export function quoteIdOf(parties: QuoteParties, r: BillResult): string {
  const text = canonical(parties, r)
  return `q1_${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`
}

/** The preview answer: the bill with its quote id. */
export const quoted = (parties: QuoteParties, r: BillResult): QuotedBill => ({ ...r, quoteId: quoteIdOf(parties, r) })
