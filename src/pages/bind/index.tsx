/**
 * 绑定就诊档案 (issue 10, items 2 and 3): a WeChat user who is already a patient of the clinic
 * binds their WeChat to their record, only with proof — a verified phone (then they pick which
 * record on it is theirs) or the one-time code the desk shows in person. Once bound, the member
 * home opens (reLaunch: the guest pages before it no longer apply).
 *
 * Opened from the guest home, from a friend's next step after claiming a card or taking a coupon,
 * or by WeChat's camera with the desk code as `b` (`/pages/bind/index?b=<token>`).
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Persona } from '../../api/contract'
import { callFunction, isApiError, toApiError } from '../../services/cloud'
import { queryParam } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad, usePersonaKey } from '../../components/hooks'
import { PhoneBinding } from './PhoneBinding'
import { DeskCodeBinding } from './DeskCodeBinding'
import './index.css'

type Way = 'phone' | 'desk'

const HOME = '/pages/index/index'

/** A message made here ({ zh, en }) is shown as is; anything thrown is shown as the server put it. */
const asBanner = (e: unknown): BannerMessage | null => {
  if (e === null) return null
  if (!isApiError(e) && typeof e === 'object' && 'zh' in e && 'en' in e) return e as BannerMessage
  return toApiError(e)
}

export default function BindPage() {
  const t = useT()
  const router = useRouter()
  const fromLink = queryParam(router.params, 'b')
  const [who, reload] = useLoad(() => callFunction('identity', 'whoami', {}))
  const [way, setWay] = useState<Way>(fromLink ? 'desk' : 'phone')
  const [error, setError] = useState<BannerMessage | null>(null)
  const [bound, setBound] = useState<Extract<Persona, { kind: 'patient' }> | null>(null)
  const personaKey = usePersonaKey()
  useEffect(() => {
    // Local mode: another person picked in the switcher starts again.
    setError(null)
    setBound(null)
  }, [personaKey])

  function onBound(persona: Persona) {
    setError(null)
    if (persona.kind !== 'patient') {
      // The server bound nothing it could show: say so rather than open a home that is not theirs.
      setError({ zh: '绑定未完成，请重试或到前台办理', en: 'The binding did not complete; try again or ask at the desk', code: 'INTERNAL' })
      reload()
      return
    }
    setBound(persona)
    // A moment to read the confirmation, then the member home, fresh (the guest pages are gone).
    setTimeout(() => void Taro.reLaunch({ url: HOME }), 600)
  }

  const report = (e: unknown) => setError(asBanner(e))
  const persona = who.state === 'ready' ? who.data.persona : null

  return (
    <PageShell title='绑定就诊档案' subtitle='Link your clinic record'>
      <ErrorBanner error={error ?? (who.state === 'error' ? who.error : null)} onClose={error ? () => setError(null) : undefined} />
      {who.state === 'loading' && !persona ? <Loading /> : null}
      {who.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}

      {bound ? (
        <View id='bind-done' className='notice'>
          <Text>{t({ zh: `绑定成功，欢迎您，${bound.name}`, en: `Linked. Welcome, ${bound.name}` })}</Text>
        </View>
      ) : null}

      {!bound && persona?.kind === 'patient' ? (
        <View id='bind-already' className='card'>
          <Text className='para'>{t({ zh: `您的微信已绑定「${persona.name}」的就诊档案。`, en: `Your WeChat is already linked to the record of ${persona.name}.` })}</Text>
          <Btn id='bind-home' onClick={() => void Taro.reLaunch({ url: HOME })}>{t({ zh: '返回首页', en: 'Home' })}</Btn>
        </View>
      ) : null}

      {!bound && persona?.kind === 'staff' ? (
        <View id='bind-staff' className='card'>
          <Text className='para'>{t({ zh: '您正在使用员工账号，无需绑定就诊档案。', en: 'You are using a staff account; there is no record to link.' })}</Text>
        </View>
      ) : null}

      {!bound && persona?.kind === 'guest' ? (
        <View className='stack'>
          <View id='bind-ways' className='bind-ways'>
            <Btn id='bind-tab-phone' variant='plain' className={`chip ${way === 'phone' ? 'chip--on' : ''}`} onClick={() => { setWay('phone'); setError(null) }}>
              {t({ zh: '验证手机号', en: 'Verify your phone' })}
            </Btn>
            <Btn id='bind-tab-desk' variant='plain' className={`chip ${way === 'desk' ? 'chip--on' : ''}`} onClick={() => { setWay('desk'); setError(null) }}>
              {t({ zh: '扫描前台绑定码', en: 'Scan the desk code' })}
            </Btn>
          </View>
          {way === 'phone'
            ? <PhoneBinding onBound={onBound} onError={report} onUseDeskCode={() => { setWay('desk'); setError(null) }} />
            : <DeskCodeBinding onBound={onBound} onError={report} fromLink={fromLink} />}
          <Text className='para small muted'>
            {t({
              zh: '我们只会把您的微信绑定到您本人的档案：需要验证在诊所登记的手机号，或由前台当面出示绑定码。',
              en: 'We link your WeChat only to your own record: verify the phone registered at the clinic, or have reception show you a code in person.',
            })}
          </Text>
        </View>
      ) : null}
    </PageShell>
  )
}
