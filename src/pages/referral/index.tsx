/**
 * The referral landing (R1, R2, R6, C1, C2): where a shared referral link opens,
 * `pages/referral/index?c=<code>`. `referral.offer` → the referrer's display name and the offer,
 * nothing else about the referrer (C2): ¥300 off the first visit plus a gift, the validity and the
 * full rules (C1). By state: the button to take the coupon (the friend's own tap; the device hint
 * goes with it for R6), the way to the coupon once it is theirs, or a plain text why not.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ReferralOffer } from '../../api/contract'
import { formatMoney } from '../../domain/policy-money'
import { giftWords } from '../../domain/policy'
import { ApiError, callFunction } from '../../services/cloud'
import { queryParam } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { takeEarly } from '../../services/early'
import { useLoad, usePersonaKey, useSingleFlight } from '../../components/hooks'
import { LinesList, deviceHint } from './shared'
import { REFERRAL_NEXT, REFERRAL_TEXT as T, STATE_TEXT } from './texts'
import './index.css'

const NO_CODE = new ApiError('REFERRAL_CODE_UNKNOWN', T.noCode)

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
  const { busy: taking, run } = useSingleFlight()
  const personaKey = usePersonaKey()
  useEffect(() => {
    // Local mode: another person picked in the switcher starts from the offer again.
    setTaken(null)
    setError(null)
  }, [personaKey])
  const offer = taken ?? load.data ?? null

  async function take() {
    if (!offer) return
    await run(async () => {
      setError(null)
      const device = deviceHint()
      const coupon = await callFunction('referral', 'takeCoupon', device ? { code, device } : { code })
      setTaken({ ...offer, state: 'yours', couponId: coupon.couponId })
    }, {
      onError: (err) => {
        setError(err)
        // The answer changed meanwhile (taken elsewhere, now a patient): show what it is now.
        if (err.code.startsWith('REFERRAL_') || err.code.startsWith('COUPON_')) {
          setTaken(null)
          reload()
        }
      },
    })
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
          <Text id='ref-referrer' className='ref-referrer'>{o.referrerDisplayName}</Text>{t(T.recommends)}
        </Text>
        <Text id='ref-discount' className='fcard__value'>{formatMoney(o.discountFen, o.chain.currency)}</Text>
        <Text id='ref-gift' className='fcard__meta'>{t(T.offer(gift))}</Text>
        <Text id='ref-validity' className='fcard__meta'>{t(T.validity(o.validMonths))}</Text>
      </View>

      <View id='offer-state' className={`notice ${state.tone ? `notice--${state.tone}` : ''}`}>
        <Text>{t(state)}</Text>
      </View>

      {o.state === 'yours' ? (
        <Btn
          id='goto-coupon'
          onClick={() => void Taro.navigateTo({ url: REFERRAL_NEXT.coupon(o.couponId) })}
        >
          {t(T.showCoupon)}
        </Btn>
      ) : null}
      {o.state === 'yours' ? (
        <Btn id='goto-bind' variant='plain' onClick={() => void Taro.navigateTo({ url: REFERRAL_NEXT.bind })}>{t(T.linkRecord)}</Btn>
      ) : null}
      {o.state === 'own' ? (
        <Btn id='goto-referral-card' variant='secondary' onClick={() => void Taro.navigateTo({ url: REFERRAL_NEXT.referralCard })}>
          {t(T.myReferralCard)}
        </Btn>
      ) : null}
      {o.state === 'taken' ? (
        <Btn id='goto-coupons' variant='secondary' onClick={() => void Taro.navigateTo({ url: REFERRAL_NEXT.coupons })}>
          {t(T.myCoupons)}
        </Btn>
      ) : null}

      {/* C1: the full rules before the friend decides. */}
      <View className='card'>
        <Text className='card__title'>{t(T.rules)}</Text>
        <LinesList id='ref-rules' lines={o.forFriend} />
      </View>

      {o.state === 'available' ? (
        <View className='card'>
          <Text className='para'>{t(T.howTo)}</Text>
          <Btn id='take-coupon' disabled={taking} onClick={onTake}>
            {taking ? t(T.taking) : t(T.take)}
          </Btn>
        </View>
      ) : null}
    </View>
  )
}
