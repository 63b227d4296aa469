/**
 * The daily job's unit of work: a `Part` is one indexed query and what to do with each document
 * it finds. `sweep` pages through it by `_id` (at most 1000 a page, as on CloudBase), so a stopped
 * run resumes after the last document it handled; every handler is idempotent, so a document
 * handled twice changes nothing the second time.
 */
import type { Policy } from '../../../../src/domain/policy'
import { MAX_PAGE, type Cond, type Doc, type Where } from '../../ports/store'
import type { Deps } from '../../deps'

export interface JobCtx {
  deps: Deps
  policy: Policy
  /** The window this run covers: after the previous run's `to` (null on the first run) up to `to`. */
  from: Date | null
  to: Date
  /** Business dates (clinic zone) of `from` and `to`, and of the moment this invocation runs. */
  fromDay: string | null
  today: string
  nowDay: string
  count(key: string, n?: number): void
}

export interface Part<T extends Doc = Doc> { key: string; coll: string; where: Where; each(doc: T, ctx: JobCtx): Promise<void> }
export interface Step { name: string; parts(ctx: JobCtx): Part[] | Promise<Part[]> }

export const part = <T extends Doc>(p: Part<T>): Part => p as unknown as Part

/** Where the run stands inside a step: the part and the last document handled in it. */
export interface Cursor { part?: string; afterId?: string }

export type SweepOutcome = { done: true } | { done: false; cursor: Cursor }

export async function sweep(ctx: JobCtx, p: Part, afterId: string | undefined, stop: () => boolean, checkpoint: (c: Cursor) => Promise<void>, progress: () => void): Promise<SweepOutcome> {
  let after = afterId
  for (;;) {
    const where: Where = after === undefined ? p.where : { ...p.where, _id: { $gt: after } }
    const page = await ctx.deps.store.query<Doc>(p.coll, { where, orderBy: [['_id', 'asc']], limit: MAX_PAGE })
    for (const doc of page) {
      if (stop()) return { done: false, cursor: { part: p.key, afterId: after } }
      await p.each(doc, ctx)
      after = doc._id
      progress()
    }
    if (page.length < MAX_PAGE) return { done: true }
    await checkpoint({ part: p.key, afterId: after })
  }
}

/** An instant window shifted by `days` (a reminder `d` days after X is due when X + d is in the window). */
export function shifted(ctx: JobCtx, days: number): Cond {
  const ms = days * 86_400_000
  const hi = new Date(ctx.to.getTime() + ms).toISOString()
  return ctx.from ? { $gte: new Date(ctx.from.getTime() + ms).toISOString(), $lte: hi } : { $lte: hi }
}

/** True when business date `day` is inside this run's window (each date is handled by one run). */
export const dayInWindow = (ctx: JobCtx, day: string): boolean => day <= ctx.today && (ctx.fromDay === null ? day === ctx.today : day > ctx.fromDay)
