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
      return gateway.sendText(phone, `【牙友口腔】${m.rendered.title.zh}：${m.rendered.body.zh}`)
    },
  }
}
