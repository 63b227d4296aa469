/**
 * The referral landing's light entry (R2, R6, C1, C2; issue 12 speed): what `pages/referral` shows
 * before the first tap — the referrer's display name only, the offer and gift, its validity, the
 * full rules, and the button to take the coupon (the device hint goes with it for R6). After that
 * the coupon opens in the app. The words are the page's own (pages/referral/texts.ts). The amount is
 * in the chain's currency, which the offer carries (issue 14).
 */
import type { CouponView, ReferralOffer } from '../api/contract'
import { formatMoney } from '../domain/policy-money'
import { giftWords } from '../domain/policy'
import { REFERRAL_NEXT, REFERRAL_TEXT as T, STATE_TEXT } from '../pages/referral/texts'
import { h5DeviceHint } from '../services/device-hint'
import { ApiError, call } from './api'
import { runLanding, type Landing } from './controller'
import { h } from './dom'
import { tr } from './lang'
import { btn, goApp, ruleLines } from './shell'

export function referralLanding(code: string | null, first: Promise<ReferralOffer> | null, into: (nodes: Node[]) => void): void {
  const take = (l: Landing<ReferralOffer>, offer: ReferralOffer) => l.tap(
    async () => {
      const device = h5DeviceHint()
      const coupon = await call<Pick<CouponView, 'couponId'>>('referral', 'takeCoupon', device ? { code, device } : { code })
      return { ...offer, state: 'yours', couponId: coupon.couponId }
    },
    // The answer changed meanwhile (taken elsewhere, now a patient): show what it is now.
    (c) => c.startsWith('REFERRAL_') || c.startsWith('COUPON_'),
    () => call<ReferralOffer>('referral', 'offer', { code }),
  )
  runLanding<ReferralOffer>({ title: T.title, first, missing: code ? null : new ApiError('REFERRAL_CODE_UNKNOWN', T.noCode), into, view: (l) => {
    const o = l.data!
    const state = STATE_TEXT[o.state]
    const live = o.state === 'available' || o.state === 'yours'
    return [h('div', { className: 'stack' },
      h('div', { className: `fcard${live ? '' : ' fcard--over'}` },
        h('span', { className: 'fcard__label' }, h('span', { id: 'ref-referrer', className: 'ref-referrer' }, o.referrerDisplayName), tr(T.recommends)),
        h('span', { id: 'ref-discount', className: 'fcard__value' }, formatMoney(o.discountFen, o.chain.currency)),
        h('span', { id: 'ref-gift', className: 'fcard__meta' }, tr(T.offer(giftWords(o.gift)))),
        h('span', { id: 'ref-validity', className: 'fcard__meta' }, tr(T.validity(o.validMonths)))),
      h('div', { id: 'offer-state', className: `notice${state.tone ? ` notice--${state.tone}` : ''}` }, h('span', {}, tr(state))),
      o.state === 'yours' ? btn('goto-coupon', tr(T.showCoupon), () => goApp(REFERRAL_NEXT.coupon(o.couponId))) : null,
      o.state === 'yours' ? btn('goto-bind', tr(T.linkRecord), () => goApp(REFERRAL_NEXT.bind), 'plain') : null,
      o.state === 'own' ? btn('goto-referral-card', tr(T.myReferralCard), () => goApp(REFERRAL_NEXT.referralCard), 'secondary') : null,
      o.state === 'taken' ? btn('goto-coupons', tr(T.myCoupons), () => goApp(REFERRAL_NEXT.coupons), 'secondary') : null,
      // C1: the full rules before the friend decides.
      h('div', { className: 'card' }, h('span', { className: 'card__title' }, tr(T.rules)), ruleLines('ref-rules', o.forFriend)),
      o.state === 'available'
        ? h('div', { className: 'card' }, h('span', { className: 'para' }, tr(T.howTo)), btn('take-coupon', l.busy ? tr(T.taking) : tr(T.take), () => take(l, o), 'primary', l.busy))
        : null)]
  } })
}
