/**
 * F7 running totals (issue 14 item 6): every card write goes through `saveCardsInTx`, which moves
 * the programme's totals by what the write changed (src/domain/friendcard/figures.ts) inside the
 * same transaction. The totals live in a few shard documents chosen by card id, so two desks
 * writing different cards seldom touch the same document (CloudBase retries a conflict, but every
 * retry is a wait at the desk). The summary adds the shards up.
 *
 * A friend's later spend (F7) is kept on the card: the claim and the registration note the card
 * under the friend's patient id (`cardFriends`), and the bill and refund transactions read that
 * note by id — no query inside a transaction, as CloudBase requires.
 */
import { addFigures, figuresMoved, isNoChange, NO_FIGURES, withFriendSpend, type CardFigures } from '../../../src/domain/friendcard/figures'
import type { FriendCard } from '../../../src/domain/friendcard/card'
import type { Fen } from '../../../src/domain/money'
import type { TxContext } from '../ports/store'
import { C } from '../model'

export const CARD_TOTAL_SHARDS = 8
export const SHARD_IDS = Array.from({ length: CARD_TOTAL_SHARDS }, (_, i) => `shard${i}`)

export interface CardTotalsDoc extends CardFigures { _id: string; updatedAt: string }
export interface CardFriendsDoc { _id: string; cards: Array<{ cardId: string; claimedAt: string }> }

/** A stable shard for a card id (FNV-1a): the same card always moves the same shard. */
export function shardOf(cardId: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < cardId.length; i++) h = Math.imul(h ^ cardId.charCodeAt(i), 0x01000193) >>> 0
  return SHARD_IDS[h % CARD_TOTAL_SHARDS]
}

export interface CardWrite { before: FriendCard | null; after: FriendCard }

/**
 * Inside a transaction: writes each card once (creating it when `before` is null) and moves the
 * totals by the difference, one read and one write per shard touched.
 */
export async function saveCardsInTx(tx: TxContext, writes: CardWrite[], at: string): Promise<void> {
  const moved = new Map<string, CardFigures>()
  for (const { before, after } of writes) {
    if (before === after) continue
    if (before) await tx.set(C.friendCards, after)
    else await tx.create(C.friendCards, after)
    const shard = shardOf(after._id)
    moved.set(shard, addFigures(moved.get(shard) ?? NO_FIGURES, figuresMoved(before, after)))
  }
  for (const [shard, delta] of moved) {
    if (isNoChange(delta)) continue
    const cur = await tx.get<CardTotalsDoc>(C.cardTotals, shard)
    await tx.set<CardTotalsDoc>(C.cardTotals, { ...addFigures(cur ?? NO_FIGURES, delta), _id: shard, updatedAt: at })
  }
}

/** Claim (with a patient) or registration: note the card under its friend, once. */
export async function noteFriendInTx(tx: TxContext, card: FriendCard): Promise<void> {
  if (!card.friendPatientId || !card.claimedAt) return
  const cur = await tx.get<CardFriendsDoc>(C.cardFriends, card.friendPatientId)
  if (cur?.cards.some((c) => c.cardId === card._id)) return
  await tx.set<CardFriendsDoc>(C.cardFriends, { _id: card.friendPatientId, cards: [...(cur?.cards ?? []), { cardId: card._id, claimedAt: card.claimedAt }] })
}

/**
 * F7, inside the bill's (or refund's) transaction: the cards `patientId` claimed before `billAt`
 * count `deltaFen` (negative for a refund). `pending` are card writes this transaction makes anyway
 * (the card the bill redeems): they are merged so each card is written once. Returns every write.
 */
export async function friendSpendInTx(tx: TxContext, patientId: string, billAt: string, deltaFen: Fen, pending: CardWrite[] = []): Promise<CardWrite[]> {
  const writes = [...pending]
  if (!deltaFen) return writes
  const note = await tx.get<CardFriendsDoc>(C.cardFriends, patientId)
  for (const { cardId, claimedAt } of note?.cards ?? []) {
    if (billAt < claimedAt) continue
    const i = writes.findIndex((w) => w.after._id === cardId)
    const card = i >= 0 ? writes[i].after : await tx.get<FriendCard>(C.friendCards, cardId)
    // Linked to someone else since (a registration under another record): not this patient's card.
    if (!card || card.friendPatientId !== patientId) continue
    const next = withFriendSpend(card, billAt, deltaFen)
    if (i >= 0) writes[i] = { before: writes[i].before, after: next }
    else writes.push({ before: card, after: next })
  }
  return writes
}
