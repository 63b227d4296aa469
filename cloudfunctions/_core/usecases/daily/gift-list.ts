/**
 * N2: on the 1st of each month, next month's member birthdays with a gift budget of 0.5% (policy)
 * of what the member actually paid in the last 12 months, for staff to buy and deliver. A run
 * that missed the 1st still prepares the list; an existing entry is never overwritten.
 */
import { dayjs } from '../../../../src/domain/clock'
import { birthdayIn, giftBudget, nextMonth } from '../../../../src/domain/notify/birthday'
import { hasMemberDiscount } from '../../../../src/domain/membership/tier'
import { isStoreError } from '../../ports/store'
import type { Deps } from '../../deps'
import { accountId, type LedgerEntry } from '../../../../src/domain/ledger'
import { C, type BirthdayGiftDoc, type PatientDoc } from '../../model'
import { pages } from '../paging'
import { part, type JobCtx, type Step } from './sweep'

/**
 * M6: money actually paid since `sinceIso`, net of refunds — the patient's spend account in the
 * ledger (payments in, refunds out), the same record that cumulative spend is kept from.
 */
async function paidSince(deps: Deps, patientId: string, sinceIso: string): Promise<number> {
  let sum = 0
  for await (const page of pages<LedgerEntry>(deps.store, C.ledger, { where: { accountId: accountId(patientId, 'spend'), at: { $gte: sinceIso } }, orderBy: [['at', 'asc']] })) {
    for (const e of page) sum += e.amountFen
  }
  return sum
}

/** The months whose 1st falls in this run's window (at most the last two, after a long outage). */
function firstsInWindow(ctx: JobCtx): string[] {
  const out: string[] = []
  for (let d = dayjs(`${ctx.today.slice(0, 7)}-01`); out.length < 2; d = d.subtract(1, 'month')) {
    const day = d.format('YYYY-MM-DD')
    if (ctx.fromDay === null ? day !== ctx.today : day <= ctx.fromDay) break
    out.unshift(day)
  }
  return out
}

export const giftList: Step = {
  name: 'gift-list',
  parts: (ctx) => firstsInWindow(ctx).map((first) => {
    const month = nextMonth(first)
    const mm = month.slice(5)
    return part<PatientDoc>({
      key: `gifts:${month}`, coll: C.patients, where: { birthdayMd: { $gte: `${mm}-01`, $lte: `${mm}-31` } },
      async each(p, { deps, policy, to, count }) {
        if (!hasMemberDiscount(p, to) || !p.birthdayMd) return
        const spend12mFen = await paidSince(deps, p._id, dayjs(to).subtract(12, 'month').toISOString())
        const gift: BirthdayGiftDoc = {
          _id: `${month}:${p._id}`, month, patientId: p._id, name: p.name, phone: p.phone, clinicId: p.clinicId,
          birthday: birthdayIn(month, p.birthdayMd), spend12mFen, budgetFen: giftBudget(spend12mFen, policy), status: 'todo', createdAt: to.toISOString(),
        }
        try {
          await deps.store.create(C.birthdayGifts, gift)
          count('giftsListed')
        } catch (e) {
          if (!isStoreError(e, 'DUPLICATE')) throw e
        }
      },
    })
  }),
}
