/**
 * F7 running totals from scratch (issue 14): for the demo chain, a chain whose cards predate the
 * totals, or a check that the kept totals have not drifted (`team.rebuildTotals`, an admin's call:
 * docs/deploy.md, "After an upgrade").
 * Reads every card and its friend's bills once; writes each card's friend spend, the friends'
 * notes and the shards. Run it when the desks are quiet: a bill landing meanwhile may be counted
 * twice or not at all until the next rebuild.
 */
import { addFigures, figuresOf, NO_FIGURES, type CardFigures } from '../../../src/domain/friendcard/figures'
import type { FriendCard } from '../../../src/domain/friendcard/card'
import { C, type BillDoc } from '../model'
import type { Store } from '../ports/store'
import { rangePages } from './range-pages'
import { SHARD_IDS, shardOf, type CardFriendsDoc, type CardTotalsDoc } from './friendcard-totals'
import { rebuildReferrerTotals } from './referrer-totals'
import type { TotalsRebuilt } from '../../../src/api/contract'
import type { Deps } from '../deps'

interface Claim { cardId: string; patientId: string; claimedAt: string }

/**
 * F7: what each friend paid (net of refunds) on bills since they claimed their card. One query for
 * up to 100 friends' bills, paged on the patient (index patientId+at).
 */
export async function friendSpends(store: Store, claims: Claim[]): Promise<Map<string, number>> {
  const spend = new Map<string, number>()
  for (let i = 0; i < claims.length; i += 100) {
    const chunk = claims.slice(i, i + 100)
    const since = chunk.reduce((m, c) => (c.claimedAt < m ? c.claimedAt : m), chunk[0].claimedAt)
    const ids = [...new Set(chunk.map((c) => c.patientId))]
    const bills = new Map<string, BillDoc[]>()
    for await (const page of rangePages<BillDoc>(store, C.bills, { where: { patientId: { $in: ids }, at: { $gte: since } }, key: 'patientId', dir: 'asc' })) {
      for (const b of page) bills.set(b.patientId, [...(bills.get(b.patientId) ?? []), b])
    }
    for (const c of chunk) {
      const mine = (bills.get(c.patientId) ?? []).filter((b) => b.at >= c.claimedAt)
      spend.set(c.cardId, mine.reduce((s, b) => s + Math.max(0, b.paidFen - (b.refundedFen ?? 0)), 0))
    }
  }
  return spend
}

/** Recomputes every card's friend spend, the friends' notes and the totals; answers how many cards. */
export async function rebuildCardTotals(store: Store, at: string): Promise<number> {
  const cards: FriendCard[] = []
  for await (const page of rangePages<FriendCard>(store, C.friendCards, { where: {}, key: 'issuedAt', dir: 'asc' })) cards.push(...page)
  const claims = cards.flatMap((c) => (c.friendPatientId && c.claimedAt ? [{ cardId: c._id, patientId: c.friendPatientId, claimedAt: c.claimedAt }] : []))
  const spend = await friendSpends(store, claims)
  const shards = new Map<string, CardFigures>(SHARD_IDS.map((id) => [id, NO_FIGURES]))
  const notes = new Map<string, CardFriendsDoc>()
  for (const c of cards) {
    const friendSpendFen = spend.get(c._id) ?? 0
    const card = (c.friendSpendFen ?? 0) === friendSpendFen ? c : { ...c, friendSpendFen }
    if (card !== c) await store.set(C.friendCards, card)
    shards.set(shardOf(c._id), addFigures(shards.get(shardOf(c._id))!, figuresOf(card)))
    if (c.friendPatientId && c.claimedAt) {
      const note = notes.get(c.friendPatientId) ?? { _id: c.friendPatientId, cards: [] }
      note.cards.push({ cardId: c._id, claimedAt: c.claimedAt })
      notes.set(c.friendPatientId, note)
    }
  }
  for (const note of notes.values()) await store.set(C.cardFriends, note)
  for (const [id, f] of shards) await store.set<CardTotalsDoc>(C.cardTotals, { ...f, _id: id, updatedAt: at })
  return cards.length
}

/** Both reports' running totals (R8 referrers, F7 cards) recounted from the records. */
export async function rebuildTotals(deps: Deps): Promise<TotalsRebuilt> {
  const at = deps.clock.now().toISOString()
  const referrers = await rebuildReferrerTotals(deps.store, at)
  return { referrers, cards: await rebuildCardTotals(deps.store, at), at }
}
