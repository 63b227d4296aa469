/** N2: the month's birthday gift list for staff — see it, tick gifts off as bought and delivered, export it. */
import type { BirthdayGift, BirthdayList } from '../../../src/api/contract'
import { businessDate } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { nextMonth } from '../../../src/domain/notify/birthday'
import { maskPhone } from '../../../src/domain/privacy'
import { currentPolicy, type Deps } from '../deps'
import { C, type BirthdayGiftDoc } from '../model'
import { rangePages } from './range-pages'
import { inScope, staffScope, type ScopedStaff } from './team-scope'

const view = (g: BirthdayGiftDoc): BirthdayGift => ({
  patientId: g.patientId, name: g.name, maskedPhone: maskPhone(g.phone), clinicId: g.clinicId, birthday: g.birthday,
  spend12mFen: g.spend12mFen, budgetFen: g.budgetFen, status: g.status, boughtAt: g.boughtAt, deliveredAt: g.deliveredAt,
})


/** Clinic scoping: the gifts for members of the staff member's clinic (an admin: the chain). */
export async function birthdayList(deps: Deps, staff: ScopedStaff, month?: string): Promise<BirthdayList> {
  const policy = await currentPolicy(deps.store)
  const scope = await staffScope(deps, staff)
  const m = month ?? nextMonth(businessDate(deps.clock.now(), policy.timezone))
  const docs: BirthdayGiftDoc[] = []
  for await (const page of rangePages<BirthdayGiftDoc>(deps.store, C.birthdayGifts, { where: { month: m }, key: 'birthday', dir: 'asc' })) docs.push(...page)
  const gifts = docs.filter((g) => inScope(scope, g.clinicId)).map(view)
  const preparedAt = docs.reduce<string | undefined>((a, g) => (!a || g.createdAt < a ? g.createdAt : a), undefined)
  return { month: m, preparedAt, gifts, totalBudgetFen: gifts.reduce((s, g) => s + g.budgetFen, 0) }
}

/** Bought, then delivered; ticking the same step again changes nothing. */
export async function markGift(deps: Deps, staff: ScopedStaff, month: string, patientId: string, step: 'bought' | 'delivered'): Promise<BirthdayGift> {
  const staffId = staff.staffId
  const id = `${month}:${patientId}`
  const g = await deps.store.get<BirthdayGiftDoc>(C.birthdayGifts, id)
  if (!g || !inScope(await staffScope(deps, staff), g.clinicId)) throw new DomainError('GIFT_NOT_FOUND')
  const at = deps.clock.now().toISOString()
  if (step === 'bought' && g.status === 'todo') {
    if (await deps.store.updateIf(C.birthdayGifts, id, { status: 'todo' }, { set: { status: 'bought', boughtAt: at, boughtBy: staffId } })) return view({ ...g, status: 'bought', boughtAt: at })
  }
  if (step === 'delivered' && g.status === 'todo') throw new DomainError('GIFT_STEP')
  if (step === 'delivered' && g.status === 'bought') {
    if (await deps.store.updateIf(C.birthdayGifts, id, { status: 'bought' }, { set: { status: 'delivered', deliveredAt: at, deliveredBy: staffId } })) return view({ ...g, status: 'delivered', deliveredAt: at })
  }
  return view((await deps.store.get<BirthdayGiftDoc>(C.birthdayGifts, id))!)
}
