/**
 * What a friend reads on the referral landing (R1, R2, R6, C1), in one place for both the app's page
 * and its light H5 entry (src/landing/referral.ts). No Taro, no React: plain messages.
 */
import type { ReferralOfferState } from '../../api/contract'
import type { Msg } from '../../i18n'

/** What the friend reads for each state. */
export const STATE_TEXT: Record<ReferralOfferState, Msg & { tone: '' | 'warn' | 'over' }> = {
  available: { zh: '可以领取首诊优惠券', en: 'You can take this first-visit coupon', tone: '' },
  yours: { zh: '已领取，优惠券在“我的优惠券”中', en: 'Taken: the coupon is in My coupons', tone: '' },
  own: { zh: '这是您自己的推荐码，请分享给朋友', en: 'This is your own referral code; send it to a friend', tone: 'warn' },
  existing_patient: { zh: '您已是本院患者，首诊优惠仅限第一次来的新朋友', en: 'You are already our patient; the first-visit offer is for new patients only', tone: 'over' },
  taken: { zh: '您已领取过其他朋友推荐的首诊优惠券（每人限一位推荐人）', en: 'You already took a first-visit coupon from another referrer (one referrer per person)', tone: 'warn' },
}

export const REFERRAL_TEXT = {
  title: { zh: '朋友推荐 · 首诊优惠', en: 'A first-visit offer from a friend' },
  recommends: { zh: ' 推荐您来牙友口腔', en: ' recommends Yayou Dental to you' },
  offer: (gift: Msg): Msg => ({ zh: `首诊立减 + 赠品：${gift.zh}`, en: `Off your first visit, plus a gift: ${gift.en}` }),
  validity: (months: number): Msg => ({ zh: `领取后 ${months} 个月内有效`, en: `Valid ${months} month${months === 1 ? '' : 's'} after you take it` }),
  showCoupon: { zh: '出示优惠码', en: 'Show the coupon code' },
  linkRecord: { zh: '已在诊所就诊过？绑定档案', en: 'Been to our clinic before? Link your record' },
  myReferralCard: { zh: '去我的推荐卡', en: 'Go to my referral card' },
  myCoupons: { zh: '查看我的优惠券', en: 'My coupons' },
  rules: { zh: '使用规则', en: 'Rules' },
  howTo: { zh: '领取后，首次到店时在前台出示优惠码即可使用。', en: 'Take it, then show its code at reception on your first visit.' },
  take: { zh: '领取首诊优惠券', en: 'Take the coupon' },
  taking: { zh: '领取中…', en: 'Taking…' },
  noCode: { zh: '链接不完整，请让朋友重新分享', en: 'The link is incomplete; ask your friend to send it again' },
}

/** The app's pages the friend goes on to. */
export const REFERRAL_NEXT = {
  coupon: (couponId?: string) => (couponId ? `/pages/coupon/code/index?couponId=${encodeURIComponent(couponId)}` : '/pages/coupon/index'),
  bind: '/pages/bind/index',
  referralCard: '/pages/referral/card/index',
  coupons: '/pages/coupon/index',
}
