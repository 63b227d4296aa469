/** M7: annual members whose membership ends within the reminder window, each with a stable key. */
import type { MembershipReminderView } from '../../../src/api/contract'
import { businessDate, dayjs } from '../../../src/domain/clock'
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
      const until = p.annualUntil!
      // One reminder per membership term: renewing moves annualUntil and so the key.
      out.push({ key: `m7:${p._id}:${businessDate(new Date(until), policy.timezone)}`, patientId: p._id, name: p.name, annualUntil: until, daysLeft: dayjs(until).diff(dayjs(now), 'day') })
    }
  }
  return out
}
