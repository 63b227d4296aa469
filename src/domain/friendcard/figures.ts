/**
 * F7 results as running totals (issue 14 item 6): what one card adds to the programme's figures,
 * from its stored state alone. Every transaction that writes a card moves the totals by
 * `figuresOf(after) − figuresOf(before)`, so the director's summary reads a few totals documents
 * instead of every card ever issued.
 *
 * Stored state, not the clock: a live card past its validity counts as expired only once the daily
 * sweep (N1) has written it so; the report adds the few the sweep has not reached yet (`displayState`).
 */
import type { Fen } from '../money'
import type { FriendCard } from './card'

export interface CardFigures {
  issued: number
  shared: number
  claimed: number
  registered: number
  /** Cards with any value spent on a bill (F4). */
  redeemed: number
  usedUp: number
  expired: number
  revoked: number
  /** F4: card value spent on bills. */
  redeemedFen: Fen
  /** F7: what friends paid on their own bills since they claimed (net of refunds). */
  friendsRevenueFen: Fen
}

export const FIGURE_KEYS = ['issued', 'shared', 'claimed', 'registered', 'redeemed', 'usedUp', 'expired', 'revoked', 'redeemedFen', 'friendsRevenueFen'] as const

export const NO_FIGURES: CardFigures = { issued: 0, shared: 0, claimed: 0, registered: 0, redeemed: 0, usedUp: 0, expired: 0, revoked: 0, redeemedFen: 0, friendsRevenueFen: 0 }

const one = (b: unknown) => (b ? 1 : 0)

export function figuresOf(c: FriendCard): CardFigures {
  const redeemedFen = c.history.reduce((s, h) => (h.event === 'redeemed' ? s + (h.amountFen ?? 0) : s), 0)
  return {
    issued: 1,
    shared: one(c.sharedAt),
    claimed: one(c.claimedAt),
    registered: one(c.registeredAt),
    redeemed: one(redeemedFen > 0),
    usedUp: one(c.status === 'used_up'),
    expired: one(c.status === 'expired'),
    revoked: one(c.status === 'revoked'),
    redeemedFen,
    friendsRevenueFen: c.friendSpendFen ?? 0,
  }
}

/** `a + sign × b`, field by field. */
export function addFigures(a: CardFigures, b: CardFigures, sign: 1 | -1 = 1): CardFigures {
  const out = { ...a }
  for (const k of FIGURE_KEYS) out[k] = a[k] + sign * b[k]
  return out
}

/** What writing `after` over `before` (null: a new card) changes in the totals. */
export const figuresMoved = (before: FriendCard | null, after: FriendCard): CardFigures =>
  addFigures(figuresOf(after), before ? figuresOf(before) : NO_FIGURES, -1)

export const isNoChange = (f: CardFigures) => FIGURE_KEYS.every((k) => f[k] === 0)

/**
 * F7: the friend's bill of `paidFen` (negative: a refund) counted on a card the friend claimed
 * before the bill; a bill before the claim is not the card's doing. Returns the card unchanged then.
 */
export function withFriendSpend(c: FriendCard, billAt: string, paidFen: Fen): FriendCard {
  if (!c.claimedAt || billAt < c.claimedAt || paidFen === 0) return c
  return { ...c, friendSpendFen: Math.max(0, (c.friendSpendFen ?? 0) + paidFen) }
}
