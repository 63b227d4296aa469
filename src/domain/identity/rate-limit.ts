/**
 * Lookups by code are rate-limited per caller (issue 10): a fixed window counter per caller and
 * action, kept in one document whose id names the window, so CloudBase needs no query for it.
 */
export interface RateRule { windowSeconds: number; max: number }

/** R1: referral and card landing lookups; a person opening a few shared links never gets near it. */
export const LOOKUP_RULE: RateRule = { windowSeconds: 600, max: 30 }
/** Phone verification attempts (codes asked for and codes typed) per WeChat user. */
export const PHONE_RULE: RateRule = { windowSeconds: 3600, max: 20 }

export const windowStart = (now: Date, rule: RateRule): number =>
  Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds

export const rateDocId = (action: string, caller: string, now: Date, rule: RateRule): string =>
  `${action}:${caller}:${windowStart(now, rule)}`
