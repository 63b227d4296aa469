/**
 * Coupon code (S1, R2): `pages/coupon/code/index?couponId=…`. The friend shows it at reception.
 * `referral.couponCode` gives a short-lived token and its 18-digit short code, shown as a QR, grouped
 * digits and a barcode; it refreshes itself
 * before it lapses (useRotatingCode), so a screenshot stops working.
 */
import { useCallback, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CouponView } from '../../../api/contract'
import { money } from '../../../services/chain'
import { ApiError, callFunction } from '../../../services/cloud'
import { clinicDate, queryParam } from '../../../services/format'
import { giftWords } from '../../../domain/policy'
import { PageShell } from '../../../components/PageShell'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Btn } from '../../../components/controls'
import { useRotatingCode } from '../../../components/useRotatingCode'
import { useBrightScreen } from '../../../components/useBrightScreen'
import { COUPON_STATUS_LABEL } from '../../referral/shared'
import { CodePanel } from '../../../components/CodePanel'
import { useT } from '../../../i18n'

const NO_COUPON = new ApiError('COUPON_NOT_FOUND', { zh: '缺少优惠券，请从“我的优惠券”进入', en: 'No coupon given; open it from My coupons' })

export default function CouponCodePage() {
  const t = useT()
  const router = useRouter()
  const couponId = queryParam(router.params, 'couponId')
  const [coupon, setCoupon] = useState<CouponView | null>(null)

  const fetchCode = useCallback(async () => {
    if (!couponId) throw NO_COUPON
    const info = callFunction('referral', 'coupons', {}).then(
      (list) => {
        const held = list.find((c) => c.couponId === couponId)
        if (held) setCoupon(held)
      },
      () => undefined, // the code is what matters here; the banner shows the code's own errors
    )
    try {
      return await callFunction('referral', 'couponCode', { couponId })
    } finally {
      await info
    }
  }, [couponId])
  const { code, secondsLeft, expired, error, refresh } = useRotatingCode(fetchCode, couponId)
  useBrightScreen() // S1: full brightness while the code is shown, the person's own after

  return (
    <PageShell title='首诊优惠码' subtitle='First-visit coupon code'>
      <ErrorBanner error={error} />
      {coupon ? (
        <View id='coupon-code-head' className='card'>
          <View className='kv'>
            <Text className='kv__k'>{t({ zh: '首诊立减', en: 'First-visit discount' })}</Text>
            <Text id='coupon-code-discount' className='kv__v'>{money(coupon.discountFen)}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>{t({ zh: '赠品', en: 'Gift' })}</Text>
            <Text className='kv__v'>{t(giftWords(coupon.gift))}</Text>
          </View>
          <Text className='muted small'>
            {t({
              zh: `${coupon.referrerDisplayName} 推荐 · 有效期至 ${clinicDate(coupon.expiresAt)}`,
              en: `From ${coupon.referrerDisplayName} · valid until ${clinicDate(coupon.expiresAt)}`,
            })} · {t(COUPON_STATUS_LABEL[coupon.status])}
          </Text>
        </View>
      ) : null}
      <CodePanel ids={{ qr: 'coupon-code-qr', countdown: 'coupon-code-countdown', digits: 'coupon-code-digits', barcode: 'coupon-code-barcode' }} name={{ zh: '优惠码', en: 'Coupon code' }} code={code} secondsLeft={secondsLeft} expired={expired} error={error} />
      <View className='card'>
        <Text className='para'>{t({
          zh: '首次到店时请在前台出示此码。每个码只能扫一次，并会定时自动刷新，截图无效。',
          en: 'Show this code at reception on your first visit. Each code works once and refreshes itself, so a screenshot does not work.',
        })}</Text>
      </View>
      <Btn variant='secondary' onClick={() => void refresh()}>{t({ zh: '立即刷新', en: 'Refresh now' })}</Btn>
    </PageShell>
  )
}
