/**
 * My coupons (R2): `referral.coupons`. The first-visit coupons this WeChat user took from a
 * referral link: who recommended us (display name only, C2), the discount and gift, validity,
 * status; an active one opens its code to show at reception.
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CouponView } from '../../api/contract'
import { formatFen } from '../../domain/money'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { COUPON_STATUS_LABEL } from '../referral/shared'

export default function CouponsPage() {
  const [load, reload] = useLoad(() => callFunction('referral', 'coupons', {}))
  const coupons = load.data ?? null
  return (
    <PageShell title='我的优惠券' subtitle='My coupons · 首诊优惠券'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !coupons ? <View className='muted'>加载中… Loading…</View> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>重试 Retry</Btn> : null}
      {coupons ? (
        <View id='coupon-list' className='stack'>
          {coupons.length === 0 ? (
            <View id='coupons-empty' className='card'>
              <Text className='muted'>暂无优惠券。朋友推荐给您的首诊优惠券，领取后会显示在这里。</Text>
              <Text className='muted small'> No coupons yet. A first-visit coupon a friend sends you shows here once you take it.</Text>
            </View>
          ) : null}
          {coupons.map((c) => <CouponCard key={c.couponId} coupon={c} />)}
        </View>
      ) : null}
    </PageShell>
  )
}

function CouponCard({ coupon: c }: { coupon: CouponView }) {
  const status = COUPON_STATUS_LABEL[c.status]
  const active = c.status === 'active'
  return (
    <View id={`coupon-${c.couponId}`} className='card'>
      <View className={`fcard ${active ? '' : 'fcard--over'}`}>
        <Text className='fcard__label'>{c.referrerDisplayName} 推荐 · 首诊优惠券 First-visit coupon</Text>
        <Text id={`coupon-status-${c.couponId}`} className='fcard__state'>{status.zh}</Text>
        <Text className='fcard__value'>{formatFen(c.discountFen)}</Text>
        <Text className='fcard__meta'>赠品 Gift: {c.gift}</Text>
        <Text className='fcard__meta'>有效期至 {clinicDate(c.expiresAt)} · valid until {clinicDate(c.expiresAt)}</Text>
      </View>
      <Text className='muted small'>{status.en}</Text>
      {active ? (
        <Btn id={`show-coupon-${c.couponId}`} onClick={() => void Taro.navigateTo({ url: `/pages/coupon/code/index?couponId=${encodeURIComponent(c.couponId)}` })}>
          出示优惠码 Show code
        </Btn>
      ) : null}
    </View>
  )
}
