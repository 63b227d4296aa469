/**
 * N4 at the door, on the event day: who said they are coming (phones masked, C2) and check-in by
 * the member's code (S1: scanned, or its text pasted) or the typed record number, as at reception.
 * A second scan of the same person changes nothing and says so.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Attendee, MemberEvent } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

const isWeapp = process.env.TARO_ENV === 'weapp'

interface Result { attendee: Attendee; already: boolean }

export function Door({ event, onError, onChanged }: { event: MemberEvent; onError: (e: BannerMessage | null) => void; onChanged: () => void }) {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('events', 'attendees', { eventId: event.eventId }))
  const [code, setCode] = useState('')
  const [result, setResult] = useState<Result | null>(null)
  const { busy: checking, run } = useSingleFlight()
  const list = load.data ?? []
  const checkedIn = list.filter((a) => a.checkedInAt).length
  const people = list.reduce((n, a) => n + 1 + a.guests, 0)

  async function checkIn(raw: string) {
    const value = raw.trim()
    if (!value) return onError({ zh: '请扫描会员码或输入病历号', en: 'Scan the member code or type the record number', code: 'VALIDATION' })
    await run(async () => {
      onError(null)
      const attendee = await callFunction('events', 'checkIn', { eventId: event.eventId, code: value })
      const before = list.find((a) => a.patientId === attendee.patientId)?.checkedInAt
      setResult({ attendee, already: Boolean(before) })
      setCode('')
      reload()
      onChanged()
    }, {
      onError: (e) => {
        setResult(null)
        onError(e)
      },
    })
  }

  async function scanWithCamera() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })
      await checkIn(res.result)
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      if (/cancel/i.test(msg)) return // staff closed the camera: not an error
      onError(toApiError(e))
    }
  }

  return (
    <View id='event-door' className='card'>
      <Text className='card__title'>{t(event.title)} · {event.date}</Text>
      <Text className='muted small'>{event.place}</Text>

      <Text className='field-label'>{t({ zh: '签到：扫描会员码或输入病历号', en: 'Check in: scan the member code or type the record number' })}</Text>
      {isWeapp ? <Btn variant='primary' disabled={checking} onClick={() => void scanWithCamera()}>{t({ zh: '扫一扫', en: 'Scan with camera' })}</Btn> : null}
      <View className='row'>
        <TextField id='checkin-input' className='grow' value={code} onChange={setCode} placeholder={t({ zh: '会员码或病历号', en: 'Member code or record no.' })} onConfirm={() => void checkIn(code)} />
        <Btn id='checkin-submit' variant='secondary' disabled={checking} onClick={() => void checkIn(code)}>{t({ zh: '签到', en: 'Check in' })}</Btn>
      </View>
      {result ? (
        <Text id='checkin-result' className={`notice ${result.already ? 'notice--warn' : ''} door__result`}>
          {t(result.already ? { zh: '此前已签到：', en: 'Already checked in: ' } : { zh: '签到成功：', en: 'Checked in: ' })}
          {result.attendee.name}（{result.attendee.maskedPhone}）
          {result.attendee.guests > 0 ? t({ zh: ` +${result.attendee.guests} 位同行`, en: ` +${result.attendee.guests} guests` }) : ''}
          {result.attendee.checkedInAt ? ` ${clinicDateTime(result.attendee.checkedInAt)}` : ''}
        </Text>
      ) : null}

      <View className='row row--between door__summary'>
        <Text className='kv__k'>{t({ zh: '报名', en: 'Going' })}</Text>
        <Text id='door-summary' className='kv__v'>{t({ zh: `已签到 ${checkedIn} / ${list.length} 位会员 · ${people} 人`, en: `Checked in ${checkedIn} / ${list.length} members · ${people} people` })}</Text>
      </View>
      {load.state === 'error' ? <Text className='muted'>{t({ zh: '名单加载失败：', en: 'Could not load the list: ' })}{t(load.error)}</Text> : null}
      {load.state === 'loading' && !load.data ? <Loading /> : null}
      <View id='attendees'>
        {load.data && list.length === 0 ? <Text id='attendees-empty' className='muted'>{t({ zh: '还没有会员报名', en: 'Nobody has said yes yet' })}</Text> : null}
        {list.map((a) => (
          <View key={a.patientId} id={`attendee-${a.patientId}`} className='row row--between attendee'>
            <Text className='attendee__who'>{a.name} · {a.maskedPhone}{a.guests > 0 ? ` · +${a.guests}` : ''}</Text>
            <Text id={`attendee-state-${a.patientId}`} className={`attendee__state ${a.checkedInAt ? 'attendee__state--in' : ''}`}>
              {a.checkedInAt ? t({ zh: `已签到 ${clinicDateTime(a.checkedInAt).slice(11)}`, en: `In ${clinicDateTime(a.checkedInAt).slice(11)}` }) : t({ zh: '未签到', en: 'Not yet' })}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
