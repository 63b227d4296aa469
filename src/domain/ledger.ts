/**
 * The ledger is append-only: an entry is never changed or deleted, a correction is a new entry.
 * Every entry's id is its idempotency key, so writing the same fact twice is refused by the store
 * (S3). Entries are made only by the journal (`journal.ts`). An account document keeps a running
 * balance as a projection, written in the same transaction as the entry; `deriveBalance` recomputes
 * it from the entries for audits and tests.
 */
import type { Fen } from './money'

export type AccountKind = 'bonus' | 'friend_card' | 'spend'

export type EntryKind =
  | 'bill_payment' // money paid at reception (counts to spend, M6)
  | 'bill_refund' // money returned (spend falls, M6)
  | 'bonus_credit' | 'bonus_debit' // R3/R5
  | 'referral_reward' | 'referral_share' | 'referral_clawback' // R3: fixed reward, 1% share, refund clawback
  | 'card_issue' | 'card_redeem' | 'card_expire' // F2/F4/F5

export interface LedgerEntry {
  /** The idempotency key, e.g. `bill:<billId>:payment`. */
  _id: string
  accountId: string
  kind: EntryKind
  /** Signed: credits positive, debits negative. */
  amountFen: Fen
  balanceAfterFen: Fen
  patientId: string
  billId?: string
  /** R3: the referral a reward or clawback belongs to. */
  referralId?: string
  at: string
  actor: string
  memo?: string
}

export interface Account { _id: string; ownerId: string; kind: AccountKind; balanceFen: Fen; updatedAt: string }

export const accountId = (ownerId: string, kind: AccountKind): string => `${kind}:${ownerId}`

export const deriveBalance = (entries: readonly Pick<LedgerEntry, 'amountFen'>[]): Fen =>
  entries.reduce((s, e) => s + e.amountFen, 0)
