/**
 * N3: the messages the clinic sends, each a subscribe-message template in WeChat. A message is
 * an outbox record whose `_id` is a stable key (`fc:<card>:expiry:14`, `bday:<patient>:2026` …),
 * so a second attempt to queue it is refused by the store: never sent twice.
 */
import { formatFen } from '../money'

export const TEMPLATES = ['card_expiry', 'card_unshared', 'card_unused', 'membership_expiry', 'birthday', 'holiday', 'event_invite', 'referral_reward'] as const
export type TemplateKey = (typeof TEMPLATES)[number]

export type Recipient = { patientId: string } | { openid: string }
export type MessageData = Record<string, string | number>

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped' | 'dead' | 'interrupted'
/** Why a message was not delivered (shown to staff: "the outbox says why"). */
export type SkipReason = 'no_consent' | 'no_wechat' | 'no_template'

export interface OutboxMessage {
  _id: string
  to: Recipient
  template: TemplateKey
  data: MessageData
  createdAt: string
  status: OutboxStatus
  /** Not before this instant: quiet hours and retry backoff move it; the delivery query uses it. */
  notBefore: string
  attempts: number
  /** Set when quiet hours held the message back (N3). */
  heldUntil?: string
  reason?: SkipReason
  lastError?: string
  channel?: string
  sentAt?: string
}

export interface Line { zh: string; en: string }
export interface Rendered { title: Line; body: Line; page: string }

const s = (d: MessageData, k: string) => String(d[k] ?? '')
const money = (d: MessageData, k: string) => formatFen(Number(d[k] ?? 0))

/** What a template says; the page it opens. Friends see only the giver's name and the offer (C2). */
export function render(t: TemplateKey, d: MessageData): Rendered {
  switch (t) {
    case 'card_expiry':
      return { page: 'pages/cards/index', title: { zh: '亲友卡即将到期', en: 'Your friend card expires soon' },
        body: { zh: `${s(d, 'giver')}送您的亲友卡余额${money(d, 'balanceFen')}，还有${s(d, 'days')}天到期（${s(d, 'expiresOn')}）。到店登记后不再过期。`, en: `The friend card from ${s(d, 'giver')} (${money(d, 'balanceFen')} left) expires in ${s(d, 'days')} days (${s(d, 'expiresOn')}). Register at the clinic and it no longer expires.` } }
    case 'card_unshared':
      return { page: 'pages/cards/index', title: { zh: '您的亲友卡还未送出', en: 'Your friend card is not sent yet' },
        body: { zh: `您有一张${money(d, 'faceValueFen')}亲友卡还未送给朋友，${s(d, 'expiresOn')}到期。`, en: `You have a ${money(d, 'faceValueFen')} friend card you have not given yet; it expires on ${s(d, 'expiresOn')}.` } }
    case 'card_unused':
      return { page: 'pages/cards/index', title: { zh: '朋友还未使用亲友卡', en: 'Your friend has not used the card yet' },
        body: { zh: `${s(d, 'friend')}已领取您的亲友卡，但还未到店使用，${s(d, 'expiresOn')}到期。`, en: `${s(d, 'friend')} claimed your friend card but has not used it yet; it expires on ${s(d, 'expiresOn')}.` } }
    case 'membership_expiry':
      return { page: 'pages/index/index', title: { zh: '年度会员即将到期', en: 'Your annual membership ends soon' },
        body: { zh: `您的年度会员将于${s(d, 'until')}到期，续费后继续享受88折。`, en: `Your annual membership ends on ${s(d, 'until')}; renew to keep 12% off.` } }
    case 'birthday':
      return { page: 'pages/index/index', title: { zh: '生日快乐', en: 'Happy birthday' },
        body: { zh: `${s(d, 'name')}，牙友口腔祝您生日快乐，笑口常开！`, en: `Happy birthday, ${s(d, 'name')}, from all of us at Yayou Dental!` } }
    case 'holiday':
      return { page: 'pages/index/index', title: { zh: `${s(d, 'holidayZh')}快乐`, en: `Happy ${s(d, 'holidayEn')}` },
        body: { zh: `${s(d, 'name')}，牙友口腔祝您${s(d, 'holidayZh')}快乐！`, en: `${s(d, 'name')}, Yayou Dental wishes you a happy ${s(d, 'holidayEn')}!` } }
    case 'event_invite':
      return { page: 'pages/events/index', title: { zh: `会员活动邀请：${s(d, 'titleZh')}`, en: `Member event: ${s(d, 'titleEn')}` },
        body: { zh: `${s(d, 'date')} ${s(d, 'place')}，欢迎您和家人参加，请在小程序内报名。`, en: `${s(d, 'date')} at ${s(d, 'place')}. You and your family are welcome; reply in the mini-program.` } }
    case 'referral_reward':
      return { page: 'pages/referral/index', title: { zh: '推荐奖励到账', en: 'Referral reward credited' },
        body: { zh: `您推荐的朋友今天到店就诊，${money(d, 'bonusFen')}已存入您的奖励金账户。`, en: `A friend came on your recommendation; ${money(d, 'bonusFen')} credited.` } }
  }
}

/** A new outbox record: queued, not before `notBefore` (quiet hours decide it, see schedule.ts). */
export function newMessage(key: string, to: Recipient, template: TemplateKey, data: MessageData, now: Date, notBefore: Date): OutboxMessage {
  const held = notBefore.getTime() > now.getTime()
  return { _id: key, to, template, data, createdAt: now.toISOString(), status: 'queued', notBefore: notBefore.toISOString(), attempts: 0, ...(held ? { heldUntil: notBefore.toISOString() } : {}) }
}
