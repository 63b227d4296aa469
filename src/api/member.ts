/** Issue 12, item 3: the member home's two accounts, each read on its own. */
import type { LedgerLine } from './contract'

/**
 * One account's lines, newest first (same-instant entries in the order their balances prove).
 * `openingFen` + Σ amounts = `balanceFen`: the opening is what came before the oldest line shown
 * (spend brought from before the system, M6, or older lines when `more`).
 */
export interface AccountHistory {
  lines: LedgerLine[]
  openingFen: number
  balanceFen: number
  /** Older lines exist beyond those shown. */
  more: boolean
}
