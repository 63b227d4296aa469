/**
 * F4, F5: the friend card on this bill, and the friend's first-visit registration (登记到店: the
 * card then no longer expires).
 */
import { useState, type MutableRefObject } from 'react'
import { View, Text } from '@tarojs/components'
import type { ScannedCard } from '../../api/contract'
import { CATEGORY_LABEL } from '../../domain/policy'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { CARD_STATE_LABEL, clinicDate, isBirthdayOrEmpty, isMobile } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { PhoneHasRecordNotice, type ExistingRecord } from './BindingCodePanel'
import { birthdayField, type Payer } from './desk'
import { useT } from '../../i18n'

export interface FriendCardPanelProps {
  card: ScannedCard
  payer: Payer | null
  hasRecord: { ticket: string; existing: ExistingRecord } | null
  /** Shared with the coupon holder's registration: one registration at a time. */
  registerLock: MutableRefObject<boolean>
  setError: (e: BannerMessage | null) => void
  report: (e: unknown) => void
  onRegistered: (r: ScannedCard) => void
  onFailed: (ticket: string, e: unknown) => void
  onRemove: () => void
}

export function FriendCardPanel({ card, payer, hasRecord, registerLock, setError, report, onRegistered, onFailed, onRemove }: FriendCardPanelProps) {
  const t = useT()
  const [regName, setRegName] = useState('')
  const [regPhone, setRegPhone] = useState('')
  // N1, N2: the birthday, if the friend tells it, so the clinic can greet them as a member.
  const [regBirthday, setRegBirthday] = useState('')
  const [registering, setRegistering] = useState(false)

  /** F5: the friend came in; a new patient record is made (or the existing one linked). */
  async function register() {
    if (!card || registerLock.current) return
    const needsDetails = !card.holderPatientId
    const name = regName.trim()
    const phone = regPhone.trim()
    if (needsDetails && !name) {
      setError({ zh: '请输入朋友的姓名', en: 'Enter the friend\'s name', code: 'VALIDATION' })
      return
    }
    if (needsDetails && !isMobile(phone)) {
      setError({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
      return
    }
    if (needsDetails && !isBirthdayOrEmpty(regBirthday)) {
      setError({ zh: '生日请按 年-月-日 填写，如 1990-05-20', en: 'Write the birthday as YYYY-MM-DD, e.g. 1990-05-20', code: 'VALIDATION' })
      return
    }
    registerLock.current = true
    setRegistering(true)
    setError(null)
    try {
      const r = await callFunction('friendcard', 'register', { ticket: card.ticket, ...(needsDetails ? { name, phone, ...birthdayField(regBirthday) } : {}) })
      setRegName('')
      setRegPhone('')
      setRegBirthday('')
      onRegistered(r)
    } catch (e) {
      onFailed(card.ticket, e)
    } finally {
      registerLock.current = false
      setRegistering(false)
    }
  }

  return (
    <View id='scanned-card' className='card scanned-card'>
      <View className='row row--between'>
        <Text className='card__title scanned-card__title'>{t({ zh: '亲友卡', en: 'Friend card' })}</Text>
        <Text id='card-state' className='tier tier--annual'>{t(CARD_STATE_LABEL[card.state])}</Text>
      </View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '持卡人', en: 'Holder' })}</Text><Text id='card-holder' className='kv__v'>{card.holderName}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '赠送人', en: 'Given by' })}</Text><Text id='card-giver' className='kv__v'>{card.giverDisplayName}</Text></View>
      <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '卡内余额', en: 'Balance' })}</Text><Text id='card-balance' className='kv__v'>{money(card.balanceFen)}</Text></View>
      <View className='kv'>
        <Text className='kv__k'>{t({ zh: '有效期', en: 'Valid' })}</Text>
        <Text id='card-expiry' className='kv__v'>{card.registered || card.expiresAt === null ? t({ zh: '已登记，长期有效', en: 'Registered: no expiry' }) : t({ zh: `至 ${clinicDate(card.expiresAt)}`, en: `Until ${clinicDate(card.expiresAt)}` })}</Text>
      </View>
      <Text id='card-excluded' className='muted small'>
        {t({
          zh: `不可用于：${card.excludedCategories.map((c) => CATEGORY_LABEL[c].zh).join('、')}；不兑现、不找零。`,
          en: `Not for ${card.excludedCategories.map((c) => CATEGORY_LABEL[c].en.toLowerCase()).join(', ')}; no cash, no change.`,
        })}
      </Text>

      {!card.registered ? (
        <View id='card-register' className='register'>
          <Text className='card__title register__title'>{t({ zh: '登记到店', en: 'Register the visit' })}</Text>
          <Text className='muted small'>{t({ zh: '朋友首次到店请登记，登记后此卡长期有效。', en: 'Register the friend’s first visit: the card then no longer expires.' })}</Text>
          {!card.holderPatientId ? (
            <>
              <Text className='field-label'>{t({ zh: '姓名', en: 'Name' })}</Text>
              <TextField id='register-name' value={regName} onChange={setRegName} placeholder={t({ zh: '朋友的姓名', en: 'The friend’s name' })} />
              <Text className='field-label'>{t({ zh: '手机号', en: 'Mobile' })}</Text>
              <TextField id='register-phone' kind='decimal' value={regPhone} onChange={setRegPhone} placeholder={t({ zh: '11 位手机号', en: '11 digits' })} />
              <Text className='field-label'>{t({ zh: '生日（选填）', en: 'Birthday (optional)' })}</Text>
              <TextField id='register-birthday' value={regBirthday} onChange={setRegBirthday} placeholder='1990-05-20' onConfirm={() => void register()} />
            </>
          ) : null}
          {hasRecord?.ticket === card.ticket ? <PhoneHasRecordNotice existing={hasRecord.existing} onError={report} /> : null}
          <Btn id='register-btn' variant={payer ? 'secondary' : 'primary'} disabled={registering} onClick={() => void register()}>
            {registering ? t({ zh: '登记中…', en: 'Registering…' }) : t({ zh: '登记到店', en: 'Register the visit' })}
          </Btn>
        </View>
      ) : null}
      {!payer ? (
        <Text className='muted small'>{t({ zh: '请先登记到店，或扫描付款人的会员码。', en: 'Register the visit first, or scan the payer’s member code.' })}</Text>
      ) : null}
      <Btn id='card-remove' variant='plain' onClick={onRemove}>{t({ zh: '不用此卡', en: 'Remove the card' })}</Btn>
    </View>
  )
}
