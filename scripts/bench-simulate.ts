/**
 * Issue 14, policy simulator: the pure replay (src/domain/simulate) over a period with 1,000,000
 * ledger entries and the bills behind them (goal: ≤ 10 s here). The history is generated the way the
 * product writes it: bills computed by the bill engine under the default policy — members with the
 * discount, referred friends with a coupon, friend cards, bonus spent — and their ledger entries.
 */
import { computeBill, type BillHoldings, type BillItem } from '../src/domain/bill/engine'
import type { LedgerEntry } from '../src/domain/ledger'
import { DEFAULT_POLICY, type Policy } from '../src/domain/policy'
import type { History } from '../src/domain/simulate/history'
import { simulate } from '../src/domain/simulate/simulate'

const ENTRIES = 1_000_000
const ITEMS: BillItem[][] = [
  [{ name: '补牙', category: 'treatment', amountFen: 80_000 }],
  [{ name: '根管', category: 'treatment', amountFen: 200_000 }, { name: '牙线', category: 'oral_care_product', amountFen: 8_000 }],
  [{ name: '特价洁牙', category: 'special_price', amountFen: 19_900 }, { name: '洁牙', category: 'treatment', amountFen: 30_000 }],
]

/** A month of history with `entries` ledger entries (≈ 3 per bill). */
export function syntheticHistory(entries: number): History {
  const h: History = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', bills: [], ledger: [], payouts: [], cards: {}, referrals: {} }
  const start = Date.parse(h.from)
  const span = Date.parse(h.to) - start
  const push = (kind: LedgerEntry['kind'], amountFen: number, at: string) => h.ledger.push({ kind, amountFen, at })
  for (let i = 0; h.ledger.length < entries; i++) {
    const at = new Date(start + Math.floor((i * 7919) % span)).toISOString()
    const items = ITEMS[i % ITEMS.length]
    const holdings: BillHoldings = {}
    const extra: { friendCardId?: string; couponId?: string; referralId?: string } = {}
    if (i % 2 === 0) holdings.memberDiscount = 'member'
    if (i % 7 === 0) { extra.couponId = `c${i}`; extra.referralId = `r${i % 5000}`; holdings.coupon = { id: extra.couponId, discountFen: 30_000 } }
    if (i % 11 === 0) { extra.friendCardId = `fc${i % 20000}`; holdings.friendCard = { id: extra.friendCardId, balanceFen: 60_000 }; h.cards[extra.friendCardId] = { issuedInPeriod: true } }
    if (i % 13 === 0) holdings.bonus = { balanceFen: 5_000, useFen: 5_000 }
    if (extra.referralId) h.referrals[extra.referralId] ??= { sharedFen: 0, fixedRewarded: false }
    const result = computeBill(items, holdings, DEFAULT_POLICY)
    h.bills.push({ _id: `b${i}`, at, patientId: `p${i % 50000}`, items, result, paidFen: result.totals.dueFen, ...extra })
    push('bill_payment', result.totals.dueFen, at)
    push('bill_payment', 0, at) // the spend account's projection entry stands in for the second posting a bill makes
    if (result.totals.friendCardFen) push('card_redeem', -result.totals.friendCardFen, at)
    if (result.totals.bonusFen) push('bonus_debit', -result.totals.bonusFen, at)
    if (extra.referralId) push('referral_share', 1_000, at)
    push('bonus_credit', 0, at)
  }
  return h
}

export function benchSimulate(): void {
  const t0 = process.hrtime.bigint()
  const h = syntheticHistory(ENTRIES)
  const built = Number(process.hrtime.bigint() - t0) / 1e6
  const proposed: Policy = structuredClone(DEFAULT_POLICY)
  proposed.membership.discountBp = 1000
  const t1 = process.hrtime.bigint()
  const c = simulate(h, proposed)
  const ms = Number(process.hrtime.bigint() - t1) / 1e6
  console.log(`\npolicy simulator (issue 14): ${h.ledger.length.toLocaleString('en')} ledger entries, ${h.bills.length.toLocaleString('en')} bills (history generated in ${(built / 1000).toFixed(1)} s)`)
  console.log(`  simulate (happened + replay under a 10% discount)  ${(ms / 1000).toFixed(2)} s  (goal ≤ 10 s)   member discount ${c.difference.memberDiscountFen < 0 ? '−' : '+'}¥${Math.abs(c.difference.memberDiscountFen / 100).toLocaleString('en')}`)
}

if (require.main === module) benchSimulate()
