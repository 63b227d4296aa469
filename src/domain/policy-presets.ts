/**
 * Issue 14 item 4: ready-made policies a chain starts from. `seed004` is PRODUCT.md's defaults
 * (seed 004's rules, DEFAULT_POLICY); `seed003` is the Russian clinic's referral regulation as
 * written, in roubles (amounts in kopecks, the same integer minor units as fen).
 *
 * What seed 003 says and where it lands:
 * - a 300 ₽ first-visit coupon plus a gift (mouthwash or dental floss), valid one month (R2);
 * - after the friend pays: 100 ₽ to the referrer's phone (external payout) and 100 ₽ to their
 *   internal account (R3); nothing on the friend's later spend (the regulation pays per visit);
 * - the personal number is the medical record number (R1, already the only code source);
 * - the weekly audit by the chief doctor (R9) is the existing weekly audit report, no number;
 * - step 8's same-day SMS is R4's message in the regulation's own words (notify.referralRewardText):
 *   both amounts, the clinic the friend came to and its phone, filled in when it is sent. Amounts
 *   read "100.00 ₽" where the regulation writes "100 р." (formatMoney, the chain's one money format);
 *   the text is Russian and is shown as written whatever language the member's app is set to.
 * What the engine has no setting for (said in the issue 14 report, not faked here): switching
 * membership off (the regulation has none: it keeps seed 004's membership numbers).
 * Friend cards are not in the regulation: none are issued (a yearly quota of 0, F1).
 */
import { DEFAULT_POLICY, type Policy } from './policy'
import type { ErrorMessage } from './errors'

export const PRESET_KEYS = ['seed004', 'seed003'] as const
export type PresetKey = (typeof PRESET_KEYS)[number]

const SEED_003: Policy = {
  ...DEFAULT_POLICY,
  // The regulation names no city; Moscow time is our assumption, a setting like any other.
  timezone: 'Europe/Moscow',
  currency: 'RUB',
  friendCard: { ...DEFAULT_POLICY.friendCard, maxPerMemberPerYear: 0 },
  referral: {
    ...DEFAULT_POLICY.referral,
    firstVisitDiscountFen: 30_000,
    firstVisitGift: '漱口水或牙线 mouthwash or dental floss',
    couponValidMonths: 1,
    rewardBonusFen: 10_000,
    rewardPayoutFen: 10_000,
    spendShareBp: 0,
    spendShareDays: 0,
    spendShareCapFen: 0,
  },
  // Chinese lunar holidays are not the Russian clinic's: New Year only.
  notify: {
    ...DEFAULT_POLICY.notify,
    holidays: [{ date: '01-01', name: { zh: '元旦', en: "New Year's Day" } }],
    // Step 8, as written: «…Вам зачислены 100 р. на телефон и 100 р. на внутр. счет. Спасибо. <Название стоматологии>, <номер телефона>».
    referralRewardText: 'К нам пришел клиент по вашей рекомендации. Вам зачислены {payout} на телефон и {bonus} на внутр. счет. Спасибо. {clinic}, {clinicPhone}',
  },
}

export const POLICY_PRESETS: Record<PresetKey, { label: ErrorMessage; about: ErrorMessage; policy: Policy }> = {
  seed004: {
    label: { zh: '默认规则（连锁会员方案）', en: 'Default rules (chain membership plan)' },
    about: { zh: '年度会员、终身家庭会员、亲友储值卡和推荐奖励的默认数值。', en: 'The default numbers for annual and lifetime family membership, friend cards and referral rewards.' },
    policy: DEFAULT_POLICY,
  },
  seed003: {
    label: { zh: '俄罗斯诊所推荐条例（卢布）', en: 'Russian clinic referral regulation (roubles)' },
    about: {
      zh: '朋友首诊优惠券300卢布加礼品，有效期1个月；朋友付款后，推荐人手机充值100卢布并向院内账户存入100卢布，当天收到条例原文（俄文）的通知；不发亲友卡。',
      en: 'A 300 ₽ first-visit coupon plus a gift, valid one month; after the friend pays, 100 ₽ to the referrer’s phone and 100 ₽ to their internal account, with the regulation’s own message (in Russian) the same day; no friend cards.',
    },
    policy: SEED_003,
  },
}
