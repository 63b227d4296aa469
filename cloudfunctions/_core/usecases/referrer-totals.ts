/**
 * R8 running totals (issue 14): one document per patient referrer — valid (locked) referrals and the
 * revenue their friends paid while referred — kept inside the same transaction that changes a
 * referral (the friend's payment, a refund). The leaderboard reads the top of an index instead of
 * every locked referral ever made. A referral counts while it is `locked`; its revenue is the
 * referral's own `revenueFen`, so the totals are the sum over the referrer's locked referrals.
 */
import type { Store, TxContext } from '../ports/store'
import { C, type ReferralDoc } from '../model'
import { rangePages } from './range-pages'

export interface ReferrerTotalsDoc {
  /** The referrer's patient id. */
  _id: string
  validReferrals: number
  referredRevenueFen: number
  updatedAt: string
}

const counted = (r: ReferralDoc | null | undefined) =>
  r && r.status === 'locked' && r.referrerPatientId ? { id: r.referrerPatientId, n: 1, fen: r.revenueFen } : null

/** Inside the transaction that writes `after` over `before`: moves the referrer's totals by the difference. */
export async function moveReferrerTotalsInTx(tx: TxContext, before: ReferralDoc | null | undefined, after: ReferralDoc, at: string): Promise<void> {
  const deltas = new Map<string, { n: number; fen: number }>()
  const add = (c: ReturnType<typeof counted>, sign: 1 | -1) => {
    if (!c) return
    const d = deltas.get(c.id) ?? { n: 0, fen: 0 }
    deltas.set(c.id, { n: d.n + sign * c.n, fen: d.fen + sign * c.fen })
  }
  add(counted(before), -1)
  add(counted(after), 1)
  for (const [id, d] of deltas) {
    if (!d.n && !d.fen) continue
    const cur = await tx.get<ReferrerTotalsDoc>(C.referrerTotals, id)
    await tx.set<ReferrerTotalsDoc>(C.referrerTotals, {
      _id: id, validReferrals: (cur?.validReferrals ?? 0) + d.n, referredRevenueFen: (cur?.referredRevenueFen ?? 0) + d.fen, updatedAt: at,
    })
  }
}

/**
 * Recomputes every referrer's totals from the referrals: the demo chain, and once on a chain whose
 * referrals were locked before the totals existed (no deployment step runs it yet).
 */
export async function rebuildReferrerTotals(store: Store, at: string): Promise<number> {
  const sums = new Map<string, { n: number; fen: number }>()
  for await (const page of rangePages<ReferralDoc>(store, C.referrals, { where: { status: 'locked' }, key: 'lockedAt', dir: 'asc' })) {
    for (const r of page) {
      const c = counted(r)
      if (!c) continue
      const s = sums.get(c.id) ?? { n: 0, fen: 0 }
      sums.set(c.id, { n: s.n + 1, fen: s.fen + c.fen })
    }
  }
  for (const [id, s] of sums) await store.set<ReferrerTotalsDoc>(C.referrerTotals, { _id: id, validReferrals: s.n, referredRevenueFen: s.fen, updatedAt: at })
  return sums.size
}
