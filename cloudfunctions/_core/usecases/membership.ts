/** M7: annual members whose membership ends within the reminder window, each with a stable key. */
import type { MembershipReminderView } from '../../../src/api/contract'
import { dayjs } from '../../../src/domain/clock'
import { dueMembershipReminder } from '../../../src/domain/membership/tier'
import { currentPolicy, type Deps } from '../deps'
import { C, type PatientDoc } from '../model'
import { pages } from './paging'

export async function dueMembershipReminders(deps: Deps): Promise<MembershipReminderView[]> {
  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  const horizon = dayjs(now).add(policy.membership.annualReminderDays, 'day').toISOString()
  const out: MembershipReminderView[] = []
  const where = { tier: 'annual', annualUntil: { $gte: now.toISOString(), $lte: horizon } }
  for await (const page of pages<PatientDoc>(deps.store, C.patients, { where, orderBy: [['annualUntil', 'asc']] })) {
    for (const p of page) {
      const r = dueMembershipReminder(p._id, p, now, policy)
      if (r) out.push({ key: r.key, patientId: p._id, name: p.name, annualUntil: p.annualUntil!, daysLeft: r.daysLeft })
    }
  }
  return out
}
