/**
 * Issue 12, item 3: one account's history as the member reads it — newest first, each line's
 * balance the one before it plus its amount. Entries written in one transaction share their `at`,
 * and the store returns ties in no particular order, so ties are put in the order the running
 * balance proves (the ledger is append-only and every entry carries the balance after it).
 */
import type { Fen } from '../money'

export interface HistoryEntry { at: string; amountFen: Fen; balanceAfterFen: Fen }

const before = (e: HistoryEntry): Fen => e.balanceAfterFen - e.amountFen

/** Same-instant entries oldest → newest by their balances; null when they do not form one chain. */
function chain<T extends HistoryEntry>(tied: T[], olderBalance: Fen | undefined): T[] | null {
  const rest = [...tied]
  const out: T[] = []
  // Start from the balance just before these entries: the older entry's, or the one no tied entry leads to.
  const first = rest.find((e) => !rest.some((o) => o !== e && o.balanceAfterFen === before(e)))
  if (olderBalance === undefined && !first) return null
  let at = olderBalance ?? before(first!)
  while (rest.length) {
    const i = rest.findIndex((e) => before(e) === at)
    if (i < 0) return null
    const [next] = rest.splice(i, 1)
    out.push(next)
    at = next.balanceAfterFen
  }
  return out
}

/** The entries newest first: by time, and same-instant entries in the order their balances prove. */
export function newestFirst<T extends HistoryEntry>(entries: readonly T[]): T[] {
  const byTime = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  const out: T[] = []
  for (let i = 0; i < byTime.length;) {
    let j = i + 1
    while (j < byTime.length && byTime[j].at === byTime[i].at) j++
    const tied = byTime.slice(i, j)
    const older = byTime[j] as T | undefined
    const ordered = tied.length > 1 ? chain(tied, older?.balanceAfterFen) ?? chain(tied, undefined) : tied
    out.push(...(ordered ? [...ordered].reverse() : tied))
    i = j
  }
  return out
}

/**
 * The balance before the oldest line shown: spend brought from before the system (M6, imported) or
 * lines older than the page shows. With it, opening + Σ amounts = the newest balance.
 */
export const openingBalance = (newestFirstLines: readonly HistoryEntry[], currentFen: Fen): Fen =>
  newestFirstLines.length ? before(newestFirstLines[newestFirstLines.length - 1]) : currentFen

/** Do these lines (newest first) add up: each balance is the one below it plus its amount? */
export function addsUp(newestFirstLines: readonly HistoryEntry[]): boolean {
  return newestFirstLines.every((e, i) => i === newestFirstLines.length - 1 || before(e) === newestFirstLines[i + 1].balanceAfterFen)
}
