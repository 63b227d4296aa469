/**
 * The appointment request (预约申请): the clinic chosen above, a preferred day (today to 60 days
 * ahead, clinic time), a time of day the clinic is open that day, the phone (only when none is on
 * file), a name (only for a friend; a patient's record has one) and a note. The server checks all
 * of it again; a retry of the same submission sends the same requestId, so it is written once.
 */
import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ClinicInfo, ClinicsPage, RequestedAppointment, TimeOfDay } from '../../api/contract'
import { openSlots, TIMES_OF_DAY, TIME_OF_DAY_LABEL } from '../../domain/appointments/hours'
import { MAX_NOTE } from '../../domain/appointments/request'
import { requestAppointment } from '../../services/clinic'
import { newRequestId } from '../../services/format'
import type { ApiError } from '../../services/cloud'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { useT } from '../../i18n'
import { DateField } from '../../components/DateField'
import { whenText } from '../../domain/appointments/when'

interface Props { page: ClinicsPage; clinic: ClinicInfo | null; onDone: (r: RequestedAppointment) => void }

export function AppointmentForm({ page, clinic, onDone }: Props) {
  const t = useT()
  const [date, setDate] = useState('')
  const [slot, setSlot] = useState<TimeOfDay | null>(null)
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  // One submission, one id: a retry after a lost answer is the same request; any edit makes a new one.
  const requestId = useRef(newRequestId())
  const edit = <V,>(set: (v: V) => void) => (v: V) => { requestId.current = newRequestId(); set(v) }
  const { busy: sending, run } = useSingleFlight()

  const open = clinic && date ? openSlots(clinic.hours, date) : []
  const slotOk = slot !== null && open.includes(slot)
  const ready = Boolean(clinic && date && slotOk && (page.phoneOnFile || phone.trim()) && (!page.needsName || name.trim()))

  async function submit() {
    if (!clinic || !slot) return
    await run(async () => {
      setError(null)
      const r = await requestAppointment({
        requestId: requestId.current, clinicId: clinic.clinicId, preferredDate: date, timeOfDay: slot,
        ...(page.phoneOnFile ? {} : { phone: phone.trim() }), ...(page.needsName ? { name: name.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}),
      })
      requestId.current = newRequestId()
      onDone(r)
    }, { onError: setError })
  }

  return (
    <View id='appointment-form' className='card'>
      <Text className='card__title'>{t({ zh: '预约到店', en: 'Ask for an appointment' })}</Text>
      <Text className='muted small para'>
        {clinic
          ? t({ zh: `门店：${clinic.name}。提交后诊所会致电与您确认具体时间。`, en: `Clinic: ${clinic.name}. The clinic will call you to agree on a time.` })
          : t({ zh: '请先在上方选择一家门店。', en: 'Choose a clinic above first.' })}
      </Text>

      <Text className='field-label'>{t({ zh: '希望到店的日期', en: 'Preferred day' })}</Text>
      <DateField id='apt-date' value={date} start={page.today} end={page.lastDay} onChange={edit(setDate)} />

      <Text className='field-label'>{t({ zh: '希望的时段', en: 'Time of day' })}</Text>
      <View id='apt-slots' className='row apt-slots'>
        {TIMES_OF_DAY.map((s) => {
          const closed = Boolean(date) && !open.includes(s)
          return (
            <Btn key={s} id={`apt-slot-${s}`} variant='plain' className={`chip grow ${slot === s && !closed ? 'chip--on' : ''}`} disabled={!date || closed} onClick={() => edit(setSlot)(s)}>
              {t(TIME_OF_DAY_LABEL[s])}
            </Btn>
          )
        })}
      </View>
      {date && open.length === 0 ? <Text id='apt-closed' className='notice notice--warn'>{t({ zh: '该门店这天不营业，请换一天', en: 'The clinic is closed that day; choose another' })}</Text> : null}

      {page.needsName ? (
        <>
          <Text className='field-label'>{t({ zh: '您的称呼', en: 'Your name' })}</Text>
          <TextField id='apt-name' value={name} onChange={edit(setName)} placeholder={t({ zh: '例如：王女士', en: 'e.g. Ms Wang' })} />
        </>
      ) : null}

      <Text className='field-label'>{t({ zh: '联系电话', en: 'Phone' })}</Text>
      {page.phoneOnFile ? (
        <Text id='apt-phone-on-file' className='para'>{t({ zh: `诊所将拨打您的手机 ${page.phoneOnFile}`, en: `The clinic will call ${page.phoneOnFile}` })}</Text>
      ) : (
        <TextField id='apt-phone' value={phone} onChange={edit(setPhone)} placeholder={t({ zh: '11 位手机号', en: '11-digit mobile number' })} />
      )}

      <Text className='field-label'>{t({ zh: `备注（选填，${MAX_NOTE} 字以内）`, en: `Note (optional, up to ${MAX_NOTE} characters)` })}</Text>
      <TextField id='apt-note' value={note} onChange={edit(setNote)} placeholder={t({ zh: '例如：右下牙疼，工作日晚上方便', en: 'e.g. a sore tooth; weekday evenings suit me' })} />

      <ErrorBanner error={error} onClose={() => setError(null)} />
      {date && slotOk ? <Text id='apt-summary' className='muted small para'>{t({ zh: `希望时间：${whenText(date, slot).zh}`, en: `Preferred: ${whenText(date, slot).en}` })}</Text> : null}
      <Btn id='apt-submit' disabled={!ready || sending} onClick={() => void submit()}>
        {sending ? t({ zh: '提交中…', en: 'Sending…' }) : t({ zh: '提交预约申请', en: 'Send the request' })}
      </Btn>
    </View>
  )
}
