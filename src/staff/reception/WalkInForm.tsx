/**
 * 新患者登记（无微信） (issue 10, item 4; seed 003): a walk-in without WeChat is registered by name
 * and phone and billed right away (with the referrer's code if they name one, R2); they bind
 * their WeChat later. A phone that already has a record is never silently reused
 * (PHONE_HAS_RECORD): the desk shows that record's binding code, or, for a family member who
 * shares the phone, makes a new record on purpose (`sharedPhone`).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { NewPatient } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { isBirthdayOrEmpty, isMobile } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { PhoneHasRecordNotice, phoneHasRecord, type ExistingRecord } from './BindingCodePanel'
import { useT } from '../../i18n'

const TITLE = { zh: '新患者登记（无微信）', en: 'New patient without WeChat' }

export function WalkInForm({ onRegistered, onError }: { onRegistered: (p: NewPatient) => void; onError: (e: unknown) => void }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [birthday, setBirthday] = useState('')
  const [existing, setExisting] = useState<ExistingRecord | null>(null)
  const [done, setDone] = useState<NewPatient | null>(null)
  const { busy, run } = useSingleFlight()

  async function register(sharedPhone: boolean) {
    const n = name.trim()
    const p = phone.trim()
    if (!n) return onError({ zh: '请输入患者姓名', en: 'Enter the patient\'s name', code: 'VALIDATION' })
    if (!isMobile(p)) return onError({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
    if (!isBirthdayOrEmpty(birthday)) return onError({ zh: '生日请按 年-月-日 填写，如 1990-05-20', en: 'Write the birthday as YYYY-MM-DD', code: 'VALIDATION' })
    await run(async () => {
      const b = birthday.trim()
      const r = await callFunction('reception', 'registerWalkIn', { name: n, phone: p, ...(b ? { birthday: b } : {}), ...(sharedPhone ? { sharedPhone: true } : {}) })
      setDone(r)
      setOpen(false)
      setExisting(null)
      setName('')
      setPhone('')
      setBirthday('')
      onError(null)
      onRegistered(r)
    }, {
      onError: (e) => {
        setExisting(phoneHasRecord(e))
        onError(e)
      },
    })
  }

  if (!open) {
    return (
      <View className='card'>
        <Btn id='walkin-open' variant='secondary' onClick={() => { setOpen(true); setDone(null) }}>{t(TITLE)}</Btn>
        {done ? (
          <Text id='walkin-done' className='muted small'>{t({ zh: `已登记 ${done.name}，病历号 ${done.recordNo}。患者之后可在小程序中绑定微信。`, en: `${done.name} registered, record no. ${done.recordNo}. They can link WeChat later in the mini-program.` })}</Text>
        ) : null}
      </View>
    )
  }
  return (
    <View id='walkin-form' className='card'>
      <Text className='card__title'>{t(TITLE)}</Text>
      <Text className='muted small'>{t({ zh: '为没有使用微信的新患者建档，登记后即可收款；如有推荐人，在账单中填写推荐人编号。患者之后可在小程序中绑定微信。', en: 'Make a record for a new patient without WeChat and bill them right away; if someone referred them, enter the referrer code on the bill. They can link WeChat later.' })}</Text>
      <Text className='field-label'>{t({ zh: '姓名', en: 'Name' })}</Text>
      <TextField id='walkin-name' value={name} onChange={(v) => { setName(v); setExisting(null) }} placeholder={t({ zh: '患者姓名', en: 'The patient’s name' })} />
      <Text className='field-label'>{t({ zh: '手机号', en: 'Mobile' })}</Text>
      <TextField id='walkin-phone' kind='decimal' value={phone} onChange={(v) => { setPhone(v); setExisting(null) }} placeholder={t({ zh: '11 位手机号', en: '11 digits' })} />
      <Text className='field-label'>{t({ zh: '生日（选填）', en: 'Birthday (optional)' })}</Text>
      <TextField id='walkin-birthday' value={birthday} onChange={setBirthday} placeholder='1990-05-20' onConfirm={() => void register(false)} />
      {existing ? (
        <PhoneHasRecordNotice existing={existing} onSharedPhone={() => void register(true)} onError={onError} />
      ) : null}
      <Btn id='walkin-submit' disabled={busy} onClick={() => void register(false)}>{busy ? t({ zh: '登记中…', en: 'Registering…' }) : t({ zh: '登记并收款', en: 'Register and bill' })}</Btn>
      <Btn id='walkin-cancel' variant='plain' onClick={() => { setOpen(false); setExisting(null) }}>{t({ zh: '取消', en: 'Cancel' })}</Btn>
    </View>
  )
}
