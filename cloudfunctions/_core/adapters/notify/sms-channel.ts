/** N3: an SMS gateway as a message channel, for clinics that want it (see ports/notifier.ts). */
import type { MessageChannel, OutgoingMessage, SendResult, SmsGateway } from '../../ports/notifier'

/** `phoneOf` finds the number for the OPENID (the patient record); no number, no message. */
export function smsChannel(gateway: SmsGateway, phoneOf: (openid: string) => Promise<string | undefined>): MessageChannel {
  return {
    name: 'sms',
    needsConsent: false,
    async send(m: OutgoingMessage): Promise<SendResult> {
      const phone = await phoneOf(m.openid)
      if (!phone) return { ok: false, retryable: false, error: 'no phone number on record' }
      // A text the chain wrote itself (seed 003's SMS names the clinic and its phone) goes out as written.
      return gateway.sendText(phone, m.rendered.asWritten ? m.rendered.body.zh : `【牙友口腔】${m.rendered.title.zh}：${m.rendered.body.zh}`)
    },
  }
}
