/**
 * The one place ledger entries are made (issue 13). A journal collects the entries of one
 * money-moving action and refuses, before anything is written, an entry that breaks the ledger's
 * rules: an amount that is not whole fen or has the wrong sign for its kind, a balance taken below
 * zero where the rules forbid it (R5, F4), a key used twice, or two entries on one account that do
 * not follow each other. Keys come from `ledgerKey` only, so a retried action meets its own entries
 * (S3 idempotency).
 */
import { DomainError } from './errors'
import { accountId, type AccountKind, type EntryKind, type LedgerEntry } from './ledger'
import type { Fen } from './money'

interface KindRule { account: AccountKind; sign: 1 | -1; mayOverdraw?: true }

/** How each kind moves its account. */
export const ENTRY_KINDS: Record<EntryKind, KindRule> = {
  bill_payment: { account: 'spend', sign: 1 }, // M6: money paid counts to spend
  bill_refund: { account: 'spend', sign: -1 },
  bonus_credit: { account: 'bonus', sign: 1 },
  bonus_debit: { account: 'bonus', sign: -1 }, // R5: no overdraft
  referral_reward: { account: 'bonus', sign: 1 }, // R3
  referral_share: { account: 'bonus', sign: 1 },
  // R3: a clawback may take the balance below zero — the referrer may have spent it already.
  referral_clawback: { account: 'bonus', sign: -1, mayOverdraw: true },
  card_issue: { account: 'friend_card', sign: 1 }, // F2
  card_redeem: { account: 'friend_card', sign: -1 }, // F4
  card_expire: { account: 'friend_card', sign: -1 }, // F5, and a revoked card's balance
}

/** What part of its source an entry is; with the source's id it is the entry's idempotency key. */
export type EntryPart = 'payment' | 'bonus' | 'card' | 'spend' | 'issue' | 'revoke' | 'expire' | 'ref-bonus' | 'ref-share' | 'ref-clawback'

export const ledgerKey = (sourceId: string, part: EntryPart): string => `${sourceId}:${part}`

/** The action the entries belong to: a bill, a refund, a card. */
export interface JournalSource { id: string; at: string; actor: string; billId?: string; referralId?: string }

export interface Posting {
  kind: EntryKind
  part: EntryPart
  /** Whose account: a patient for spend and bonus, the card for a friend card. */
  ownerId: string
  /** The patient the entry concerns (the card's giver for card entries). */
  patientId: string
  amountFen: Fen
  /** The account's balance before this entry. */
  balanceBeforeFen: Fen
  memo?: string
}

export class Journal {
  private readonly made: LedgerEntry[] = []
  private readonly last = new Map<string, Fen>()

  constructor(private readonly source: JournalSource) {}

  /** Adds one entry and answers it; throws when it breaks a rule (nothing is written then). */
  post(p: Posting): LedgerEntry {
    const rule = ENTRY_KINDS[p.kind]
    const account = accountId(p.ownerId, rule.account)
    const key = ledgerKey(this.source.id, p.part)
    if (!Number.isSafeInteger(p.amountFen) || p.amountFen === 0 || Math.sign(p.amountFen) !== rule.sign) {
      throw new Error(`journal: ${p.kind} of ${p.amountFen} fen on ${account}`)
    }
    if (!Number.isSafeInteger(p.balanceBeforeFen)) throw new Error(`journal: balance ${p.balanceBeforeFen} on ${account}`)
    if (this.made.some((e) => e._id === key)) throw new Error(`journal: key ${key} used twice`)
    const prev = this.last.get(account)
    if (prev !== undefined && prev !== p.balanceBeforeFen) throw new Error(`journal: ${account} continues from ${prev}, not ${p.balanceBeforeFen}`)
    const balanceAfterFen = p.balanceBeforeFen + p.amountFen
    if (balanceAfterFen < 0 && !rule.mayOverdraw) throw new DomainError('INSUFFICIENT_BALANCE', { accountKind: rule.account })
    const { billId, referralId, at, actor } = this.source
    const entry: LedgerEntry = {
      _id: key, accountId: account, kind: p.kind, amountFen: p.amountFen, balanceAfterFen, patientId: p.patientId,
      ...(billId ? { billId } : {}), ...(referralId ? { referralId } : {}), at, actor, ...(p.memo ? { memo: p.memo } : {}),
    }
    this.made.push(entry)
    this.last.set(account, balanceAfterFen)
    return entry
  }

  /** The entries to write, in the order they were posted. */
  entries(): readonly LedgerEntry[] {
    return this.made
  }

  /** An account's balance after this journal's entries (undefined when it has none). */
  balanceAfter(ownerId: string, kind: AccountKind): Fen | undefined {
    return this.last.get(accountId(ownerId, kind))
  }
}

export const journal = (source: JournalSource): Journal => new Journal(source)
