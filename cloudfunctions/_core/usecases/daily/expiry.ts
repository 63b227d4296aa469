/**
 * N1: what runs out. Annual memberships past their end lapse (M1, M7); first-visit coupons past
 * validity expire (R2); friend cards past validity whose friend never registered expire and their
 * unused value is forfeited (F5). Each query covers only what ran out inside this run's window.
 */
import { expireCard, LIVE, type FriendCard } from '../../../../src/domain/friendcard/card'
import { journal } from '../../../../src/domain/journal'
import { C, type CouponDoc, type PatientDoc, type ShortCodeDoc } from '../../model'
import { withRetry } from '../retry'
import { saveCardsInTx } from '../friendcard-totals'
import { part, type JobCtx, type Step } from './sweep'

/** Things valid until `t` have run out at `to` when t < to; the previous run took those before `from`. */
const ranOut = (ctx: JobCtx) => ({ ...(ctx.from ? { $gte: ctx.from.toISOString() } : {}), $lt: ctx.to.toISOString() })

export const expiry: Step = {
  name: 'expiry',
  parts: (ctx) => [
    part<PatientDoc>({
      key: 'annual', coll: C.patients, where: { tier: 'annual', annualUntil: ranOut(ctx) },
      async each(p, { deps, to, count }) {
        // Compare-and-set: a renewal that lands meanwhile wins, and the member keeps the tier.
        const done = await deps.store.updateIf(C.patients, p._id, { tier: 'annual', annualUntil: p.annualUntil ?? null }, { set: { tier: 'none', annualUntil: undefined, annualLapsedAt: to.toISOString() } })
        if (done) count('annualLapsed')
      },
    }),
    part<CouponDoc>({
      key: 'coupons', coll: C.coupons, where: { status: 'active', expiresAt: ranOut(ctx) },
      async each(c, { deps, to, count }) {
        if (await deps.store.updateIf(C.coupons, c._id, { status: 'active', expiresAt: c.expiresAt }, { set: { status: 'expired', expiredAt: to.toISOString() } })) count('couponsExpired')
      },
    }),
    part<FriendCard>({
      key: 'cards', coll: C.friendCards, where: { status: { $in: [...LIVE] }, expiresAt: ranOut(ctx) },
      async each(c, { deps, to, count }) {
        const done = await withRetry(() => deps.store.transaction(async (tx) => {
          const cur = await tx.get<FriendCard>(C.friendCards, c._id)
          const next = cur && expireCard(cur, to)
          if (!cur || !next) return false // registered (F5: never expires), or already swept
          await saveCardsInTx(tx, [{ before: cur, after: next }], to.toISOString())
          if (cur.balanceFen > 0) {
            const j = journal({ id: cur._id, at: to.toISOString(), actor: 'system' })
            await tx.create(C.ledger, j.post({ kind: 'card_expire', part: 'expire', ownerId: cur._id, patientId: cur.giverPatientId, amountFen: -cur.balanceFen, balanceBeforeFen: cur.balanceFen, memo: '过期 expired' }))
          }
          return true
        }))
        if (done) count('cardsExpired')
      },
    }),
    part<ShortCodeDoc>({
      // S1: desk short codes whose token has lapsed (lookups already refuse them; this keeps the collection small).
      key: 'shortCodes', coll: C.shortCodes, where: { expiresAt: { $lt: ctx.to.toISOString() } },
      async each(c, { deps, count }) {
        await deps.store.delete(C.shortCodes, c._id)
        count('shortCodesSwept')
      },
    }),
  ],
}
