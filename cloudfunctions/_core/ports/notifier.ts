/**
 * N3: a message channel. The delivery use case decides what may be sent and when (consent, quiet
 * hours, retries); a channel only carries one message to one person and says how it went.
 */
import type { MessageData, Rendered, TemplateKey } from '../../../src/domain/notify/messages'

export interface OutgoingMessage { key: string; openid: string; template: TemplateKey; data: MessageData; rendered: Rendered }

/**
 * `retryable`: a passing fault (busy, rate limit) worth another try; otherwise the message is dead.
 * `uncertain`: no answer came back (a timeout): it may have been delivered, so it is never resent.
 * `noConsent`: the platform says the person has no subscription for the template.
 */
export type SendResult = { ok: true } | { ok: false; retryable: boolean; error: string; uncertain?: boolean; noConsent?: boolean }

export interface MessageChannel {
  readonly name: string
  /** WeChat subscribe messages need the person's one-time consent for the template, one per message. */
  readonly needsConsent: boolean
  send(m: OutgoingMessage): Promise<SendResult>
}

/**
 * For clinics that also want SMS: a gateway that sends text to a phone number. No gateway ships
 * with Yayou (each clinic contracts its own); `smsChannel` in adapters/notify turns one into a
 * MessageChannel. SMS needs the patient's written consent, which the clinic keeps on paper.
 */
export interface SmsGateway { sendText(phone: string, text: string): Promise<SendResult> }
