/**
 * R2: the first-visit coupon on this bill. The coupon is the holder's own, so the holder pays; a
 * holder with no record yet is registered here first (登记到店).
 */
import { useState, type MutableRefObject } from 'react'
import { View, Text } from '@tarojs/components'
import type { NewPatient, ScannedCoupon } from '../../api/contract'
import { money } from '../../services/chain'
import { giftWords } from '../../domain/policy'
import { callFunction } from '../../services/cloud'
import { clinicDate, isBirthdayOrEmpty, isMobile } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { PhoneHasRecordNotice, type ExistingRecord } from './BindingCodePanel'
import { birthdayField } from './desk'
import { useT } from '../../i18n'

export interface CouponPanelProps {
  coupon: ScannedCoupon
  hasRecord: { ticket: string; existing: ExistingRecord } | null
  /** Shared with the friend card's registration: one registration at a time. */
  registerLock: MutableRefObject<boolean>
  setError: (e: BannerMessage | null) => void
  report: (e: unknown) => void
  onRegistered: (r: Pick<NewPatient, 'patientId' | 'name'>) => void
  onFailed: (ticket: string, e: unknown) => void
  onRemove: () => void
}

export function CouponPanel({ coupon, hasRecord, registerLock, setError, report, onRegistered, onFailed, onRemove }: CouponPanelProps) {
  const t = useT()
  const [cpName, setCpName] = useState('')
  const [cpPhone, setCpPhone] = useState('')
  const [cpBirthday, setCpBirthday] = useState('')
  const [cpRegistering, setCpRegistering] = useState(false)

  /** R2: the coupon holder comes in for the first time; a patient record is made (or linked). */
  async function registerCouponHolder() {
    if (!coupon || registerLock.current) return
    const name = cpName.trim()
    const phone = cpPhone.trim()
    if (!name) {
      setError({ zh: '请输入朋友的姓名', en: 'Enter the friend\'s name', code: 'VALIDATION' })
      return
    }
    if (!isMobile(phone)) {
      setError({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
      return
    }
    if (!isBirthdayOrEmpty(cpBirthday)) {
      setError({ zh: '生日请按 年-月-日 填写，如 1990-05-20', en: 'Write the birthday as YYYY-MM-DD, e.g. 1990-05-20', code: 'VALIDATION' })
      return
    }
    registerLock.current = true
    setCpRegistering(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'register', { ticket: coupon.ticket, name, phone, ...birthdayField(cpBirthday) })
      setCpName('')
      setCpPhone('')
      setCpBirthday('')
      onRegistered(r)
    } catch (e) {
      onFailed(coupon.ticket, e)
    } finally {
      registerLock.current = false
      setCpRegistering(false)
    }
  }

  return (
    <View id='scanned-coupon' className='card scanned-card'>
      <View className='row row--between'>
        <Text className='card__title scanned-card__title'>{t({ zh: '首诊优惠券', en: 'First-visit coupon' })}</Text>
        <Text id='coupon-state' className='tier tier--annual'>{coupon.holderPatientId ? t({ zh: '已登记', en: 'Registered' }) : t({ zh: '未登记', en: 'New' })}</Text>
      </View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '持有人', en: 'Holder' })}</Text><Text id='coupon-holder' className='kv__v'>{coupon.holderName}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '推荐人', en: 'Referred by' })}</Text><Text id='coupon-referrer' className='kv__v'>{coupon.referrerDisplayName}</Text></View>
      <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '首诊优惠', en: 'Discount' })}</Text><Text id='coupon-discount' className='kv__v'>{money(coupon.discountFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '赠品', en: 'Gift' })}</Text><Text id='coupon-gift' className='kv__v'>{t(giftWords(coupon.gift))}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '有效期', en: 'Valid' })}</Text><Text className='kv__v'>{t({ zh: `至 ${clinicDate(coupon.expiresAt)}`, en: `Until ${clinicDate(coupon.expiresAt)}` })}</Text></View>
      {!coupon.holderPatientId ? (
        <View id='coupon-register' className='register'>
          <Text className='card__title register__title'>{t({ zh: '登记到店', en: 'Register the visit' })}</Text>
          <Text className='muted small'>{t({ zh: '首次到店请先登记为患者，优惠券只能由持有人本人使用。', en: 'Register the friend first: the coupon is for its holder only.' })}</Text>
          <Text className='field-label'>{t({ zh: '姓名', en: 'Name' })}</Text>
          <TextField id='coupon-register-name' value={cpName} onChange={setCpName} placeholder={t({ zh: '朋友的姓名', en: 'The friend’s name' })} />
          <Text className='field-label'>{t({ zh: '手机号', en: 'Mobile' })}</Text>
          <TextField id='coupon-register-phone' kind='decimal' value={cpPhone} onChange={setCpPhone} placeholder={t({ zh: '11 位手机号', en: '11 digits' })} />
          <Text className='field-label'>{t({ zh: '生日（选填）', en: 'Birthday (optional)' })}</Text>
          <TextField id='coupon-register-birthday' value={cpBirthday} onChange={setCpBirthday} placeholder='1990-05-20' onConfirm={() => void registerCouponHolder()} />
          {hasRecord?.ticket === coupon.ticket ? <PhoneHasRecordNotice existing={hasRecord.existing} onError={report} /> : null}
          <Btn id='coupon-register-btn' disabled={cpRegistering} onClick={() => void registerCouponHolder()}>
            {cpRegistering ? t({ zh: '登记中…', en: 'Registering…' }) : t({ zh: '登记到店', en: 'Register the visit' })}
          </Btn>
        </View>
      ) : null}
      <Btn id='coupon-remove' variant='plain' onClick={onRemove}>{t({ zh: '不用此券', en: 'Remove the coupon' })}</Btn>
    </View>
  )
}
