/**
 * C2: the privacy notice at first use, over every main-package page (PageShell), for members and
 * guests alike, until this WeChat user agrees to the current version. 同意 records it on the
 * server (`privacy.accept`); 不同意 explains that member features need it and lets the person
 * read again or leave — never trapped, never nagged with anything but the notice itself.
 *
 * Where "already agreed" comes from: this device's storage first (no round trip on each page).
 * weapp storage belongs to one WeChat user, so a new phone simply asks again. The H5 local mode
 * switches between demo people in one browser, so there the server's answer (`privacy.notice`)
 * decides, per persona. The text ships with the app (src/domain/privacy-notice.ts), so the notice
 * shows even before any call succeeds.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../domain/privacy-notice'
import { callFunction, toApiError, type ApiError } from '../services/cloud'
import { currentOpenid } from '../services/persona'
import { usePersonaKey } from './hooks'
import { Btn } from './controls'
import './PrivacyNotice.css'

const isH5 = process.env.TARO_ENV === 'h5'
const storageKey = () => (isH5 ? `yayou.privacy.${currentOpenid() ?? 'guest'}` : 'yayou.privacy')

function agreedHere(): boolean {
  try {
    return Taro.getStorageSync(storageKey()) === PRIVACY_NOTICE_VERSION
  } catch {
    return false
  }
}

function rememberHere(): void {
  try {
    Taro.setStorageSync(storageKey(), PRIVACY_NOTICE_VERSION)
  } catch {
    // Storage full or unavailable: the notice asks again next time, which is harmless.
  }
}

type Step = 'checking' | 'asking' | 'declined' | 'done'

/** Pages stay mounted under the one on top: agreeing on one closes the notice on all of them. */
const onAgreed = new Set<() => void>()

export function PrivacyNotice() {
  const personaKey = usePersonaKey()
  const [step, setStep] = useState<Step>(() => (agreedHere() ? 'done' : isH5 ? 'checking' : 'asking'))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    const close = () => setStep('done')
    onAgreed.add(close)
    return () => { onAgreed.delete(close) }
  }, [])

  useEffect(() => {
    if (agreedHere() || !isH5) {
      setStep(agreedHere() ? 'done' : 'asking')
      return undefined
    }
    let live = true
    setStep('checking')
    callFunction('privacy', 'notice', {}).then(
      (s) => {
        if (!live) return
        if (s.acceptedVersion === PRIVACY_NOTICE_VERSION) {
          rememberHere()
          setStep('done')
        } else setStep('asking')
      },
      () => { if (live) setStep('asking') },
    )
    return () => { live = false }
  }, [personaKey])

  if (step === 'done' || step === 'checking') return null

  const agree = async () => {
    setBusy(true)
    setError(null)
    try {
      await callFunction('privacy', 'accept', { version: PRIVACY_NOTICE_VERSION })
      rememberHere()
      onAgreed.forEach((close) => close())
    } catch (e) {
      const err = toApiError(e)
      // H5 with no local persona: nobody to record it for; this browser remembers it.
      if (isH5 && !currentOpenid() && err.code === 'UNAUTHENTICATED') {
        rememberHere()
        onAgreed.forEach((close) => close())
      } else setError(err)
    } finally {
      setBusy(false)
    }
  }

  const leave = () => {
    if (isH5) setStep('done') // this page only: the notice comes back on the next one
    else void Taro.exitMiniProgram().catch(() => setStep('asking'))
  }

  return (
    <View id='privacy-notice' className='privacy-mask'>
      <View className='privacy-sheet'>
        <Text className='privacy-sheet__title'>{PRIVACY_NOTICE.title}</Text>
        {step === 'asking' ? (
          <View>
            <Text id='privacy-summary' className='privacy-sheet__summary'>{PRIVACY_NOTICE.summary}</Text>
            <View className='privacy-sheet__text'>
              {PRIVACY_NOTICE.sections.map((s) => (
                <View key={s.heading} className='privacy-section'>
                  <Text className='privacy-section__heading'>{s.heading}</Text>
                  {s.paragraphs.map((p) => <Text key={p} className='privacy-section__para'>{p}</Text>)}
                </View>
              ))}
              <Text className='privacy-section__para muted'>生效日期：{PRIVACY_NOTICE.effectiveOn}</Text>
            </View>
            {error ? <Text id='privacy-error' className='privacy-sheet__error'>{error.zh}</Text> : null}
            <Btn id='privacy-accept' onClick={() => void agree()} disabled={busy}>{busy ? '正在记录…' : '同意'}</Btn>
            <Btn id='privacy-decline' variant='plain' onClick={() => setStep('declined')} disabled={busy}>不同意</Btn>
          </View>
        ) : (
          <View id='privacy-declined'>
            <Text className='privacy-sheet__summary'>
              不同意本告知书，我们就无法为您提供会员服务：查看会员信息、会员码、亲友卡、优惠券、推荐奖励和消息提醒都需要处理您的个人信息。
            </Text>
            <Text className='privacy-sheet__summary'>您可以重新阅读后再决定，也可以暂时离开；以后打开时我们会再次询问。</Text>
            <Btn id='privacy-back' onClick={() => setStep('asking')}>重新阅读</Btn>
            <Btn id='privacy-leave' variant='plain' onClick={leave}>暂不使用</Btn>
          </View>
        )}
      </View>
    </View>
  )
}
