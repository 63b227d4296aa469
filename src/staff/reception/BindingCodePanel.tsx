/**
 * Desk binding with proof of presence (issue 10, item 3): reception shows a patient a one-time
 * binding code (signed, short-lived, single use) as a QR and as text; the patient scans it in the
 * mini-program's 绑定就诊档案 page (or pastes the text on H5) and is bound.
 *
 * Also the desk's answer when a registration names a phone that already has a record
 * (PHONE_HAS_RECORD): never link a WeChat identity to that record silently, offer its binding code.
 */
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { BindingCode } from '../../api/contract'
import { callFunction, isApiError, toApiError } from '../../services/cloud'
import type { BannerMessage } from '../../components/ErrorBanner'
import { QrCode } from '../../components/QrCode'
import { useSingleFlight } from '../../components/hooks'
import { Btn } from '../../components/controls'
import { useCountdown } from '../../pages/bind/useCountdown'
import './BindingCodePanel.css'
import { useT } from '../../i18n'

/**
 * What the desk's error banner shows for what these panels report: null clears it, a message made
 * on this page ({ zh, en, code }) shows as is, anything thrown shows as the server put it.
 */
export function bannerOf(e: unknown): BannerMessage | null {
  if (e === null) return null
  if (!isApiError(e) && typeof e === 'object' && 'zh' in e && 'en' in e) return e as BannerMessage
  return toApiError(e)
}

/** The record a registration's phone already belongs to, when the server said PHONE_HAS_RECORD. */
export interface ExistingRecord { patientId: string; recordNo: string }

export function phoneHasRecord(e: unknown): ExistingRecord | null {
  if (!isApiError(e) || e.code !== 'PHONE_HAS_RECORD') return null
  const { patientId, recordNo } = e.details ?? {}
  return typeof patientId === 'string' ? { patientId, recordNo: typeof recordNo === 'string' ? recordNo : '' } : null
}

/**
 * The code for one patient, fetched when shown and again on "重新生成". It is not renewed by
 * itself: a code replaced while the patient is typing it would only fail them.
 */
export function BindingCodePanel({ patientId, patientName, onClose, onError }: {
  patientId: string
  patientName?: string
  onClose: () => void
  onError: (e: unknown) => void
}) {
  const t = useT()
  const [held, setHeld] = useState<{ code: BindingCode; deadline: number } | null>(null)
  const seconds = useCountdown(held?.deadline ?? null)
  const { busy, run } = useSingleFlight()
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  async function fetchCode() {
    await run(async () => {
      const code = await callFunction('reception', 'bindingCode', { patientId })
      // Counted on this device's clock from arrival: the server's clock may differ from it.
      setHeld({ code, deadline: Date.now() + Math.max(1, code.ttlSeconds) * 1000 })
    }, {
      onError: (e) => {
        setHeld(null)
        onErrorRef.current(e)
      },
    })
  }

  useEffect(() => {
    setHeld(null)
    void fetchCode()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one code per patient shown
  }, [patientId])

  const expired = held !== null && seconds === 0
  const name = held?.code.patientName ?? patientName ?? ''
  return (
    <View id='binding-panel' className='binding'>
      <Text className='card__title register__title'>{t({ zh: '绑定码', en: 'Binding code' })}{name ? ` · ${name}` : ''}</Text>
      {held ? (
        <View className='binding__code'>
          <QrCode id='binding-qr' text={held.code.token} className={expired ? 'qr--stale' : ''} />
          <Text id='binding-countdown' className='code-countdown'>{expired ? t({ zh: '已过期，请重新生成', en: 'Expired: make a new one' }) : t({ zh: `${seconds} 秒内有效，仅可使用一次`, en: `Valid for ${seconds} s, once only` })}</Text>
          <Text className='muted small'>{t({ zh: '请患者打开小程序「绑定就诊档案」，选择「扫描前台绑定码」扫描上方二维码，或粘贴下方绑定码。', en: 'Ask the patient to open “Link my record” in the mini-program, choose “Scan the desk’s code” and scan the QR above, or paste the code below.' })}</Text>
          <Text id='binding-token' className='code-text' selectable userSelect>{held.code.token}</Text>
        </View>
      ) : (
        <Text className='muted'>{busy ? t({ zh: '正在生成…', en: 'Making the code…' }) : t({ zh: '未能生成绑定码', en: 'No binding code could be made' })}</Text>
      )}
      <View className='row'>
        <Btn id='binding-renew' variant='secondary' disabled={busy} onClick={() => void fetchCode()}>{t({ zh: '重新生成', en: 'Make a new one' })}</Btn>
        <Btn id='binding-close' variant='plain' onClick={onClose}>{t({ zh: '关闭', en: 'Close' })}</Btn>
      </View>
    </View>
  )
}

/**
 * PHONE_HAS_RECORD at the desk: the phone belongs to a record. If it is this person's own record,
 * show them its binding code; if a family member shares the phone (walk-ins only), a new record
 * may still be made on purpose.
 */
export function PhoneHasRecordNotice({ existing, onSharedPhone, onError }: {
  existing: ExistingRecord
  onSharedPhone?: () => void
  onError: (e: unknown) => void
}) {
  const t = useT()
  const [showCode, setShowCode] = useState(false)
  const rec = existing.recordNo
  return (
    <View id='phone-has-record' className='notice notice--warn phone-has-record'>
      <Text className='para'>{t({ zh: `该手机号已有就诊档案${rec ? `（病历号 ${rec}）` : ''}，不能再登记为新患者。`, en: `This phone already has a patient record${rec ? ` (record no. ${rec})` : ''}; it cannot be registered as a new patient.` })}</Text>
      <Text className='para small'>{t({ zh: '如是本人，请出示绑定码，让患者在小程序中扫码绑定。', en: 'If it is theirs, show the binding code for them to scan in the mini-program.' })}</Text>
      {showCode ? (
        <BindingCodePanel patientId={existing.patientId} onClose={() => setShowCode(false)} onError={onError} />
      ) : (
        <Btn id='phone-has-record-bind' variant='secondary' onClick={() => setShowCode(true)}>{t({ zh: '出示绑定码', en: 'Show the binding code' })}</Btn>
      )}
      {onSharedPhone ? (
        <Btn id='walkin-shared-phone' variant='plain' onClick={onSharedPhone}>{t({ zh: '家人共用此手机号，仍新建档案', en: 'A family member shares this phone: make a new record' })}</Btn>
      ) : null}
    </View>
  )
}
