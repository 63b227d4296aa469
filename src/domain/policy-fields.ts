/**
 * Issue 14: every setting a chain may change (PRODUCT.md: "every number is a default"), once — its
 * place in the Policy, the group it shows in, its label and its bounds. The validator
 * (policy-validate.ts) and the staff policy page both read this table, so a field cannot be
 * editable without being checked, or checked without being shown.
 */
import type { ErrorMessage as Msg } from './errors'
import { REWARD_PLACEHOLDERS } from './notify/reward-text'

export type PolicyGroup = 'general' | 'membership' | 'friendCard' | 'referral' | 'messages'

export const POLICY_GROUPS: ReadonlyArray<{ key: PolicyGroup; label: Msg }> = [
  { key: 'membership', label: { zh: '会员', en: 'Membership' } },
  { key: 'friendCard', label: { zh: '亲友卡', en: 'Friend card' } },
  { key: 'referral', label: { zh: '推荐', en: 'Referrals' } },
  { key: 'messages', label: { zh: '消息', en: 'Messages' } },
  { key: 'general', label: { zh: '通用', en: 'General' } },
]

/** What a field holds, and so how it is checked and typed in. Money is integer minor units (fen). */
export type FieldKind =
  | { kind: 'money'; min: number; max: number }
  | { kind: 'int'; min: number; max: number; unit: Msg }
  | { kind: 'bp'; max: number }
  /** Reminder offsets: positive, unique, in the order they fall due ('desc': days before a date). */
  | { kind: 'dayList'; order: 'asc' | 'desc'; max: number; maxItems: number; unit: Msg }
  | { kind: 'categories'; required?: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'time' }
  | { kind: 'text'; max: number }
  /** A message text with named placeholders ({bonus} …); empty: the app's own bilingual text. */
  | { kind: 'template'; max: number; placeholders: readonly string[] }
  | { kind: 'holidays'; maxItems: number }
  | { kind: 'timezone' }
  | { kind: 'currency' }

export type PolicyField = { path: string; group: PolicyGroup; label: Msg } & FieldKind

/** ¥1,000,000 in fen: far above any programme amount; more is a typo. */
export const MAX_POLICY_MONEY = 100_000_000

const DAYS: Msg = { zh: '天', en: 'days' }
const MONTHS: Msg = { zh: '个月', en: 'months' }
const PEOPLE: Msg = { zh: '人', en: 'people' }
const CARDS: Msg = { zh: '张', en: 'cards' }
const MINUTES: Msg = { zh: '分钟', en: 'minutes' }
const money = (min = 0): FieldKind => ({ kind: 'money', min, max: MAX_POLICY_MONEY })
const int = (min: number, max: number, unit: Msg): FieldKind => ({ kind: 'int', min, max, unit })

export const POLICY_FIELDS: readonly PolicyField[] = [
  // 会员 (M1–M7)
  { path: 'membership.annualFeeFen', group: 'membership', label: { zh: '年度会员费', en: 'Annual membership fee' }, ...money(1) },
  { path: 'membership.annualMonths', group: 'membership', label: { zh: '年度会员有效期', en: 'Annual membership length' }, ...int(1, 60, MONTHS) },
  { path: 'membership.lifetimeThresholdFen', group: 'membership', label: { zh: '终身家庭会员累计消费门槛', en: 'Lifetime family member spend threshold' }, ...money(1) },
  { path: 'membership.discountBp', group: 'membership', label: { zh: '会员折扣', en: 'Member discount' }, kind: 'bp', max: 10_000 },
  { path: 'membership.discountExcluded', group: 'membership', label: { zh: '不打折的类别', en: 'Categories without the member discount' }, kind: 'categories' },
  { path: 'membership.familyMax', group: 'membership', label: { zh: '可绑定家人数', en: 'Family members per lifetime member' }, ...int(0, 10, PEOPLE) },
  { path: 'membership.friendNamedMemberDiscount', group: 'membership', label: { zh: '报会员名字的朋友也享受会员折扣', en: 'A friend naming a member gets the member discount' }, kind: 'bool' },
  { path: 'membership.annualReminderDays', group: 'membership', label: { zh: '年度会员到期前提醒', en: 'Renewal reminder before lapse' }, ...int(1, 365, DAYS) },
  { path: 'membership.lifetimeRefundGraceDays', group: 'membership', label: { zh: '退款可撤销终身资格的期限', en: 'Days a refund may still revoke a lifetime tier' }, ...int(0, 3650, DAYS) },
  { path: 'membership.familyInviteDays', group: 'membership', label: { zh: '家庭邀请有效期', en: 'Family invitation stays open' }, ...int(1, 90, DAYS) },
  // 亲友卡 (F1–F7)
  { path: 'friendCard.faceValueFen', group: 'friendCard', label: { zh: '亲友卡面值', en: 'Friend card value' }, ...money(1) },
  { path: 'friendCard.validMonths', group: 'friendCard', label: { zh: '亲友卡有效期', en: 'Friend card validity' }, ...int(1, 36, MONTHS) },
  // C3: a free card never buys membership, whatever else the chain excludes.
  { path: 'friendCard.excluded', group: 'friendCard', label: { zh: '亲友卡不可支付的类别', en: 'Categories a friend card may not pay for' }, kind: 'categories', required: ['membership_fee'] },
  { path: 'friendCard.expiryReminderDays', group: 'friendCard', label: { zh: '到期前提醒朋友', en: 'Remind the friend before expiry' }, kind: 'dayList', order: 'desc', max: 1095, maxItems: 6, unit: DAYS },
  { path: 'friendCard.unsharedReminderDays', group: 'friendCard', label: { zh: '未送出时提醒会员（发卡后）', en: 'Remind the giver if unsent (after issue)' }, kind: 'dayList', order: 'asc', max: 1095, maxItems: 6, unit: DAYS },
  { path: 'friendCard.unusedReminderDays', group: 'friendCard', label: { zh: '朋友未使用时提醒会员（领取后）', en: 'Remind the giver if unused (after the claim)' }, kind: 'dayList', order: 'asc', max: 1095, maxItems: 6, unit: DAYS },
  { path: 'friendCard.maxPerMemberPerYear', group: 'friendCard', label: { zh: '每位会员每年可获发', en: 'Cards per member per year' }, ...int(0, 50, CARDS) },
  // 推荐 (R1–R10)
  { path: 'referral.firstVisitDiscountFen', group: 'referral', label: { zh: '首诊优惠券金额', en: 'First-visit coupon' }, ...money(0) },
  { path: 'referral.firstVisitGift', group: 'referral', label: { zh: '首诊礼品（中文 英文）', en: 'First-visit gift (Chinese, then English)' }, kind: 'text', max: 60 },
  { path: 'referral.couponValidMonths', group: 'referral', label: { zh: '优惠券有效期', en: 'Coupon validity' }, ...int(1, 36, MONTHS) },
  { path: 'referral.couponExcluded', group: 'referral', label: { zh: '优惠券不可抵扣的类别', en: 'Categories the coupon does not apply to' }, kind: 'categories' },
  { path: 'referral.rewardBonusFen', group: 'referral', label: { zh: '推荐人奖励金（院内账户）', en: "Referrer's reward to the internal account" }, ...money(0) },
  { path: 'referral.rewardPayoutFen', group: 'referral', label: { zh: '推荐人外部奖励（如话费）', en: "Referrer's external payout (e.g. phone top-up)" }, ...money(0) },
  { path: 'referral.spendShareBp', group: 'referral', label: { zh: '朋友消费分成', en: "Share of the friend's spend" }, kind: 'bp', max: 10_000 },
  { path: 'referral.spendShareDays', group: 'referral', label: { zh: '分成期限（首诊后）', en: 'Share period after the first visit' }, ...int(0, 3650, DAYS) },
  { path: 'referral.spendShareCapFen', group: 'referral', label: { zh: '每次推荐分成上限', en: 'Share cap per referral' }, ...money(0) },
  { path: 'referral.partnerCommissionBp', group: 'referral', label: { zh: '合作伙伴佣金', en: 'Partner commission' }, kind: 'bp', max: 10_000 },
  { path: 'bonus.excluded', group: 'referral', label: { zh: '奖励金不可支付的类别', en: 'Categories the bonus balance may not pay for' }, kind: 'categories' },
  // 消息 (N1–N4)
  { path: 'notify.quietStart', group: 'messages', label: { zh: '免打扰开始', en: 'Quiet hours start' }, kind: 'time' },
  { path: 'notify.quietEnd', group: 'messages', label: { zh: '免打扰结束', en: 'Quiet hours end' }, kind: 'time' },
  { path: 'notify.retryDelaysMin', group: 'messages', label: { zh: '发送失败后重试间隔', en: 'Retry delays after a failed send' }, kind: 'dayList', order: 'asc', max: 10_080, maxItems: 10, unit: MINUTES },
  { path: 'notify.birthdayGiftBp', group: 'messages', label: { zh: '生日礼物预算（近12个月消费的比例）', en: 'Birthday gift budget (share of the last 12 months’ spend)' }, kind: 'bp', max: 10_000 },
  { path: 'notify.holidays', group: 'messages', label: { zh: '节日问候', en: 'Holiday greetings' }, kind: 'holidays', maxItems: 30 },
  // R4: seed 003's SMS text (an SMS is 70 Cyrillic characters a part; 300 leaves room for a long clinic name).
  { path: 'notify.referralRewardText', group: 'messages', label: { zh: '推荐奖励到账通知（留空则用系统默认文字）', en: 'Referral reward message (empty: the app’s own text)' }, kind: 'template', max: 300, placeholders: REWARD_PLACEHOLDERS },
  { path: 'events.inviteDaysBefore', group: 'messages', label: { zh: '活动提前邀请', en: 'Invite members before an event' }, ...int(1, 180, DAYS) },
  // 通用
  { path: 'currency', group: 'general', label: { zh: '货币', en: 'Currency' }, kind: 'currency' },
  { path: 'timezone', group: 'general', label: { zh: '诊所时区', en: 'Clinic time zone' }, kind: 'timezone' },
  { path: 'staff.directorSeesChain', group: 'general', label: { zh: '院长可查看全连锁数据', en: 'Directors see the whole chain' }, kind: 'bool' },
]

/** The value at a dotted path ('friendCard.faceValueFen'), or undefined. */
export function valueAt(obj: unknown, path: string): unknown {
  let v: unknown = obj
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

/** A copy of `obj` with the value at a dotted path replaced (sections copied, never shared). */
export function withValueAt<T extends object>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.')
  const here = obj as Record<string, unknown>
  const next = rest.length ? withValueAt((here[head] ?? {}) as object, rest.join('.'), value) : value
  return { ...here, [head]: next } as T
}
