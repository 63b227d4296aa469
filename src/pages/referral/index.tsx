/**
 * The referral landing (R1, R2, R6, C1, C2): where a shared referral link opens,
 * `pages/referral/index?c=<code>`. `referral.offer` → the referrer's display name and the offer,
 * nothing else about the referrer (C2): ¥300 off the first visit plus a gift, the validity and the
 * full rules (C1). By state: the button to take the coupon (the friend's own tap; the device hint
 * goes with it for R6), the way to the coupon once it is theirs, or a plain text why not.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ReferralOffer, ReferralOfferState } from '../../api/contract'
import { formatFen } from '../../domain/money'
import { giftWords } from '../../domain/policy'
import { ApiError, callFunction, toApiError } from '../../services/cloud'
import { queryParam } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { takeEarly } from '../../services/early'
import { useLoad, usePersonaKey } from '../../components/hooks'
import { LinesList, deviceHint } from './shared'
import './index.css'

/** What the friend reads for each state. */
const STATE_TEXT: Record<ReferralOfferState, Msg & { tone: '' | 'warn' | 'over' }> = {
  available: { zh: '可以领取首诊优惠券', en: 'You can take this first-visit coupon', tone: '' },
  yours: { zh: '已领取，优惠券在“我的优惠券”中', en: 'Taken: the coupon is in My coupons', tone: '' },
  own: { zh: '这是您自己的推荐码，请分享给朋友', en: 'This is your own referral code; send it to a friend', tone: 'warn' },
  existing_patient: { zh: '您已是本院患者，首诊优惠仅限第一次来的新朋友', en: 'You are already our patient; the first-visit offer is for new patients only', tone: 'over' },
  taken: { zh: '您已领取过其他朋友推荐的首诊优惠券（每人限一位推荐人）', en: 'You already took a first-visit coupon from another referrer (one referrer per person)', tone: 'warn' },
}

const NO_CODE = new ApiError('REFERRAL_CODE_UNKNOWN', { zh: '链接不完整，请让朋友重新分享', en: 'The link is incomplete; ask your friend to send it again' })

export default function ReferralLandingPage() {
  const t = useT()
  const router = useRouter()
  const code = queryParam(router.params, 'c')
  // Issue 12, speed: the app asked already when it started (services/early.ts); take that answer once.
  const [early] = useState(() => (code ? takeEarly('referral', 'offer', { code }) : undefined))
  const [load, reload] = useLoad(async () => {
    if (!code) throw NO_CODE
    return callFunction('referral', 'offer', { code })
  }, early)
  const [taken, setTaken] = useState<ReferralOffer | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [taking, setTaking] = useState(false)
  const lock = useRef(false)
  const personaKey = usePersonaKey()
  useEffect(() => {
    // Local mode: another person picked in the switcher starts from the offer again.
    setTaken(null)
    setError(null)
  }, [personaKey])
  const offer = taken ?? load.data ?? null

  async function take() {
    if (lock.current || !offer) return
    lock.current = true
    setTaking(true)
    setError(null)
    try {
      const device = deviceHint()
      const coupon = await callFunction('referral', 'takeCoupon', device ? { code, device } : { code })
      setTaken({ ...offer, state: 'yours', couponId: coupon.couponId })
    } catch (e) {
      const err = toApiError(e)
      setError(err)
      // The answer changed meanwhile (taken elsewhere, now a patient): show what it is now.
      if (err.code.startsWith('REFERRAL_') || err.code.startsWith('COUPON_')) {
        setTaken(null)
        reload()
      }
    } finally {
      lock.current = false
      setTaking(false)
    }
  }

  return (
    <PageShell title='朋友推荐 · 首诊优惠' subtitle='A first-visit offer from a friend'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {!offer && load.state === 'loading' ? <Loading /> : null}
      {load.state === 'error' && load.error.code === 'NETWORK' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {offer ? <OfferView offer={offer} taking={taking} onTake={() => void take()} /> : null}
    </PageShell>
  )
}

function OfferView({ offer: o, taking, onTake }: { offer: ReferralOffer; taking: boolean; onTake: () => void }) {
  const t = useT()
  const state = STATE_TEXT[o.state]
  const live = o.state === 'available' || o.state === 'yours'
  const gift = giftWords(o.gift)
  return (
    <View className='stack'>
      <View className={`fcard ${live ? '' : 'fcard--over'}`}>
        <Text className='fcard__label'>
          <Text id='ref-referrer' className='ref-referrer'>{o.referrerDisplayName}</Text>{t({ zh: ' 推荐您来牙友口腔', en: ' recommends Yayou Dental to you' })}
        </Text>
        <Text id='ref-discount' className='fcard__value'>{formatFen(o.discountFen)}</Text>
        <Text id='ref-gift' className='fcard__meta'>{t({ zh: `首诊立减 + 赠品：${gift.zh}`, en: `Off your first visit, plus a gift: ${gift.en}` })}</Text>
        <Text id='ref-validity' className='fcard__meta'>{t({ zh: `领取后 ${o.validMonths} 个月内有效`, en: `Valid ${o.validMonths} month${o.validMonths === 1 ? '' : 's'} after you take it` })}</Text>
      </View>

      <View id='offer-state' className={`notice ${state.tone ? `notice--${state.tone}` : ''}`}>
        <Text>{t(state)}</Text>
      </View>

      {o.state === 'yours' ? (
        <Btn
          id='goto-coupon'
          onClick={() => void Taro.navigateTo({ url: o.couponId ? `/pages/coupon/code/index?couponId=${encodeURIComponent(o.couponId)}` : '/pages/coupon/index' })}
        >
          {t({ zh: '出示优惠码', en: 'Show the coupon code' })}
        </Btn>
      ) : null}
      {o.state === 'yours' ? (
        <Btn id='goto-bind' variant='plain' onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>{t({ zh: '已在诊所就诊过？绑定档案', en: 'Been to our clinic before? Link your record' })}</Btn>
      ) : null}
      {o.state === 'own' ? (
        <Btn id='goto-referral-card' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/referral/card/index' })}>
          {t({ zh: '去我的推荐卡', en: 'Go to my referral card' })}
        </Btn>
      ) : null}
      {o.state === 'taken' ? (
        <Btn id='goto-coupons' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/coupon/index' })}>
          {t({ zh: '查看我的优惠券', en: 'My coupons' })}
        </Btn>
      ) : null}

      {/* C1: the full rules before the friend decides. */}
      <View className='card'>
        <Text className='card__title'>{t({ zh: '使用规则', en: 'Rules' })}</Text>
        <LinesList id='ref-rules' lines={o.forFriend} />
      </View>

      {o.state === 'available' ? (
        <View className='card'>
          <Text className='para'>{t({ zh: '领取后，首次到店时在前台出示优惠码即可使用。', en: 'Take it, then show its code at reception on your first visit.' })}</Text>
          <Btn id='take-coupon' disabled={taking} onClick={onTake}>
            {taking ? t({ zh: '领取中…', en: 'Taking…' }) : t({ zh: '领取首诊优惠券', en: 'Take the coupon' })}
          </Btn>
        </View>
      ) : null}
    </View>
  )
}
