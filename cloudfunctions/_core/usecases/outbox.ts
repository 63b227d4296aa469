/**
 * N3 outbox: queue a message under its stable key (a second queue of the same key is a no-op, so
 * nothing is sent twice) and deliver what is due — outside quiet hours, spending one of the
 * person's one-time consents per message, retrying passing failures with backoff.
 */
import { newMessage, render, type MessageData, type OutboxMessage, type Recipient, type TemplateKey } from '../../../src/domain/notify/messages'
import { retryAt, sendableFrom } from '../../../src/domain/notify/schedule'
import type { Policy } from '../../../src/domain/policy'
import { isStoreError, MAX_PAGE, type Store, type TxContext } from '../ports/store'
import type { Deps } from '../deps'
import { C, type ConsentDoc, type UserDoc } from '../model'
import { withRetry } from './retry'

/** A message queued now is held until quiet hours end (N3). True when it is new. */
export async function queueMessage(store: Store, policy: Policy, now: Date, key: string, to: Recipient, template: TemplateKey, data: MessageData): Promise<boolean> {
  try {
    await store.create<OutboxMessage>(C.outbox, newMessage(key, to, template, data, now, sendableFrom(now, policy)))
    return true
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) return false
    throw e
  }
}

/** The same inside a money-moving transaction (R4 is queued with the payment that earned it). */
export async function queueMessageInTx(tx: TxContext, policy: Policy, now: Date, key: string, to: Recipient, template: TemplateKey, data: MessageData): Promise<void> {
  await tx.create<OutboxMessage>(C.outbox, newMessage(key, to, template, data, now, sendableFrom(now, policy)))
}

export interface DeliveryStats { sent: number; failed: number; dead: number; deferred: number; skipped: number; interrupted: number }
export const noDelivery = (): DeliveryStats => ({ sent: 0, failed: 0, dead: 0, deferred: 0, skipped: 0, interrupted: 0 })

/** How long a claimed message may stay "sending" before a later pass calls it interrupted. */
const LEASE_MS = 2 * 60_000

/**
 * Delivers every message due now. Returns `complete: false` when `stop()` said to stop; the rest
 * stays queued for the next pass. Safe to run concurrently: each message is claimed by a
 * compare-and-set transaction before it is sent.
 */
export async function deliverDue(deps: Deps, policy: Policy, stop: () => boolean = () => false, stats = noDelivery()): Promise<{ complete: boolean; stats: DeliveryStats }> {
  const now = deps.clock.now()
  await markInterrupted(deps, now, stats)
  const openids = new Map<string, string | null>()
  for (;;) {
    const page = await deps.store.query<OutboxMessage>(C.outbox, { where: { status: { $in: ['queued', 'failed'] }, notBefore: { $lte: now.toISOString() } }, orderBy: [['notBefore', 'asc']], limit: MAX_PAGE })
    for (const m of page) {
      if (stop()) return { complete: false, stats }
      await deliverOne(deps, policy, now, m, openids, stats)
    }
    // Every message handled leaves the query (sent, skipped, dead, or moved to a later notBefore).
    if (page.length < MAX_PAGE) return { complete: true, stats }
  }
}

/** A claim whose send never reported back (the function was killed): never resent, so never twice. */
async function markInterrupted(deps: Deps, now: Date, stats: DeliveryStats): Promise<void> {
  const stale = await deps.store.query<OutboxMessage>(C.outbox, { where: { status: 'sending', notBefore: { $lt: now.toISOString() } }, limit: MAX_PAGE })
  for (const m of stale) {
    if (await deps.store.updateIf(C.outbox, m._id, { status: 'sending', attempts: m.attempts }, { set: { status: 'interrupted', lastError: 'no report from the channel before the lease ran out' } })) stats.interrupted++
  }
}

async function recipientOpenid(store: Store, to: Recipient, cache: Map<string, string | null>): Promise<string | null> {
  if ('openid' in to) return to.openid
  if (!cache.has(to.patientId)) {
    const users = await store.query<UserDoc>(C.users, { where: { patientId: to.patientId }, limit: 1 })
    cache.set(to.patientId, users[0]?._id ?? null)
  }
  return cache.get(to.patientId) ?? null
}

async function deliverOne(deps: Deps, policy: Policy, now: Date, m: OutboxMessage, openids: Map<string, string | null>, stats: DeliveryStats): Promise<void> {
  const { store, channel } = deps
  const same = { status: m.status, notBefore: m.notBefore }
  const hold = sendableFrom(now, policy)
  if (hold > now) {
    if (await store.updateIf(C.outbox, m._id, same, { set: { notBefore: hold.toISOString(), heldUntil: hold.toISOString() } })) stats.deferred++
    return
  }
  const openid = await recipientOpenid(store, m.to, openids)
  if (!openid) {
    if (await store.updateIf(C.outbox, m._id, same, { set: { status: 'skipped', reason: 'no_wechat' } })) stats.skipped++
    return
  }
  // Claim: the message moves to "sending" and, for WeChat, one consent is spent — together or not at all.
  const claim = await withRetry(() => store.transaction(async (tx) => {
    const cur = await tx.get<OutboxMessage>(C.outbox, m._id)
    if (!cur || cur.status !== m.status || cur.notBefore !== m.notBefore) return 'lost' as const
    if (channel.needsConsent) {
      const consent = await tx.get<ConsentDoc>(C.consents, openid)
      if ((consent?.counts[m.template] ?? 0) <= 0) {
        await tx.set<OutboxMessage>(C.outbox, { ...cur, status: 'skipped', reason: 'no_consent' })
        return 'no_consent' as const
      }
      await tx.update(C.consents, openid, { inc: { [`counts.${m.template}`]: -1 } })
    }
    const claimed: OutboxMessage = { ...cur, status: 'sending', attempts: cur.attempts + 1, channel: channel.name, notBefore: new Date(now.getTime() + LEASE_MS).toISOString() }
    await tx.set<OutboxMessage>(C.outbox, claimed)
    return claimed
  }))
  if (claim === 'lost') return
  if (claim === 'no_consent') { stats.skipped++; return }
  let result
  try {
    result = await channel.send({ key: m._id, openid, template: m.template, data: m.data, rendered: render(m.template, m.data) })
  } catch (e) {
    result = { ok: false as const, retryable: true, error: e instanceof Error ? e.message : String(e) }
  }
  if (result.ok) {
    await store.updateIf(C.outbox, m._id, { status: 'sending', attempts: claim.attempts }, { set: { status: 'sent', sentAt: now.toISOString() } })
    stats.sent++
    return
  }
  const next = result.retryable ? retryAt(claim.attempts, now, policy) : null
  const error = result.error.slice(0, 300)
  await withRetry(() => store.transaction(async (tx) => {
    const cur = await tx.get<OutboxMessage>(C.outbox, m._id)
    if (!cur || cur.status !== 'sending' || cur.attempts !== claim.attempts) return
    // The channel did not deliver, so WeChat did not use the consent: give it back.
    if (channel.needsConsent) await tx.update(C.consents, openid, { inc: { [`counts.${m.template}`]: 1 } })
    await tx.set<OutboxMessage>(C.outbox, next ? { ...cur, status: 'failed', notBefore: next.toISOString(), lastError: error } : { ...cur, status: 'dead', lastError: error })
  }))
  if (next) stats.failed++
  else stats.dead++
}
