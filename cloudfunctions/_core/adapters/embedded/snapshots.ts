/**
 * Snapshot isolation for the embedded store, as CloudBase's transactions behave: a transaction reads
 * the database as it was when it started, and its commit fails with CONFLICT when another commit
 * wrote one of its documents since (first committer wins). Write skew stays possible, on purpose:
 * two transactions that read two documents and each write a different one both commit.
 *
 * Kept in memory, per store instance: a commit sequence, the sequence of the last write to each
 * document and the row images those writes replaced. All of it is recorded only while some
 * transaction is open, and pruned as transactions end, so plain reads and writes pay nothing.
 */

/** The stored JSON of a row, or null when the document did not exist. */
export type RowImage = string | null

interface Replaced { until: number; image: RowImage }

export const docKey = (coll: string, id: string): string => `${coll}\u0000${id}`

export class SnapshotTracker {
  /** Commits so far (only counted while a transaction is open). */
  private seq = 0
  /** Open transactions' start sequences, by token. */
  private open = new Map<symbol, number>()
  /** Document key → sequence of its last write. */
  private lastWrite = new Map<string, number>()
  /** Document key → images it had before each write, oldest first; `until` is the replacing write. */
  private history = new Map<string, Replaced[]>()

  /** Registers a transaction; its snapshot is everything committed so far. */
  begin(): { token: symbol; start: number } {
    const token = Symbol('tx')
    this.open.set(token, this.seq)
    return { token, start: this.seq }
  }

  end(token: symbol): void {
    this.open.delete(token)
    if (this.open.size === 0) {
      this.lastWrite.clear()
      this.history.clear()
      return
    }
    const oldest = Math.min(...this.open.values())
    for (const [k, v] of this.lastWrite) if (v <= oldest) this.lastWrite.delete(k)
    for (const [k, list] of this.history) {
      const kept = list.filter((r) => r.until > oldest)
      if (kept.length === 0) this.history.delete(k)
      else if (kept.length !== list.length) this.history.set(k, kept)
    }
  }

  /** Whether writes must be recorded (some transaction may read behind them). */
  get tracking(): boolean { return this.open.size > 0 }

  /** Whether a transaction other than `token` is open: only then can anyone read behind a commit of `token`. */
  othersOpen(token: symbol): boolean { return this.open.size > (this.open.has(token) ? 1 : 0) }

  /** True when a commit after `start` wrote the document. */
  changedSince(key: string, start: number): boolean {
    return (this.lastWrite.get(key) ?? 0) > start
  }

  /**
   * The image a transaction that started at `start` must see, or `undefined` when the current row
   * is that image (nothing wrote it since).
   */
  imageAt(key: string, start: number): RowImage | undefined {
    if (!this.changedSince(key, start)) return undefined
    const found = this.history.get(key)?.find((r) => r.until > start)
    if (!found) throw new Error(`snapshot of ${key} at ${start} was pruned`)
    return found.image
  }

  /** Starts one commit (one sequence number for all its writes). */
  nextCommit(): number {
    return ++this.seq
  }

  /** Records that commit `at` replaced `before` for the document. */
  wrote(key: string, at: number, before: RowImage): void {
    this.lastWrite.set(key, at)
    const list = this.history.get(key)
    if (list) list.push({ until: at, image: before })
    else this.history.set(key, [{ until: at, image: before }])
  }

  /** Forgets everything (the store was wiped). */
  reset(): void {
    this.lastWrite.clear()
    this.history.clear()
  }
}
