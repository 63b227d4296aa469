/**
 * N3: the messages the clinic sends, each a subscribe-message template in WeChat. A message is
 * an outbox record whose `_id` is a stable key (`fc:<card>:expiry:14`, `bday:<patient>:2026` …),
 * so a second attempt to queue it is refused by the store: never sent twice.
 */
import type { Policy } from '../policy'
import { formatMoney } from '../policy-money'
import { fillRewardText } from './reward-text'
import { discountLabel } from '../membership/discount-words'

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
export interface Rendered {
  title: Line
  body: Line
  page: string
  /** The chain wrote this text itself (R4, seed 003's SMS): a channel sends it exactly as written. */
  asWritten?: boolean
}

/** What rendering needs of the chain's policy: its currency (issue 14: ¥ or ₽), its R4 text, the M2 discount. */
export type RenderPolicy = Pick<Policy, 'currency'> & { notify: Partial<Pick<Policy['notify'], 'referralRewardText'>>; membership: Pick<Policy['membership'], 'discountBp'> }

const s = (d: MessageData, k: string) => String(d[k] ?? '')

/**
 * What a template says, amounts in the chain's currency; the page it opens. Friends see only the
 * giver's name and the offer (C2).
 */
export function render(t: TemplateKey, d: MessageData, policy: RenderPolicy): Rendered {
  const money = (k: string) => formatMoney(Number(d[k] ?? 0), policy.currency)
  switch (t) {
    case 'card_expiry':
      return { page: 'pages/cards/index', title: { zh: '亲友卡即将到期', en: 'Your friend card expires soon' },
        body: { zh: `${s(d, 'giver')}送您的亲友卡余额${money('balanceFen')}，还有${s(d, 'days')}天到期（${s(d, 'expiresOn')}）。到店登记后不再过期。`, en: `The friend card from ${s(d, 'giver')} (${money('balanceFen')} left) expires in ${s(d, 'days')} days (${s(d, 'expiresOn')}). Register at the clinic and it no longer expires.` } }
    case 'card_unshared':
      return { page: 'pages/cards/index', title: { zh: '您的亲友卡还未送出', en: 'Your friend card is not sent yet' },
        body: { zh: `您有一张${money('faceValueFen')}亲友卡还未送给朋友，${s(d, 'expiresOn')}到期。`, en: `You have a ${money('faceValueFen')} friend card you have not given yet; it expires on ${s(d, 'expiresOn')}.` } }
    case 'card_unused':
      return { page: 'pages/cards/index', title: { zh: '朋友还未使用亲友卡', en: 'Your friend has not used the card yet' },
        body: { zh: `${s(d, 'friend')}已领取您的亲友卡，但还未到店使用，${s(d, 'expiresOn')}到期。`, en: `${s(d, 'friend')} claimed your friend card but has not used it yet; it expires on ${s(d, 'expiresOn')}.` } }
    case 'membership_expiry':
      return { page: 'pages/index/index', title: { zh: '年度会员即将到期', en: 'Your annual membership ends soon' },
        body: { zh: `您的年度会员将于${s(d, 'until')}到期，续费后继续享受${discountLabel(policy.membership.discountBp).zh}。`, en: `Your annual membership ends on ${s(d, 'until')}; renew to keep ${discountLabel(policy.membership.discountBp).en}.` } }
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
      return { page: 'pages/referral/index', title: { zh: '推荐奖励到账', en: 'Referral reward credited' }, body: rewardBody(d, policy, money), ...(policy.notify.referralRewardText?.trim() ? { asWritten: true } : {}) }
  }
}

/**
 * R4: the chain's own text when it set one (seed 003's SMS), as written in either language setting;
 * otherwise the app's. Only a payout (no bonus this time) is said as a payout, never as "¥0 credited".
 */
function rewardBody(d: MessageData, policy: RenderPolicy, money: (k: string) => string): Line {
  const custom = policy.notify.referralRewardText?.trim()
  if (custom) {
    const text = fillRewardText(custom, { bonus: money('bonusFen'), payout: money('payoutFen'), clinic: s(d, 'clinic'), clinicPhone: s(d, 'clinicPhone') })
    return { zh: text, en: text }
  }
  if (!Number(d.bonusFen ?? 0) && Number(d.payoutFen ?? 0) > 0) {
    return { zh: `您推荐的朋友今天到店就诊，诊所将为您充值${money('payoutFen')}话费。`, en: `A friend came on your recommendation; the clinic will top up your phone with ${money('payoutFen')}.` }
  }
  return { zh: `您推荐的朋友今天到店就诊，${money('bonusFen')}已存入您的奖励金账户。`, en: `A friend came on your recommendation; ${money('bonusFen')} credited.` }
}

/** A new outbox record: queued, not before `notBefore` (quiet hours decide it, see schedule.ts). */
export function newMessage(key: string, to: Recipient, template: TemplateKey, data: MessageData, now: Date, notBefore: Date): OutboxMessage {
  const held = notBefore.getTime() > now.getTime()
  return { _id: key, to, template, data, createdAt: now.toISOString(), status: 'queued', notBefore: notBefore.toISOString(), attempts: 0, ...(held ? { heldUntil: notBefore.toISOString() } : {}) }
}
