/**
 * N3 outbox: queue a message under its stable key (a second queue of the same key is a no-op, so
 * nothing is sent twice) and deliver what is due — outside quiet hours, spending one of the
 * person's one-time consents per message, retrying passing failures with backoff.
 */
import { newMessage, render, type MessageData, type OutboxMessage, type Recipient, type Rendered, type TemplateKey } from '../../../src/domain/notify/messages'
import { retryAt, sendableFrom } from '../../../src/domain/notify/schedule'
import type { Policy } from '../../../src/domain/policy'
import { isStoreError, MAX_PAGE, type Store, type TxContext } from '../ports/store'
import type { Deps } from '../deps'
import type { SendResult } from '../ports/notifier'
import { C, type BillDoc, type ClinicDoc, type ConsentDoc } from '../model'
import { openidsOf } from './patients'
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

/** The clinic named in an R4 message, by bill id; one pass reads each bill's clinic once. */
export type ClinicCache = Map<string, Pick<ClinicDoc, 'name' | 'phone'> | null>

/**
 * A message as the person reads it, in the chain's currency. R4 names the clinic the friend came to
 * (the bill's: it received the friend and owes the payout, so its phone is the one to call), read
 * here by id from the `billId` the payment stored — the payment's transaction reads nothing extra.
 * The data handed on carries the clinic too, so a WeChat template may map a keyword to it.
 */
export async function renderMessage(store: Store, policy: Policy, m: Pick<OutboxMessage, 'template' | 'data'>, clinics: ClinicCache = new Map()): Promise<{ data: MessageData; rendered: Rendered }> {
  let data = m.data
  const billId = m.template === 'referral_reward' ? m.data.billId : undefined
  if (typeof billId === 'string') {
    if (!clinics.has(billId)) {
      const bill = await store.get<BillDoc>(C.bills, billId)
      const clinic = bill ? await store.get<ClinicDoc>(C.clinics, bill.clinicId) : null
      clinics.set(billId, clinic ? { name: clinic.name, phone: clinic.phone } : null)
    }
    const clinic = clinics.get(billId)
    if (clinic) data = { ...data, clinic: clinic.name, clinicPhone: clinic.phone ?? '' }
  }
  return { data, rendered: render(m.template, data, policy) }
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
  const openids = new Map<string, string[]>()
  const clinics: ClinicCache = new Map()
  for (;;) {
    const page = await deps.store.query<OutboxMessage>(C.outbox, { where: { status: { $in: ['queued', 'failed'] }, notBefore: { $lte: now.toISOString() } }, orderBy: [['notBefore', 'asc']], limit: MAX_PAGE })
    for (const m of page) {
      if (stop()) return { complete: false, stats }
      await deliverOne(deps, policy, now, m, { openids, clinics }, stats)
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

/** The WeChat users a message may go to: the OPENID it names, or every one bound to the patient. */
async function recipients(store: Store, to: Recipient, cache: Map<string, string[]>): Promise<string[]> {
  if ('openid' in to) return [to.openid]
  if (!cache.has(to.patientId)) cache.set(to.patientId, await openidsOf(store, to.patientId))
  return cache.get(to.patientId)!
}

async function deliverOne(deps: Deps, policy: Policy, now: Date, m: OutboxMessage, cache: { openids: Map<string, string[]>; clinics: ClinicCache }, stats: DeliveryStats): Promise<void> {
  const { store, channel } = deps
  const same = { status: m.status, notBefore: m.notBefore }
  const hold = sendableFrom(now, policy)
  if (hold > now) {
    if (await store.updateIf(C.outbox, m._id, same, { set: { notBefore: hold.toISOString(), heldUntil: hold.toISOString() } })) stats.deferred++
    return
  }
  const openids = await recipients(store, m.to, cache.openids)
  if (!openids.length) {
    if (await store.updateIf(C.outbox, m._id, same, { set: { status: 'skipped', reason: 'no_wechat' } })) stats.skipped++
    return
  }
  // Read before the claim: a failed read leaves the message queued and the consent unspent.
  const message = await renderMessage(store, policy, m, cache.clinics)
  // Claim: the message moves to "sending" and, for WeChat, one consent of the WeChat user who gave
  // it is spent — together or not at all.
  const claim = await withRetry(() => store.transaction(async (tx) => {
    const cur = await tx.get<OutboxMessage>(C.outbox, m._id)
    if (!cur || cur.status !== m.status || cur.notBefore !== m.notBefore) return 'lost' as const
    let openid = openids[0]
    if (channel.needsConsent) {
      const withConsent = []
      for (const o of openids) if (((await tx.get<ConsentDoc>(C.consents, o))?.counts[m.template] ?? 0) > 0) withConsent.push(o)
      if (!withConsent.length) {
        await tx.set<OutboxMessage>(C.outbox, { ...cur, status: 'skipped', reason: 'no_consent' })
        return 'no_consent' as const
      }
      openid = withConsent[0]
      await tx.update(C.consents, openid, { inc: { [`counts.${m.template}`]: -1 } })
    }
    const claimed: OutboxMessage = { ...cur, status: 'sending', attempts: cur.attempts + 1, channel: channel.name, notBefore: new Date(now.getTime() + LEASE_MS).toISOString() }
    await tx.set<OutboxMessage>(C.outbox, claimed)
    return { claimed, openid }
  }))
  if (claim === 'lost') return
  if (claim === 'no_consent') { stats.skipped++; return }
  const { claimed, openid } = claim
  let result: SendResult
  try {
    result = await channel.send({ key: m._id, openid, template: m.template, ...message })
  } catch (e) {
    // A channel that threw may or may not have sent: never twice beats at least once.
    result = { ok: false, retryable: false, uncertain: true, error: e instanceof Error ? e.message : String(e) }
  }
  const mine = { status: 'sending', attempts: claimed.attempts }
  if (result.ok) {
    await store.updateIf(C.outbox, m._id, mine, { set: { status: 'sent', sentAt: now.toISOString() } })
    stats.sent++
    return
  }
  const error = result.error.slice(0, 300)
  if (result.uncertain) {
    // It may have arrived, and then the consent was used: keep it spent, never resend.
    if (await store.updateIf(C.outbox, m._id, mine, { set: { status: 'interrupted', lastError: error } })) stats.interrupted++
    return
  }
  const next = result.retryable ? retryAt(claimed.attempts, now, policy) : null
  await withRetry(() => store.transaction(async (tx) => {
    const cur = await tx.get<OutboxMessage>(C.outbox, m._id)
    if (!cur || cur.status !== mine.status || cur.attempts !== mine.attempts) return
    if (result.noConsent) {
      // WeChat says there is no subscription: our count was wrong; it is zero now.
      if (channel.needsConsent) await tx.update(C.consents, openid, { set: { [`counts.${m.template}`]: 0 } })
      await tx.set<OutboxMessage>(C.outbox, { ...cur, status: 'skipped', reason: 'no_consent', lastError: error })
      return
    }
    // Not delivered, so WeChat did not use the consent: give it back.
    if (channel.needsConsent) await tx.update(C.consents, openid, { inc: { [`counts.${m.template}`]: 1 } })
    await tx.set<OutboxMessage>(C.outbox, next ? { ...cur, status: 'failed', notBefore: next.toISOString(), lastError: error } : { ...cur, status: 'dead', lastError: error })
  }))
  if (result.noConsent) stats.skipped++
  else if (next) stats.failed++
  else stats.dead++
}
