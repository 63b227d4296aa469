/**
 * Binding by a verified phone (issue 10, item 2): the person proves the phone, then picks which
 * record on it is theirs (a parent and children may share one phone) and confirms. A typed phone
 * alone never binds anything: the server binds only to a record on the phone verified just now.
 *  - weapp: WeChat's own `getPhoneNumber` button; its one-time code goes to the server, which
 *    exchanges it with WeChat. A text message code stays available as the other way.
 *  - H5 (local mode): the phone and a 6-digit code, which the local server delivers to this
 *    person's messages; one code a minute.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ButtonProps } from '@tarojs/components'
import type { BaseEventOrig } from '@tarojs/components/types/common'
import type { Persona, PhoneRecord, VerifiedPhone } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { isMobile } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { useT } from '../../i18n'
import { useCountdown } from './useCountdown'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** The server sends at most one code a minute to a phone; the button waits as long. */
const RESEND_WAIT_S = 60

export interface BindingStepProps {
  onBound: (persona: Persona) => void
  onError: (e: unknown) => void
  /** Shows the desk-code way (when the phone has no record yet). */
  onUseDeskCode: () => void
}

export function PhoneBinding({ onBound, onError, onUseDeskCode }: BindingStepProps) {
  const t = useT()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [resendAt, setResendAt] = useState<number | null>(null)
  const wait = useCountdown(resendAt)
  const [verified, setVerified] = useState<VerifiedPhone | null>(null)
  const [chosen, setChosen] = useState<PhoneRecord | null>(null)
  const [smsOnWeapp, setSmsOnWeapp] = useState(false)
  const flight = useSingleFlight<'send' | 'verify' | 'bind'>()
  const busy = flight.busyKey

  /** One call at a time: a second tap before React re-renders is ignored. */
  const run = (kind: 'send' | 'verify' | 'bind', call: () => Promise<void>) => flight.run(call, { key: kind, onError })

  const refuse = (message: BannerMessage) => onError(message)

  const showVerified = (v: VerifiedPhone) => {
    setVerified(v)
    const open = v.records.filter((r) => !r.yours)
    // One record on the phone: it is preselected, yet the person still confirms it is them.
    setChosen(open.length === 1 && v.records.length === 1 ? open[0] : null)
  }

  function sendCode() {
    const p = phone.trim()
    if (!isMobile(p)) return refuse({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
    void run('send', async () => {
      const sent = await callFunction('identity', 'sendPhoneCode', { phone: p })
      setSentTo(sent.maskedPhone)
      setResendAt(Date.now() + RESEND_WAIT_S * 1000)
      onError(null)
    })
  }

  function verify() {
    const p = phone.trim()
    const c = code.trim()
    if (!isMobile(p)) return refuse({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
    if (!/^\d{6}$/.test(c)) return refuse({ zh: '请输入 6 位验证码', en: 'Enter the 6-digit code', code: 'VALIDATION' })
    void run('verify', async () => {
      showVerified(await callFunction('identity', 'verifyPhone', { phone: p, code: c }))
      onError(null)
    })
  }

  /** weapp: WeChat answers the button with a one-time code (none when the person said no). */
  function onWeChatPhone(e: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) {
    const wxCode = e.detail?.code
    if (!wxCode) {
      setSmsOnWeapp(true)
      const denied = /deny|cancel/i.test(e.detail?.errMsg ?? '')
      return refuse(denied
        ? { zh: '您未允许使用微信手机号，可改用短信验证码', en: 'You did not share your WeChat phone number; use a text message code instead', code: 'VALIDATION' }
        : { zh: '未能获取微信手机号，请改用短信验证码', en: 'Could not get the phone number from WeChat; use a text message code instead', code: 'WECHAT_PHONE_FAILED' })
    }
    void run('verify', async () => {
      showVerified(await callFunction('identity', 'verifyWeChatPhone', { wxCode }))
      onError(null)
    })
  }

  function bind() {
    if (!chosen) return
    void run('bind', async () => {
      const { persona } = await callFunction('identity', 'bindVerified', { patientId: chosen.patientId })
      onBound(persona)
    })
  }

  if (verified) {
    return (
      <View id='bind-records' className='card'>
        <Text id='bind-verified' className='card__title'>{t({ zh: '已验证手机号 ', en: 'Verified phone ' })}{verified.maskedPhone}</Text>
        {verified.records.length === 0 ? (
          <View id='bind-no-records' className='notice notice--warn'>
            <Text className='para'>{t({ zh: '没有找到该手机号的就诊档案，请到前台办理', en: 'No clinic record has this phone; please ask at reception' })}</Text>
            <Text className='para small'>{t({ zh: '前台可为您出示绑定码，扫码即可绑定。', en: 'Reception can show you a binding code; scan it to link your record.' })}</Text>
          </View>
        ) : (
          <Text className='muted'>
            {verified.records.length > 1
              ? t({ zh: '这个手机号下有多份档案，请选择您本人的档案：', en: 'This phone has several records; choose your own:' })
              : t({ zh: '找到以下就诊档案：', en: 'We found this record:' })}
          </Text>
        )}
        {verified.records.map((r, i) => (
          <Btn
            key={r.patientId}
            id={`bind-record-${i}`}
            variant='plain'
            className={`bind-record ${chosen?.patientId === r.patientId ? 'bind-record--on' : ''}`}
            disabled={r.yours || busy !== null}
            onClick={() => setChosen(r)}
          >
            {r.name}{r.birthYear ? t({ zh: ` · ${r.birthYear} 年生`, en: ` · born ${r.birthYear}` }) : ''} · {r.clinicName}{r.yours ? t({ zh: ' · 已绑定', en: ' · linked' }) : ''}
          </Btn>
        ))}
        {chosen ? (
          <View id='bind-confirm-box' className='bind-confirm'>
            <Text className='para'>
              {t({ zh: '确认将您的微信绑定到「', en: 'Link your WeChat to the record of ' })}<Text id='bind-chosen-name'>{chosen.name}</Text>{t({ zh: '」的就诊档案？', en: '?' })}
            </Text>
            <Text className='para small muted'>
              {t({
                zh: '绑定后可在本小程序查看该档案的会员等级、消费、奖励金和消息。请只绑定您本人的档案，孩子等家人的档案由家庭主账户管理。',
                en: "Once linked, this app shows the record's membership, spending, bonus and messages. Link only your own record; a child's record is managed by the family owner.",
              })}
            </Text>
            <Btn id='bind-confirm' disabled={busy !== null} onClick={bind}>{busy === 'bind' ? t({ zh: '绑定中…', en: 'Linking…' }) : t({ zh: '确认绑定', en: 'Confirm' })}</Btn>
            {verified.records.length > 1 ? <Btn id='bind-choose-again' variant='plain' onClick={() => setChosen(null)}>{t({ zh: '重新选择', en: 'Choose again' })}</Btn> : null}
          </View>
        ) : null}
        {verified.records.length === 0 ? <Btn id='bind-goto-desk' variant='secondary' onClick={onUseDeskCode}>{t({ zh: '扫描前台绑定码', en: 'Scan the desk code' })}</Btn> : null}
        <Btn id='bind-other-phone' variant='plain' onClick={() => { setVerified(null); setChosen(null); setCode('') }}>{t({ zh: '换一个手机号', en: 'Use another phone' })}</Btn>
      </View>
    )
  }

  const smsForm = !isWeapp || smsOnWeapp
  return (
    <View id='bind-phone-box' className='card'>
      <Text className='card__title'>{t({ zh: '验证手机号', en: 'Verify your phone' })}</Text>
      <Text className='para small muted'>
        {t({ zh: '请使用在诊所登记的手机号。验证后，这个手机号下的就诊档案会列出供您选择。', en: 'Use the phone registered at the clinic. Once verified, the records on it are listed for you to choose.' })}
      </Text>
      {isWeapp ? (
        <Button id='bind-wechat-phone' className='btn btn--primary' openType='getPhoneNumber' disabled={busy !== null} onGetPhoneNumber={onWeChatPhone}>
          {busy === 'verify' ? t({ zh: '验证中…', en: 'Verifying…' }) : t({ zh: '使用微信手机号验证', en: 'Verify with my WeChat phone' })}
        </Button>
      ) : null}
      {isWeapp && !smsOnWeapp ? <Btn id='bind-use-sms' variant='plain' onClick={() => setSmsOnWeapp(true)}>{t({ zh: '使用短信验证码', en: 'Use a text message code' })}</Btn> : null}
      {smsForm ? (
        <View id='bind-sms-form'>
          <Text className='field-label'>{t({ zh: '手机号', en: 'Mobile number' })}</Text>
          <TextField id='bind-phone' kind='decimal' value={phone} onChange={setPhone} placeholder={t({ zh: '11 位手机号', en: '11 digits' })} />
          <Btn id='bind-send-code' variant='secondary' disabled={busy !== null || wait > 0} onClick={sendCode}>
            {busy === 'send'
              ? t({ zh: '发送中…', en: 'Sending…' })
              : wait > 0
                ? t({ zh: `${wait} 秒后可重新获取`, en: `Send again in ${wait} s` })
                : sentTo ? t({ zh: '重新获取验证码', en: 'Send a new code' }) : t({ zh: '获取验证码', en: 'Send me a code' })}
          </Btn>
          {sentTo ? (
            <View id='bind-code-sent' className='notice bind-sent'>
              <Text>{t({ zh: '验证码已发送至 ', en: 'Code sent to ' })}{sentTo}</Text>
              {isWeapp ? null : (
                <Text className='bind-link' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>{t({ zh: '在「消息」中查看 ›', en: 'See it in Messages ›' })}</Text>
              )}
            </View>
          ) : null}
          <Text className='field-label'>{t({ zh: '验证码', en: 'Code' })}</Text>
          <TextField id='bind-code' kind='decimal' value={code} onChange={setCode} placeholder={t({ zh: '6 位验证码', en: '6 digits' })} onConfirm={verify} />
          <Btn id='bind-verify' disabled={busy !== null} onClick={verify}>{busy === 'verify' ? t({ zh: '验证中…', en: 'Verifying…' }) : t({ zh: '验证', en: 'Verify' })}</Btn>
        </View>
      ) : null}
    </View>
  )
}
