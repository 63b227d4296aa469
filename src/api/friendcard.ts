/** The contract's friend stored-value card types (F1–F7); `contract.ts` re-exports them. */
import type { Category } from '../domain/policy'
import type { ChainSettings } from '../domain/chain-settings'

/** What a person sees: "partly used" is a claimed card with some of its value spent. */
export type CardState = 'issued' | 'shared' | 'claimed' | 'partly_used' | 'used_up' | 'expired' | 'revoked'

/** F4, C1: the full rules, shown before sharing and on the friend's landing page. */
export interface CardRules { faceValueFen: number; validMonths: number; excludedCategories: Category[]; lines: Array<{ zh: string; en: string }> }

export interface GivenCard {
  cardId: string
  state: CardState
  faceValueFen: number
  balanceFen: number
  issuedAt: string
  expiresAt: string
  /** The friend's WeChat display name once claimed; nothing about treatment (C2). */
  friendName?: string
  claimedAt?: string
  registered: boolean
}

export interface ReceivedCard {
  cardId: string
  state: CardState
  giverDisplayName: string
  faceValueFen: number
  balanceFen: number
  /** null once the friend has registered at the clinic (F5: no longer expires). */
  expiresAt: string | null
}

export interface MyCards { given: GivenCard[]; received: ReceivedCard[]; rules: CardRules }

/** F3: what the share carries. `path` is the mini-program page with the unguessable token. */
export interface CardShare { cardId: string; path: string; title: string; token: string }

export type CardAvailability = 'available' | 'taken' | 'yours' | 'own' | 'expired' | 'revoked' | 'used_up'

/** The friend's landing page: the giver's display name and the offer, nothing else (C2). */
export interface CardOffer {
  giverDisplayName: string
  faceValueFen: number
  balanceFen: number
  /** null once the friend has registered at the clinic (F5: no longer expires). */
  expiresAt: string | null
  rules: CardRules
  availability: CardAvailability
  cardId?: string
  /** Issue 14: the value in the chain's currency and the expiry in its zone, before any whoami. */
  chain: ChainSettings
}

/** S1: as MemberCode — the signed token and its 18-digit short code, same expiry (friend card and coupon codes). */
export interface CardCode { token: string; shortCode: string; expiresAt: string; ttlSeconds: number }

/** S1: what reception sees when it scans a friend card. */
export interface ScannedCard {
  cardId: string
  /** Lets this desk bill the card for 30 minutes (a screenshot of the friend's code cannot). */
  ticket: string
  state: CardState
  holderName: string
  giverDisplayName: string
  /** The holder's patient record, once registered (F5). */
  holderPatientId?: string
  registered: boolean
  balanceFen: number
  expiresAt: string | null
  excludedCategories: Category[]
}


export interface IssuedCard { cardId: string; giverName: string; faceValueFen: number; expiresAt: string }

/** F7: what the programme earns. */
export interface CardSummary {
  counts: Record<'issued' | 'shared' | 'claimed' | 'registered' | 'redeemed' | 'usedUp' | 'expired' | 'revoked', number>
  redeemedFen: number
  friendsRevenueFen: number
  /** Issue 14: a page of cards, newest first; `nextBefore` asks for the next page (absent on the last). */
  cards: Array<{ cardId: string; giverName: string; giverMaskedPhone?: string; friendName?: string; friendMaskedPhone?: string; state: CardState; balanceFen: number; friendSpendFen: number }>
  nextBefore?: string
}

export interface CardReminderView { key: string; kind: 'unshared' | 'unused' | 'expiry'; cardId: string; days: number; to: { patientId: string } | { openid: string } }

