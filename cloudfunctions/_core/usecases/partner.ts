/** R10: partners who are not patients (staff, friends of the clinic) refer and earn a commission after a paid deal. */
import type { PartnerView } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import type { Deps } from '../deps'
import { C, type PartnerDoc, type PayoutDoc, type StaffDoc } from '../model'
import { withRetry } from './retry'

async function view(deps: Deps, p: PartnerDoc): Promise<PartnerView> {
  const consultant = await deps.store.get<StaffDoc>(C.staff, p.consultantStaffId)
  const deals = await deps.store.count(C.referrals, { partnerId: p._id, status: 'locked' })
  const pay = await deps.store.query<PayoutDoc>(C.payouts, { where: { partnerId: p._id }, limit: 1000 })
  const sum = (s: PayoutDoc['status']) => pay.filter((x) => x.status === s).reduce((a, x) => a + x.amountFen, 0)
  return { partnerId: p._id, code: p.code, name: p.name, consultantName: consultant?.name ?? '', deals, commissionDueFen: sum('due'), commissionPaidFen: sum('paid') }
}

export async function register(deps: Deps, openid: string, input: { name: string; phone: string; consultantStaffId: string }): Promise<PartnerView> {
  const consultant = await deps.store.get<StaffDoc>(C.staff, input.consultantStaffId)
  if (!consultant || consultant.role !== 'consultant' || !consultant.active) throw new DomainError('VALIDATION', { field: 'consultantStaffId', why: 'a partner is bound to an active consultant' })
  const [existing] = await deps.store.query<PartnerDoc>(C.partners, { where: { openid }, limit: 1 })
  if (existing) throw new DomainError('PARTNER_EXISTS')
  const doc = await withRetry(() => deps.store.transaction(async (tx) => {
    if (await tx.get<PartnerDoc>(C.partners, `pt_${openid}`)) throw new DomainError('PARTNER_EXISTS')
    const counter = await tx.get<{ _id: string; next: number }>(C.counters, 'partnerCode')
    const n = counter?.next ?? 1001
    await tx.set(C.counters, { _id: 'partnerCode', next: n + 1 })
    // One partner per WeChat user: the id is derived from the OPENID, so a race collides.
    const p: PartnerDoc = { _id: `pt_${openid}`, openid, code: `P${n}`, name: input.name, phone: input.phone, consultantStaffId: input.consultantStaffId, createdAt: deps.clock.now().toISOString() }
    await tx.create(C.partners, p)
    return p
  }))
  return view(deps, doc)
}

export async function mine(deps: Deps, openid: string): Promise<PartnerView> {
  const [p] = await deps.store.query<PartnerDoc>(C.partners, { where: { openid }, limit: 1 })
  if (!p) throw new DomainError('NOT_FOUND')
  return view(deps, p)
}

export async function list(deps: Deps): Promise<PartnerView[]> {
  const all = await deps.store.query<PartnerDoc>(C.partners, { orderBy: [['createdAt', 'asc']], limit: 1000 })
  return Promise.all(all.map((p) => view(deps, p)))
}

