/**
 * The friends stored-value card (亲友储值卡), F1–F7, as a pure state machine.
 *
 *   issued ──share──▶ shared ──claim──▶ claimed ──redeem──▶ (partly used) ──▶ used_up
 *      │                 │                 │ register (F5: no longer expires)
 *      └──── revoke / expire (past validity, unless registered) ─────▶ revoked / expired
 *
 * Every transition returns a new card with one more history record (actor and time), or throws a
 * typed error. Expiry is decided by `isExpired` at the moment of use, not only by the daily sweep.
 */
import { validUntil } from '../clock'
import { DomainError } from '../errors'
import type { Fen } from '../money'
import type { Policy } from '../policy'

export type FriendCardStatus = 'issued' | 'shared' | 'claimed' | 'used_up' | 'expired' | 'revoked'

export type CardEvent = 'issued' | 'shared' | 'claimed' | 'registered' | 'redeemed' | 'used_up' | 'expired' | 'revoked'

export interface CardHistory { at: string; actor: string; event: CardEvent; amountFen?: Fen; billId?: string; reason?: string }

export interface FriendCard {
  _id: string
  policyVersion: number
  /** F3: the member who gives it; the friend sees only `giverDisplayName` (C2). */
  giverPatientId: string
  giverDisplayName: string
  faceValueFen: Fen
  balanceFen: Fen
  issuedAt: string
  issuedBy: string
  /** F5: last valid instant (3 calendar months, end of day, clinic zone). */
  expiresAt: string
  /** Unguessable token carried by the share path; whoever holds it may claim once. */
  shareToken: string
  status: FriendCardStatus
  sharedAt?: string
  friendOpenid?: string
  claimedAt?: string
  /** F5: set when the friend registered at the clinic before expiry; the card then never expires. */
  registeredAt?: string
  friendPatientId?: string
  revokedAt?: string
  revokeReason?: string
  history: CardHistory[]
  /** F7 running total (issue 14): what the friend paid on bills since claiming, net of refunds (figures.ts). */
  friendSpendFen?: Fen
  /** Compare-and-set guard: every transition bumps it. */
  rev: number
}

/** A card that can still be claimed, registered or spent (and so can expire). */
export const LIVE: readonly FriendCardStatus[] = ['issued', 'shared', 'claimed']

export interface IssueInput { id: string; shareToken: string; giverPatientId: string; giverDisplayName: string; staffId: string; now: Date }

/** F1, F2: staff issue a card to a member; face value and validity from the policy in force. */
export function issueCard(i: IssueInput, policy: Policy): FriendCard {
  const at = i.now.toISOString()
  return {
    _id: i.id,
    policyVersion: policy.version,
    giverPatientId: i.giverPatientId,
    giverDisplayName: i.giverDisplayName,
    faceValueFen: policy.friendCard.faceValueFen,
    balanceFen: policy.friendCard.faceValueFen,
    issuedAt: at,
    issuedBy: i.staffId,
    expiresAt: validUntil(i.now, policy.friendCard.validMonths, policy.timezone).toISOString(),
    shareToken: i.shareToken,
    status: 'issued',
    history: [{ at, actor: i.staffId, event: 'issued', amountFen: policy.friendCard.faceValueFen }],
    rev: 1,
  }
}

/** F5: past its last valid instant and the friend never registered. */
export const isExpired = (c: FriendCard, now: Date): boolean =>
  !c.registeredAt && now.getTime() > Date.parse(c.expiresAt)

function step(c: FriendCard, patch: Partial<FriendCard>, ...h: CardHistory[]): FriendCard {
  return { ...c, ...patch, history: [...c.history, ...h], rev: c.rev + 1 }
}

/** Refuses anything on a card that is over: revoked, used up, or expired (checked now, F5). */
function assertLive(c: FriendCard, now: Date): void {
  if (c.status === 'revoked') throw new DomainError('CARD_REVOKED')
  if (c.status === 'used_up') throw new DomainError('CARD_USED_UP')
  if (c.status === 'expired' || isExpired(c, now)) throw new DomainError('CARD_EXPIRED', { expiresAt: c.expiresAt })
}

/** F3, C1: the member's own tap to send it; may be repeated until someone claims it. No reward. */
export function shareCard(c: FriendCard, giverPatientId: string, now: Date): FriendCard {
  if (c.giverPatientId !== giverPatientId) throw new DomainError('NOT_FOUND')
  assertLive(c, now)
  if (c.status === 'claimed') throw new DomainError('CARD_TAKEN')
  if (c.status === 'shared') return c
  const at = now.toISOString()
  return step(c, { status: 'shared', sharedAt: at }, { at, actor: giverPatientId, event: 'shared' })
}

export interface Claimer { openid: string; patientId?: string }

/** F3: the first friend to claim owns it; the giver cannot claim their own. */
export function claimCard(c: FriendCard, who: Claimer, now: Date): FriendCard {
  assertLive(c, now)
  if (who.patientId && who.patientId === c.giverPatientId) throw new DomainError('CARD_OWN')
  if (c.friendOpenid) throw new DomainError(c.friendOpenid === who.openid ? 'CARD_ALREADY_YOURS' : 'CARD_TAKEN')
  const at = now.toISOString()
  return step(c, { status: 'claimed', friendOpenid: who.openid, claimedAt: at, sharedAt: c.sharedAt ?? at, friendPatientId: who.patientId }, { at, actor: who.openid, event: 'claimed' })
}

/** F5: staff register the visiting friend before expiry; from then on the card does not expire. */
export function registerFriend(c: FriendCard, friendPatientId: string, staffId: string, now: Date): FriendCard {
  assertLive(c, now)
  if (c.status !== 'claimed') throw new DomainError('CARD_NOT_CLAIMED')
  if (c.registeredAt) return c
  const at = now.toISOString()
  return step(c, { registeredAt: at, friendPatientId }, { at, actor: staffId, event: 'registered' })
}

/** F4: pays part or all of the balance; no cash, no change. The bill engine decides the amount. */
export function redeemCard(c: FriendCard, amountFen: Fen, billId: string, staffId: string, now: Date): FriendCard {
  assertLive(c, now)
  if (c.status !== 'claimed') throw new DomainError('CARD_NOT_CLAIMED')
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new DomainError('VALIDATION', { amountFen })
  if (amountFen > c.balanceFen) throw new DomainError('INSUFFICIENT_BALANCE', { balanceFen: c.balanceFen, amountFen })
  const at = now.toISOString()
  const balanceFen = c.balanceFen - amountFen
  const h: CardHistory = { at, actor: staffId, event: 'redeemed', amountFen, billId }
  return balanceFen === 0
    ? step(c, { balanceFen, status: 'used_up' }, h, { at, actor: staffId, event: 'used_up' })
    : step(c, { balanceFen }, h)
}

/** N1/F5 sweep: a live, unregistered card past validity becomes expired. */
export function expireCard(c: FriendCard, now: Date): FriendCard | null {
  if (!LIVE.includes(c.status) || !isExpired(c, now)) return null
  const at = now.toISOString()
  // The unused value is forfeited: the balance goes to zero and the history says how much it was.
  return step(c, { status: 'expired', balanceFen: 0 }, { at, actor: 'system', event: 'expired', amountFen: c.balanceFen })
}

/** Staff revoke with a reason (mistaken issue, abuse). */
export function revokeCard(c: FriendCard, staffId: string, reason: string, now: Date): FriendCard {
  if (!LIVE.includes(c.status)) throw new DomainError(c.status === 'revoked' ? 'CARD_REVOKED' : 'CARD_NOT_LIVE')
  if (!reason.trim()) throw new DomainError('VALIDATION', { field: 'reason' })
  const at = now.toISOString()
  return step(c, { status: 'revoked', revokedAt: at, revokeReason: reason.trim(), balanceFen: 0 }, { at, actor: staffId, event: 'revoked', reason: reason.trim(), amountFen: c.balanceFen })
}

/** What a person sees as the state: "partly used" is a claimed card with some balance spent. */
export function displayState(c: FriendCard, now: Date): FriendCardStatus | 'partly_used' {
  if (LIVE.includes(c.status) && isExpired(c, now)) return 'expired'
  if (c.status === 'claimed' && c.balanceFen < c.faceValueFen) return 'partly_used'
  return c.status
}
