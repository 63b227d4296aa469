/**
 * My coupons (R2): `referral.coupons`. The first-visit coupons this WeChat user took from a
 * referral link: who recommended us (display name only, C2), the discount and gift, validity,
 * status; an active one opens its code to show at reception.
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CouponView } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { giftWords } from '../../domain/policy'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { COUPON_STATUS_LABEL } from '../referral/shared'

export default function CouponsPage() {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('referral', 'coupons', {}))
  const coupons = load.data ?? null
  return (
    <PageShell title='我的优惠券' subtitle='My coupons'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !coupons ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {coupons ? (
        <View id='coupon-list' className='stack'>
          {coupons.length === 0 ? (
            <View id='coupons-empty' className='card'>
              <Text className='muted'>{t({ zh: '暂无优惠券。朋友推荐给您的首诊优惠券，领取后会显示在这里。', en: 'No coupons yet. A first-visit coupon a friend sends you shows here once you take it.' })}</Text>
            </View>
          ) : null}
          {coupons.map((c) => <CouponCard key={c.couponId} coupon={c} />)}
          {coupons.some((c) => c.status === 'active') ? (
            // Issue 12: the friend's next step — the clinics and an appointment request for the first visit (R2).
            <View id='next-step' className='notice'>
              <Text className='para'>{t({ zh: '优惠券在首次到店时使用，先预约一个方便的时间吧。', en: 'The coupon is for your first visit; ask for a time that suits you.' })}</Text>
              <Btn id='goto-clinics' onClick={() => void Taro.navigateTo({ url: '/pages/clinics/index' })}>{t({ zh: '下一步：预约到店', en: 'Next: book a visit' })}</Btn>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}

function CouponCard({ coupon: c }: { coupon: CouponView }) {
  const t = useT()
  const status = COUPON_STATUS_LABEL[c.status]
  const active = c.status === 'active'
  return (
    <View id={`coupon-${c.couponId}`} className='card'>
      <View className={`fcard ${active ? '' : 'fcard--over'}`}>
        <Text className='fcard__label'>{t({ zh: `${c.referrerDisplayName} 推荐 · 首诊优惠券`, en: `First-visit coupon from ${c.referrerDisplayName}` })}</Text>
        <Text id={`coupon-status-${c.couponId}`} className='fcard__state'>{t(status)}</Text>
        <Text className='fcard__value'>{money(c.discountFen)}</Text>
        <Text className='fcard__meta'>{t({ zh: '赠品：', en: 'Gift: ' })}{t(giftWords(c.gift))}</Text>
        <Text className='fcard__meta'>{t({ zh: `有效期至 ${clinicDate(c.expiresAt)}`, en: `Valid until ${clinicDate(c.expiresAt)}` })}</Text>
      </View>
      {active ? (
        <Btn id={`show-coupon-${c.couponId}`} onClick={() => void Taro.navigateTo({ url: `/pages/coupon/code/index?couponId=${encodeURIComponent(c.couponId)}` })}>
          {t({ zh: '出示优惠码', en: 'Show the code' })}
        </Btn>
      ) : null}
    </View>
  )
}
