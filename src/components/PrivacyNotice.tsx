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
import { useLang, useT } from '../i18n'
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

/** English readers: a faithful summary; the Chinese notice below is the text agreed to. */
const EN_NOTE = 'This notice is in Chinese; the Chinese text is the one you agree to. In short: we keep your patient record, '
  + 'visits and payments, membership and referral details and the messages we send, to bill you, give member discounts, '
  + 'friend cards and referral rewards, and send the reminders you subscribe to. Treatment details are sensitive: only the '
  + 'staff serving you see them as their work needs; friends see only the name you choose and the card or coupon. You can '
  + 'see and export all of it at any time under My data.'

type Step = 'checking' | 'asking' | 'declined' | 'done'

/** Pages stay mounted under the one on top: agreeing on one closes the notice on all of them. */
const onAgreed = new Set<() => void>()

export function PrivacyNotice() {
  const t = useT()
  const lang = useLang()
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
            {/* The notice itself exists in Chinese only (the version people agree to); say so in English. */}
            {lang === 'en' ? <Text id='privacy-en-note' className='privacy-sheet__summary'>{EN_NOTE}</Text> : null}
            <Text id='privacy-summary' className='privacy-sheet__summary'>{PRIVACY_NOTICE.summary}</Text>
            <View className='privacy-sheet__text'>
              {PRIVACY_NOTICE.sections.map((s) => (
                <View key={s.heading} className='privacy-section'>
                  <Text className='privacy-section__heading'>{s.heading}</Text>
                  {s.paragraphs.map((p) => <Text key={p} className='privacy-section__para'>{p}</Text>)}
                </View>
              ))}
              <Text className='privacy-section__para muted'>{t({ zh: '生效日期：', en: 'In effect from: ' })}{PRIVACY_NOTICE.effectiveOn}</Text>
            </View>
            {error ? <Text id='privacy-error' className='privacy-sheet__error'>{t(error)}</Text> : null}
            <Btn id='privacy-accept' onClick={() => void agree()} disabled={busy}>{busy ? t({ zh: '正在记录…', en: 'Saving…' }) : t({ zh: '同意', en: 'I agree' })}</Btn>
            <Btn id='privacy-decline' variant='plain' onClick={() => setStep('declined')} disabled={busy}>{t({ zh: '不同意', en: 'I do not agree' })}</Btn>
          </View>
        ) : (
          <View id='privacy-declined'>
            <Text className='privacy-sheet__summary'>
              {t({
                zh: '不同意本告知书，我们就无法为您提供会员服务：查看会员信息、会员码、亲友卡、优惠券、推荐奖励和消息提醒都需要处理您的个人信息。',
                en: 'Without your agreement we cannot offer the member services: your membership, member code, friend cards, coupons, referral rewards and reminders all need your personal information.',
              })}
            </Text>
            <Text className='privacy-sheet__summary'>{t({ zh: '您可以重新阅读后再决定，也可以暂时离开；以后打开时我们会再次询问。', en: 'You can read it again and decide, or leave for now; we will ask again next time.' })}</Text>
            <Btn id='privacy-back' onClick={() => setStep('asking')}>{t({ zh: '重新阅读', en: 'Read it again' })}</Btn>
            <Btn id='privacy-leave' variant='plain' onClick={leave}>{t({ zh: '暂不使用', en: 'Not now' })}</Btn>
          </View>
        )}
      </View>
    </View>
  )
}
