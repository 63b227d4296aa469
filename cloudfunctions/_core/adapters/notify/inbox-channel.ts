/**
 * The local channel (N3): writes each message to an inbox collection that the H5 app shows for
 * the persona it was sent to. It asks for the same consent as WeChat, so what works locally is
 * what a patient would receive in production.
 */
import type { MessageChannel, OutgoingMessage, SendResult } from '../../ports/notifier'
import { isStoreError, type Store } from '../../ports/store'
import { C, type InboxDoc } from '../../model'
import type { Clock } from '../../../../src/domain/clock'

export function inboxChannel(store: Store, clock: Clock): MessageChannel {
  return {
    name: 'local-inbox',
    needsConsent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      const doc: InboxDoc = { _id: m.key, openid: m.openid, template: m.template, title: m.rendered.title, body: m.rendered.body, page: m.rendered.page, at: clock.now().toISOString() }
      try {
        await store.create(C.inbox, doc)
      } catch (e) {
        if (!isStoreError(e, 'DUPLICATE')) return { ok: false, retryable: true, error: e instanceof Error ? e.message : String(e) }
      }
      return { ok: true }
    },
  }
}
