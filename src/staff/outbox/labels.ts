/**
 * N3: the outbox as staff read it — "the outbox says why". Each status and each reason a message
 * was not sent, as a Msg shown in the reader's language.
 */
import type { OutboxView } from '../../api/contract'
import type { OutboxStatus, SkipReason } from '../../domain/notify/messages'
import { clinicDateTime } from '../../services/format'
import type { Msg } from '../../i18n'

export const STATUSES: OutboxStatus[] = ['queued', 'sending', 'sent', 'failed', 'skipped', 'dead', 'interrupted']

export const STATUS_LABEL: Record<OutboxStatus, Msg> = {
  queued: { zh: '待发送', en: 'Queued' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '失败待重试', en: 'Failed, will retry' },
  skipped: { zh: '未发送', en: 'Not sent' },
  dead: { zh: '已放弃', en: 'Gave up' },
  interrupted: { zh: '发送中断', en: 'Interrupted' },
}

export const REASON: Record<SkipReason, Msg> = {
  no_consent: { zh: '对方未订阅：没有在微信中同意接收这类消息，因此没有发送。', en: 'The person has not subscribed in WeChat, so nothing was sent.' },
  no_wechat: { zh: '未绑定微信：这位患者没有绑定微信，无处发送。', en: 'No WeChat: this patient has no WeChat account linked, so there is nowhere to send it.' },
  no_template: { zh: '未配置模板：这类消息还没有配置微信订阅消息模板。', en: 'No template: no WeChat subscribe-message template is set up for this message.' },
}

/** Why a record is where it is, in words (reason, quiet hours, retries). */
export function explain(r: OutboxView): Msg | null {
  if (r.status === 'skipped' && r.reason) return REASON[r.reason]
  if (r.status === 'queued' && r.heldUntil) {
    const at = clinicDateTime(r.heldUntil)
    return { zh: `免打扰时段（晚 9 点至早 8 点）暂缓，${at} 后发送。`, en: `Held for quiet hours (21:00–08:00); goes out after ${at}.` }
  }
  if (r.status === 'failed') {
    const at = clinicDateTime(r.notBefore)
    return { zh: `发送失败，${at} 自动重试。`, en: `Sending failed; it is retried at ${at}.` }
  }
  if (r.status === 'dead') return { zh: '多次重试仍失败，已放弃。', en: 'Gave up after retries.' }
  if (r.status === 'interrupted') return { zh: '发送后未收到结果；为避免重复，不再重发。', en: 'No report came back after sending; it is not sent again, so never twice.' }
  return null
}
