/**
 * The friend's landing page (F3): where a shared card link opens, `pages/card/claim/index?t=<token>`.
 * `friendcard.offer` → the giver's display name and the offer, nothing else about the giver (C2);
 * the face value, balance, expiry and the full rules (C1); then, by availability, the claim
 * button or why the card cannot be claimed.
 *
 * Reminder consent (F6, N3) is asked at the friend's own tap and never assumed: on weapp WeChat's
 * subscribe dialog (refusal = no reminders), on H5 a tick box that starts unticked.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CardAvailability, CardOffer } from '../../../api/contract'
import { formatFen } from '../../../domain/money'
import { ApiError, callFunction, toApiError } from '../../../services/cloud'
import { clinicDate, queryParam } from '../../../services/format'
import { askCardReminderConsent, cardReminderTemplate } from '../../../services/subscribe'
import { Loading, PageShell } from '../../../components/PageShell'
import { COMMON, useT, type Msg } from '../../../i18n'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { CardRulesList } from '../../../components/CardRules'
import { Btn, CheckField } from '../../../components/controls'
import { takeEarly } from '../../../services/early'
import { useLoad, usePersonaKey } from '../../../components/hooks'
import './index.css'

const isH5 = process.env.TARO_ENV === 'h5'

/** What the friend reads for each availability (F3, F4, F5). */
const STATE_TEXT: Record<CardAvailability, Msg & { tone: '' | 'warn' | 'over' }> = {
  available: { zh: '可以领取', en: 'You can claim this card', tone: '' },
  yours: { zh: '已领取，这张卡是您的了', en: 'Claimed: this card is yours', tone: '' },
  taken: { zh: '这张卡已被领取', en: 'This card has already been claimed by someone else', tone: 'warn' },
  own: { zh: '这是您赠出的卡，请分享给朋友', en: 'This is the card you are giving; send it to a friend', tone: 'warn' },
  expired: { zh: '这张卡已过期，无法领取', en: 'This card has expired and can no longer be claimed', tone: 'over' },
  revoked: { zh: '这张卡已被诊所作废，无法领取', en: 'The clinic has withdrawn this card', tone: 'over' },
  used_up: { zh: '这张卡的余额已用完', en: 'This card has been used up', tone: 'over' },
}

const NO_TOKEN = new ApiError('CARD_NOT_FOUND', { zh: '链接不完整，请让朋友重新分享', en: 'The link is incomplete; ask your friend to send it again' })

export default function ClaimPage() {
  const t = useT()
  const router = useRouter()
  const token = queryParam(router.params, 't')
  // Issue 12, speed: the app asked already when it started (services/early.ts); take that answer once.
  const [early] = useState(() => (token ? takeEarly('friendcard', 'offer', { token }) : undefined))
  const [load, reload] = useLoad(async () => {
    if (!token) throw NO_TOKEN
    return callFunction('friendcard', 'offer', { token })
  }, early)
  const [claimed, setClaimed] = useState<CardOffer | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [claiming, setClaiming] = useState(false)
  const [acceptReminders, setAcceptReminders] = useState(false)
  const personaKey = usePersonaKey()
  useEffect(() => {
    // Local mode: another person picked in the switcher starts from the offer again.
    setClaimed(null)
    setError(null)
    setAcceptReminders(false)
  }, [personaKey])

  const offer = claimed ?? load.data ?? null

  /** A second tap before React re-renders is ignored (the button is disabled after the first). */
  const claimLock = useRef(false)

  async function claim() {
    if (claimLock.current) return
    claimLock.current = true
    setClaiming(true)
    setError(null)
    try {
      // weapp: WeChat's dialog must open from this tap, before anything else is awaited.
      const consent = isH5 ? acceptReminders : await askCardReminderConsent()
      const next = await callFunction('friendcard', 'claim', { token, acceptReminders: consent })
      setClaimed(next)
    } catch (e) {
      const err = toApiError(e)
      setError(err)
      // Someone else was faster, or the card changed: show what it is now.
      if (err.code.startsWith('CARD_')) {
        setClaimed(null)
        reload()
      }
    } finally {
      claimLock.current = false
      setClaiming(false)
    }
  }

  return (
    <PageShell title='亲友储值卡' subtitle='A friends card, a gift from the clinic'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {!offer && load.state === 'loading' ? <Loading /> : null}
      {load.state === 'error' && load.error.code === 'NETWORK' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {offer ? (
        <OfferView
          offer={offer}
          claiming={claiming}
          acceptReminders={acceptReminders}
          onAcceptReminders={setAcceptReminders}
          onClaim={() => void claim()}
        />
      ) : null}
    </PageShell>
  )
}

function OfferView({ offer: o, claiming, acceptReminders, onAcceptReminders, onClaim }: {
  offer: CardOffer
  claiming: boolean
  acceptReminders: boolean
  onAcceptReminders: (v: boolean) => void
  onClaim: () => void
}) {
  const t = useT()
  const state = STATE_TEXT[o.availability]
  const live = o.availability === 'available' || o.availability === 'yours'
  return (
    <View className='stack'>
      <View className={`fcard ${live ? '' : 'fcard--over'}`}>
        <Text className='fcard__label'>
          <Text id='offer-giver' className='offer-giver'>{o.giverDisplayName}</Text>{t({ zh: ' 送您一张亲友储值卡', en: ' sends you a friends card' })}
        </Text>
        <Text id='offer-value' className='fcard__value'>{formatFen(o.faceValueFen)}</Text>
        {live ? <Text id='offer-balance' className='fcard__meta'>{t({ zh: '可用余额 ', en: 'Balance ' })}{formatFen(o.balanceFen)}</Text> : null}
        {live || o.availability === 'own' || o.availability === 'expired' ? (
          <Text id='offer-expiry' className='fcard__meta'>{o.expiresAt ? t({ zh: `有效期至 ${clinicDate(o.expiresAt)}`, en: `Valid until ${clinicDate(o.expiresAt)}` }) : t({ zh: '已到店登记，长期有效', en: 'Registered at the clinic: no expiry' })}</Text>
        ) : null}
      </View>

      <View id='offer-state' className={`notice ${state.tone ? `notice--${state.tone}` : ''}`}>
        <Text id={o.availability === 'taken' ? 'card-taken' : undefined}>{t(state)}</Text>
      </View>

      {o.availability === 'yours' && o.cardId ? (
        <Btn id='goto-card-code' onClick={() => void Taro.navigateTo({ url: `/pages/card/code/index?cardId=${encodeURIComponent(o.cardId!)}` })}>
          {t({ zh: '出示付款码', en: 'Show the code' })}
        </Btn>
      ) : null}
      {o.availability === 'yours' ? (
        // Issue 12: the friend's next step — where the clinics are, and asking for a visit (F5 registers the card there).
        <View id='next-step' className='notice'>
          <Text className='para'>{t({ zh: '下一步：预约到店，首次到店登记后卡片长期有效。', en: 'Next: book a visit; once you register there the card no longer expires.' })}</Text>
          <Btn id='goto-clinics' onClick={() => void Taro.navigateTo({ url: '/pages/clinics/index' })}>{t({ zh: '下一步：预约到店', en: 'Next: book a visit' })}</Btn>
        </View>
      ) : null}
      {o.availability === 'yours' ? (
        <Btn id='goto-bind' variant='plain' onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>{t({ zh: '已在诊所就诊过？绑定档案', en: 'Been to our clinic before? Link your record' })}</Btn>
      ) : null}
      {o.availability === 'own' ? (
        <Btn id='goto-cards' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/cards/index' })}>
          {t({ zh: '去我的亲友卡分享', en: 'Go to my cards to share it' })}
        </Btn>
      ) : null}

      {/* C1: the full rules before the friend decides. */}
      <View className='card'>
        <Text className='card__title'>{t({ zh: '使用规则', en: 'Rules' })}</Text>
        <CardRulesList id='offer-rules' rules={o.rules} />
      </View>

      {o.availability === 'available' ? (
        <View className='card'>
          <Text className='para'>{t({ zh: '领取后，到任一家牙友口腔出示付款码即可使用；首次到店登记后长期有效。', en: 'Claim it, then show its code at any of our clinics. Once you register at your first visit it no longer expires.' })}</Text>
          {isH5 ? (
            <CheckField id='accept-reminders' checked={acceptReminders} onChange={onAcceptReminders}>
              {t({ zh: '卡片到期前提醒我（可选）', en: 'Remind me before it expires (optional)' })}
            </CheckField>
          ) : cardReminderTemplate() ? (
            <Text className='muted small'>{t({ zh: '领取时微信会询问是否接收到期提醒，可以拒绝。', en: 'WeChat asks whether to send you an expiry reminder; you may say no.' })}</Text>
          ) : null}
          <Btn id='claim-btn' disabled={claiming} onClick={onClaim}>
            {claiming ? t({ zh: '领取中…', en: 'Claiming…' }) : t({ zh: '领取', en: 'Claim this card' })}
          </Btn>
        </View>
      ) : null}
    </View>
  )
}
