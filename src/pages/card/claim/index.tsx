/**
 * The friend's landing page (F3): where a shared card link opens, `pages/card/claim/index?t=<token>`.
 * `friendcard.offer` → the giver's display name and the offer, nothing else about the giver (C2);
 * the face value, balance, expiry and the full rules (C1); then, by availability, the claim
 * button or why the card cannot be claimed.
 *
 * Reminder consent (F6, N3) is asked at the friend's own tap and never assumed: on weapp WeChat's
 * subscribe dialog (refusal = no reminders), on H5 a tick box that starts unticked.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CardOffer } from '../../../api/contract'
import { formatMoney } from '../../../domain/policy-money'
import { ApiError, callFunction } from '../../../services/cloud'
import { clinicDate, queryParam } from '../../../services/format'
import { askCardReminderConsent, cardReminderTemplate } from '../../../services/subscribe'
import { Loading, PageShell } from '../../../components/PageShell'
import { COMMON, useT } from '../../../i18n'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { CardRulesList } from '../../../components/CardRules'
import { Btn, CheckField } from '../../../components/controls'
import { takeEarly } from '../../../services/early'
import { useLoad, usePersonaKey, useSingleFlight } from '../../../components/hooks'
import { CLAIM_NEXT, CLAIM_TEXT as T, STATE_TEXT } from './texts'
import './index.css'

const isH5 = process.env.TARO_ENV === 'h5'

const NO_TOKEN = new ApiError('CARD_NOT_FOUND', T.noToken)

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
  const { busy: claiming, run } = useSingleFlight()

  async function claim() {
    await run(async () => {
      setError(null)
      // weapp: WeChat's dialog must open from this tap, before anything else is awaited.
      const consent = isH5 ? acceptReminders : await askCardReminderConsent()
      const next = await callFunction('friendcard', 'claim', { token, acceptReminders: consent })
      setClaimed(next)
    }, {
      onError: (err) => {
        setError(err)
        // Someone else was faster, or the card changed: show what it is now.
        if (err.code.startsWith('CARD_')) {
          setClaimed(null)
          reload()
        }
      },
    })
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
          <Text id='offer-giver' className='offer-giver'>{o.giverDisplayName}</Text>{t(T.sends)}
        </Text>
        <Text id='offer-value' className='fcard__value'>{formatMoney(o.faceValueFen, o.chain.currency)}</Text>
        {live ? <Text id='offer-balance' className='fcard__meta'>{t(T.balance)}{formatMoney(o.balanceFen, o.chain.currency)}</Text> : null}
        {live || o.availability === 'own' || o.availability === 'expired' ? (
          <Text id='offer-expiry' className='fcard__meta'>{o.expiresAt ? t(T.validUntil(clinicDate(o.expiresAt, o.chain.utcOffsetMinutes))) : t(T.noExpiry)}</Text>
        ) : null}
      </View>

      <View id='offer-state' className={`notice ${state.tone ? `notice--${state.tone}` : ''}`}>
        <Text id={o.availability === 'taken' ? 'card-taken' : undefined}>{t(state)}</Text>
      </View>

      {o.availability === 'yours' && o.cardId ? (
        <Btn id='goto-card-code' onClick={() => void Taro.navigateTo({ url: CLAIM_NEXT.cardCode(o.cardId!) })}>
          {t(T.showCode)}
        </Btn>
      ) : null}
      {o.availability === 'yours' ? (
        // Issue 12: the friend's next step — where the clinics are, and asking for a visit (F5 registers the card there).
        <View id='next-step' className='notice'>
          <Text className='para'>{t(T.nextStep)}</Text>
          <Btn id='goto-clinics' onClick={() => void Taro.navigateTo({ url: CLAIM_NEXT.clinics })}>{t(T.bookVisit)}</Btn>
        </View>
      ) : null}
      {o.availability === 'yours' ? (
        <Btn id='goto-bind' variant='plain' onClick={() => void Taro.navigateTo({ url: CLAIM_NEXT.bind })}>{t(T.linkRecord)}</Btn>
      ) : null}
      {o.availability === 'own' ? (
        <Btn id='goto-cards' variant='secondary' onClick={() => void Taro.navigateTo({ url: CLAIM_NEXT.cards })}>
          {t(T.goShare)}
        </Btn>
      ) : null}

      {/* C1: the full rules before the friend decides. */}
      <View className='card'>
        <Text className='card__title'>{t(T.rules)}</Text>
        <CardRulesList id='offer-rules' rules={o.rules} />
      </View>

      {o.availability === 'available' ? (
        <View className='card'>
          <Text className='para'>{t(T.howTo)}</Text>
          {isH5 ? (
            <CheckField id='accept-reminders' checked={acceptReminders} onChange={onAcceptReminders}>
              {t(T.remindMe)}
            </CheckField>
          ) : cardReminderTemplate() ? (
            <Text className='muted small'>{t({ zh: '领取时微信会询问是否接收到期提醒，可以拒绝。', en: 'WeChat asks whether to send you an expiry reminder; you may say no.' })}</Text>
          ) : null}
          <Btn id='claim-btn' disabled={claiming} onClick={onClaim}>
            {claiming ? t(T.claiming) : t(T.claim)}
          </Btn>
        </View>
      ) : null}
    </View>
  )
}
