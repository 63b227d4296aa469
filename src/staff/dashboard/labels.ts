/** What the dashboard's keys are called on screen (never the keys themselves). */
import type { CardStep, ReferralStep } from '../../api/contract'
import type { Tier } from '../../domain/membership/tier'
import type { OutboxStatus, SkipReason } from '../../domain/notify/messages'
import type { Msg } from '../../i18n'

export const REFERRAL_STEPS: Record<ReferralStep, Msg> = {
  taken: { zh: '领取首诊券', en: 'Coupons taken' },
  visited: { zh: '首次到诊', en: 'First visits' },
  paid: { zh: '到诊付费', en: 'Paid' },
  rewarded: { zh: '推荐人获奖励', en: 'Referrer rewarded' },
}

export const CARD_STEPS: Record<CardStep, Msg> = {
  issued: { zh: '发放', en: 'Issued' },
  shared: { zh: '已转赠', en: 'Shared' },
  claimed: { zh: '已领取', en: 'Claimed' },
  registered: { zh: '已建档', en: 'Registered' },
  redeemed: { zh: '已使用', en: 'Redeemed' },
  spent: { zh: '之后自费消费', en: 'Spent later' },
}

export const TIERS: Record<Tier, Msg> = {
  lifetime: { zh: '终身会员', en: 'Lifetime' },
  annual: { zh: '年度会员', en: 'Annual' },
  none: { zh: '非会员', en: 'Not members' },
}

export const STATUSES: Record<OutboxStatus, Msg> = {
  queued: { zh: '待发送', en: 'Queued' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败待重试', en: 'Failed, will retry' },
  skipped: { zh: '未发送', en: 'Skipped' },
  dead: { zh: '多次失败已放弃', en: 'Gave up' },
  interrupted: { zh: '发送中断', en: 'Interrupted' },
}

export const SKIP_REASONS: Record<SkipReason | 'other', Msg> = {
  no_consent: { zh: '未同意接收消息', en: 'No consent to messages' },
  no_wechat: { zh: '未绑定微信', en: 'No WeChat bound' },
  no_template: { zh: '未配置消息模板', en: 'No message template' },
  other: { zh: '其他原因', en: 'Other reason' },
}
