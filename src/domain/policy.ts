import type { Fen } from './money'

/** Bill item categories (S2). Eligibility rules below refer to these. */
export const CATEGORIES = ['treatment', 'special_price', 'oral_care_product', 'membership_fee'] as const
export type Category = (typeof CATEGORIES)[number]

export const CATEGORY_LABEL: Record<Category, { zh: string; en: string }> = {
  treatment: { zh: '治疗', en: 'Treatment' },
  special_price: { zh: '特价项目', en: 'Special-price item' },
  oral_care_product: { zh: '口腔护理产品', en: 'Oral-care product' },
  membership_fee: { zh: '会员费', en: 'Membership fee' },
}

/** Issue 14: the currency is a policy setting (¥ or ₽); money stays integer minor units (fen, kopecks). */
export const CURRENCIES = ['CNY', 'RUB'] as const
export type Currency = (typeof CURRENCIES)[number]

/**
 * The clinic chain's policy. Every number is a PRODUCT.md default that a chain may change; a new
 * change is a new `version`, and cards, coupons and bills keep the version they were made under.
 */
export interface Policy {
  version: number
  timezone: string
  /** Issue 14: the chain's currency (seed 003's clinic counts roubles); amounts stay integer minor units. */
  currency: Currency
  membership: {
    /** M1 annual membership fee and length. */
    annualFeeFen: Fen
    annualMonths: number
    /** M1 cumulative paid spend that makes a lifetime family member. */
    lifetimeThresholdFen: Fen
    /** M2 member discount, basis points (1200 = 12%, 88折). */
    discountBp: number
    /** M2 categories the member discount never applies to. */
    discountExcluded: Category[]
    /** M3 family members a lifetime member may bind (besides themself). */
    familyMax: number
    /** M5 a friend naming a member at payment gets the member discount. */
    friendNamedMemberDiscount: boolean
    /** M7 reminder before an annual membership lapses. */
    annualReminderDays: number
    /**
     * M1/M6 refunds: a refund that takes spend back under the threshold revokes a lifetime tier
     * granted fewer than this many days before (a returned treatment does not buy a lifetime);
     * after that, lifetime is for life.
     */
    lifetimeRefundGraceDays: number
    /** M3 days a family invitation stays open. */
    familyInviteDays: number
  }
  friendCard: {
    /** F2 face value. */
    faceValueFen: Fen
    /** F5 validity from issue, calendar months. */
    validMonths: number
    /** F4 categories a friend card may not pay for (C3: never buys membership either). */
    excluded: Category[]
    /** F6 reminder offsets before expiry (to the friend). */
    expiryReminderDays: number[]
    /** F6 days after issue to remind a giver who has not sent it yet. */
    unsharedReminderDays: number[]
    /** F6 days after the claim to remind the giver that the friend has not used it. */
    unusedReminderDays: number[]
    /** F1 cards one member may be issued per calendar year (not in the seeds: our default). */
    maxPerMemberPerYear: number
  }
  referral: {
    /** R2 first-visit coupon. */
    firstVisitDiscountFen: Fen
    firstVisitGift: string
    couponValidMonths: number
    couponExcluded: Category[]
    /** R3 rewards, only after the friend pays. */
    rewardBonusFen: Fen
    rewardPayoutFen: Fen
    spendShareBp: number
    spendShareDays: number
    spendShareCapFen: Fen
    /** R1: the personal referral code: the record number (seed 003). */
    codeSource: 'record_no'
    /** R10: a partner's commission on money a referred friend pays, basis points. */
    partnerCommissionBp: number
  }
  bonus: {
    /** R5 categories the bonus balance may not pay for. */
    excluded: Category[]
  }
  notify: {
    /** N3 quiet hours, clinic time ("HH:mm"): nothing is sent from start until end. */
    quietStart: string
    quietEnd: string
    /** N3 delays before each retry of a failed send, minutes; after the last, the message is dead. */
    retryDelaysMin: number[]
    /** N2 birthday gift budget, basis points of the member's paid spend in the last 12 months. */
    birthdayGiftBp: number
    /** N1 holiday greetings to all members: "MM-DD" every year, or "YYYY-MM-DD" once (lunar holidays). */
    holidays: Array<{ date: string; name: { zh: string; en: string } }>
    /**
     * R4: the referral reward message as the chain writes it, with placeholders ({bonus} {payout}
     * {clinic} {clinicPhone}, notify/reward-text.ts); empty: the app's own bilingual text.
     */
    referralRewardText: string
  }
  events: {
    /** N4 days before an event that members are invited. */
    inviteDaysBefore: number
  }
  staff: {
    /**
     * Clinic scoping (issue 10): a director sees and acts on their own clinic's day sheet, payouts,
     * tasks, event door and gift list; true lets every director see the whole chain, as an admin does.
     */
    directorSeesChain: boolean
  }
}

export const DEFAULT_POLICY: Policy = {
  version: 1,
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
  membership: {
    annualFeeFen: 89_900,
    annualMonths: 12,
    lifetimeThresholdFen: 3_000_000,
    discountBp: 1200,
    discountExcluded: ['special_price', 'membership_fee'],
    familyMax: 3,
    friendNamedMemberDiscount: true,
    annualReminderDays: 30,
    lifetimeRefundGraceDays: 90,
    familyInviteDays: 7,
  },
  friendCard: {
    faceValueFen: 60_000,
    validMonths: 3,
    excluded: ['special_price', 'oral_care_product', 'membership_fee'],
    expiryReminderDays: [30, 14, 3],
    unsharedReminderDays: [3, 14],
    unusedReminderDays: [14, 45],
    maxPerMemberPerYear: 2,
  },
  referral: {
    firstVisitDiscountFen: 30_000,
    firstVisitGift: '漱口水 mouthwash',
    couponValidMonths: 1,
    couponExcluded: ['special_price', 'oral_care_product', 'membership_fee'],
    rewardBonusFen: 10_000,
    rewardPayoutFen: 10_000,
    spendShareBp: 100,
    spendShareDays: 90,
    // Seed 000's example (¥30,000 → ¥300) stays under this cap; PRODUCT.md R3 names no number.
    spendShareCapFen: 50_000,
    codeSource: 'record_no',
    // Seed 001 names a commission after a referred deal but no rate: our default, 3%.
    partnerCommissionBp: 300,
  },
  bonus: {
    excluded: ['membership_fee'],
  },
  notify: {
    quietStart: '21:00',
    quietEnd: '08:00',
    retryDelaysMin: [1, 5, 30, 120, 720],
    birthdayGiftBp: 50,
    // Lunar holidays move every year: the chain lists each year's date (our defaults: 2026–2027).
    holidays: [
      { date: '01-01', name: { zh: '元旦', en: "New Year's Day" } },
      { date: '2027-02-06', name: { zh: '春节', en: 'Spring Festival' } },
      { date: '2027-09-15', name: { zh: '中秋节', en: 'Mid-Autumn Festival' } },
      { date: '10-01', name: { zh: '国庆节', en: 'National Day' } },
    ],
    referralRewardText: '',
  },
  events: {
    inviteDaysBefore: 14,
  },
  staff: {
    directorSeesChain: false,
  },
}

export const isEligible = (category: Category, excluded: readonly Category[]): boolean =>
  !excluded.includes(category)

/**
 * R2: the first-visit gift as configured, "中文 English" (e.g. '漱口水 mouthwash'), in each language:
 * the first word is the Chinese, the rest the English; the whole text for both when it has no English.
 */
export function giftWords(gift: string): { zh: string; en: string } {
  const [zh, ...rest] = gift.trim().split(/\s+/)
  return { zh: zh ?? '', en: rest.join(' ') || gift.trim() }
}
