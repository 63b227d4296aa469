/**
 * Appointment requests (issue 12, item 4; staff subpackage; receptionist, consultant, director,
 * admin): the requests to this staff member's clinic (an admin's: the chain's), open first by
 * preferred day. Phones are masked (C2) until the staff member taps 拨打: the server then gives them
 * the number (and records that they asked), weapp dials it, H5 shows it as a tel: link. Marks
 * (已致电 / 已预约 / 无法联系) name the version this list showed: when a colleague got there first the
 * server refuses and the list reloads.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { StaffAppointment, StaffMark } from '../../api/contract'
import { APPOINTMENT_STATUS_LABEL, canMark, STAFF_MARKS } from '../../domain/appointments/status'
import { dialAppointment, dialNumber, isWeapp, markAppointment, staffAppointments, telHref } from '../../services/clinic'
import type { ApiError } from '../../services/cloud'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { StaffPage } from '../../components/StaffPage'
import { Loading } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
import { whenText } from '../../domain/appointments/when'
import './index.css'

const VIA: Record<StaffAppointment['via'], Msg> = {
  patient: { zh: '本院患者', en: 'Patient' },
  friend_card: { zh: '亲友卡朋友', en: 'Friend (friends card)' },
  coupon: { zh: '推荐优惠券朋友', en: 'Friend (referral coupon)' },
}

export default function StaffAppointmentsPage() {
  return (
    <StaffPage title='预约申请' subtitle='Appointment requests'>
      {(staff) => <Requests key={staff.staffId} />}
    </StaffPage>
  )
}

function Requests() {
  const t = useT()
  const [load, reload] = useLoad(staffAppointments)
  const [error, setError] = useState<ApiError | null>(null)
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const { busy, run } = useSingleFlight()
  const list = load.data ?? null

  const act = (work: () => Promise<void>) => run(async () => {
    setError(null)
    await work()
  }, {
    onError: (err) => {
      setError(err)
      if (err.code === 'APPOINTMENT_CHANGED' || err.code === 'APPOINTMENT_NOT_FOUND') reload() // show what it is now
    },
  })

  const dial = (a: StaffAppointment) => act(async () => {
    const { phone } = await dialAppointment(a.appointmentId)
    setRevealed((r) => ({ ...r, [a.appointmentId]: phone }))
    if (isWeapp) await dialNumber(phone).catch(() => undefined) // the dialer; the number stays shown as well
  })
  const mark = (a: StaffAppointment, status: StaffMark) => act(async () => {
    await markAppointment(a.appointmentId, status, a.version)
    reload()
  })

  return (
    <View className='stack'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {!list ? (load.state === 'loading' ? <Loading /> : null) : (
        <View id='apt-list' className='card'>
          <View className='row row--between'>
            <Text className='card__title'>{t({ zh: `预约申请（${list.filter((a) => a.status === 'open').length} 条待联系）`, en: `Requests (${list.filter((a) => a.status === 'open').length} to call)` })}</Text>
            <Btn id='apt-refresh' variant='plain' className='chip' onClick={reload}>{t({ zh: '刷新', en: 'Refresh' })}</Btn>
          </View>
          {list.length === 0 ? <Text id='apt-empty' className='muted'>{t({ zh: '暂无预约申请', en: 'No requests yet' })}</Text> : null}
          {list.map((a) => (
            <Row key={a.appointmentId} a={a} phone={revealed[a.appointmentId]} busy={busy} onDial={() => void dial(a)} onMark={(s) => void mark(a, s)} />
          ))}
        </View>
      )}
    </View>
  )
}

function Row({ a, phone, busy, onDial, onMark }: { a: StaffAppointment; phone?: string; busy: boolean; onDial: () => void; onMark: (s: StaffMark) => void }) {
  const t = useT()
  return (
    <View id={`apt-${a.appointmentId}`} className='apt' data-status={a.status} data-version={a.version}>
      <View className='row row--between'>
        <Text className='apt__who'>{a.name}{a.recordNo ? ` · ${a.recordNo}` : ''}</Text>
        <Text id={`apt-status-${a.appointmentId}`} className={`apt__status apt__status--${a.status}`}>{t(APPOINTMENT_STATUS_LABEL[a.status])}</Text>
      </View>
      <Text id={`apt-when-${a.appointmentId}`} className='apt__line'>{t(whenText(a.preferredDate, a.timeOfDay))} · {a.clinicName}</Text>
      <Text className='apt__line'>{t(VIA[a.via])}</Text>
      <View className='apt__line'>
        {phone && !isWeapp ? (
          <a id={`apt-phone-${a.appointmentId}`} className='apt__phone' href={telHref(phone)}>{phone}</a>
        ) : (
          <Text id={`apt-phone-${a.appointmentId}`}>{phone ?? a.maskedPhone}</Text>
        )}
        {a.phoneOnFile ? <Text className='muted small'>{t({ zh: '（本人验证或档案中的号码）', en: ' (verified or on record)' })}</Text> : null}
      </View>
      {a.note ? <Text id={`apt-note-${a.appointmentId}`} className='apt__line'>{t({ zh: '备注：', en: 'Note: ' })}{a.note}</Text> : null}
      {a.handledByName && a.updatedAt ? <Text className='apt__line muted small'>{t({ zh: `最近处理：${a.handledByName}`, en: `Last handled by ${a.handledByName}` })}</Text> : null}
      {a.status !== 'booked' ? (
        <>
          <Btn id={`apt-dial-${a.appointmentId}`} variant='secondary' disabled={busy} onClick={onDial}>
            {phone ? t({ zh: '再次拨打', en: 'Call again' }) : t({ zh: '拨打电话', en: 'Call' })}
          </Btn>
          <View className='row apt__marks'>
            {STAFF_MARKS.map((s) => (
              <Btn key={s} id={`apt-mark-${s}-${a.appointmentId}`} variant='plain' disabled={busy || !canMark(a.status, s)} onClick={() => onMark(s)}>
                {t(APPOINTMENT_STATUS_LABEL[s])}
              </Btn>
            ))}
          </View>
        </>
      ) : null}
    </View>
  )
}
