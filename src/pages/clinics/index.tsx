/**
 * Issue 12, item 4 — the friend's next step, `pages/clinics/index[?clinicId=…]`: the chain's clinics
 * (address and map, phone, hours) and the appointment request, then what the person asked for and
 * where it stands. Reached from a claimed friend card (F3) and from a taken coupon (R2); a patient
 * may come too. The visit it leads to is where the friend registers (F5).
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MyAppointment, RequestedAppointment } from '../../api/contract'
import { APPOINTMENT_STATUS_LABEL } from '../../domain/appointments/status'
import { clinicsPage } from '../../services/clinic'
import { queryParam } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { COMMON, useT } from '../../i18n'
import { AppointmentForm } from './AppointmentForm'
import { ClinicCard } from './ClinicCard'
import { whenText } from '../../domain/appointments/when'
import './index.css'

export default function ClinicsPage() {
  const t = useT()
  const router = useRouter()
  const [load, reload] = useLoad(clinicsPage)
  const [picked, setPicked] = useState(() => queryParam(router.params, 'clinicId'))
  const [done, setDone] = useState<RequestedAppointment | null>(null)
  const page = load.data ?? null
  const clinic = page ? page.clinics.find((c) => c.clinicId === picked) ?? page.clinics[0] ?? null : null

  function choose(clinicId: string) {
    setPicked(clinicId)
    setDone(null)
    // The form is under the list: bring it into view on a phone-sized screen.
    void Taro.pageScrollTo({ selector: '#appointment-form', duration: 200 }).catch(() => undefined)
  }

  return (
    <PageShell title='门店与预约' subtitle='Clinics and appointments'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {!page && load.state === 'loading' ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {page ? (
        <View className='stack'>
          <View id='clinic-list' className='stack'>
            {page.clinics.map((c) => <ClinicCard key={c.clinicId} clinic={c} chosen={clinic?.clinicId === c.clinicId} onChoose={() => choose(c.clinicId)} />)}
          </View>
          {done ? (
            <Done done={done} onAnother={() => setDone(null)} />
          ) : (
            <AppointmentForm key={clinic?.clinicId ?? ''} page={page} clinic={clinic} onDone={(r) => { setDone(r); reload() }} />
          )}
          {page.mine.length ? <Mine list={page.mine} /> : null}
        </View>
      ) : null}
    </PageShell>
  )
}

function Done({ done, onAnother }: { done: RequestedAppointment; onAnother: () => void }) {
  const t = useT()
  const when = whenText(done.preferredDate, done.timeOfDay)
  return (
    <View id='appointment-done' className='card'>
      <Text className='card__title'>{t({ zh: '预约申请已提交', en: 'Request sent' })}</Text>
      <Text id='appointment-done-text' className='para'>
        {t({ zh: `${done.clinicName}，${when.zh}。`, en: `${done.clinicName}, ${when.en}.` })}
      </Text>
      <Text className='para'>
        {t({ zh: `诊所会致电 ${done.maskedPhone} 与您确认具体时间，请留意来电。`, en: `The clinic will call ${done.maskedPhone} to agree on a time.` })}
      </Text>
      <Btn id='appointment-another' variant='plain' onClick={onAnother}>{t({ zh: '再提交一个申请', en: 'Ask again' })}</Btn>
    </View>
  )
}

function Mine({ list }: { list: MyAppointment[] }) {
  const t = useT()
  return (
    <View id='my-appointments' className='card'>
      <Text className='card__title'>{t({ zh: '我的预约申请', en: 'My requests' })}</Text>
      {list.map((a) => (
        <View key={a.appointmentId} id={`my-apt-${a.appointmentId}`} className='kv' data-status={a.status}>
          <Text className='kv__k'>{a.clinicName} · {t(whenText(a.preferredDate, a.timeOfDay))}</Text>
          <Text id={`my-apt-status-${a.appointmentId}`} className={`apt-status apt-status--${a.status}`}>{t(APPOINTMENT_STATUS_LABEL[a.status])}</Text>
        </View>
      ))}
    </View>
  )
}
