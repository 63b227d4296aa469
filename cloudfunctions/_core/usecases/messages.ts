/** N3: what a person received (the inbox) and what the outbox holds, for staff, with the reasons. */
import type { InboxItem, OutboxReport, OutboxView } from '../../../src/api/contract'
import type { OutboxMessage, OutboxStatus } from '../../../src/domain/notify/messages'
import type { Deps } from '../deps'
import { C, type InboxDoc, type PatientDoc, type UserDoc } from '../model'

export async function inbox(deps: Deps, openid: string): Promise<InboxItem[]> {
  const docs = await deps.store.query<InboxDoc>(C.inbox, { where: { openid }, orderBy: [['at', 'desc']], limit: 50 })
  return docs.map((d) => ({ id: d._id, template: d.template, title: d.title, body: d.body, page: d.page, at: d.at }))
}

const STATUSES: OutboxStatus[] = ['queued', 'sending', 'sent', 'failed', 'skipped', 'dead', 'interrupted']
/** Finished states pile up with history: they are counted over the last days only (issue 14). */
const FINISHED: OutboxStatus[] = ['sent', 'skipped', 'dead']
export const COUNT_DAYS = 30

export async function outboxReport(deps: Deps, status?: OutboxStatus): Promise<OutboxReport> {
  const counts: OutboxReport['counts'] = {}
  const countsSince = new Date(deps.clock.now().getTime() - COUNT_DAYS * 86_400_000).toISOString()
  for (const s of STATUSES) {
    // Messages still to send or to look at (queued, sending, failed, interrupted) are counted all.
    const n = await deps.store.count(C.outbox, FINISHED.includes(s) ? { status: s, createdAt: { $gte: countsSince } } : { status: s })
    if (n) counts[s] = n
  }
  const docs = await deps.store.query<OutboxMessage>(C.outbox, { where: status ? { status } : {}, orderBy: [['createdAt', 'desc']], limit: 100 })
  const names = new Map<string, string>()
  const nameOf = async (m: OutboxMessage): Promise<string> => {
    const key = 'patientId' in m.to ? m.to.patientId : m.to.openid
    if (!names.has(key)) {
      const name = 'patientId' in m.to
        ? (await deps.store.get<PatientDoc>(C.patients, m.to.patientId))?.name
        : (await deps.store.get<UserDoc>(C.users, m.to.openid))?.displayName
      names.set(key, name ?? '—')
    }
    return names.get(key)!
  }
  const recent: OutboxView[] = []
  for (const m of docs) {
    recent.push({ id: m._id, template: m.template, toName: await nameOf(m), status: m.status, reason: m.reason, attempts: m.attempts, createdAt: m.createdAt, notBefore: m.notBefore, heldUntil: m.heldUntil, sentAt: m.sentAt, lastError: m.lastError })
  }
  return { counts, countsSince, recent }
}
