/**
 * S2: what else goes on the bill: R2 the referrer's number (works like a coupon), M5 a member named
 * by a non-member, R5 bonus to use (with the payer proof when their code was not scanned). The
 * owner's balance (M4) is passed in as children and shown between them.
 */
import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import type { ScannedCoupon, ScannedPatient } from '../../api/contract'
import { money, moneyUnit } from '../../services/chain'
import { TextField } from '../../components/controls'
import { OverrideReason } from './OverrideReason'
import { useT } from '../../i18n'

export interface PaymentOptionsProps {
  patient: ScannedPatient | null
  coupon: ScannedCoupon | null
  referrerText: string
  setReferrerText: (v: string) => void
  namedText: string
  setNamedText: (v: string) => void
  bonusText: string
  setBonusText: (v: string) => void
  ownerText: string
  overrideText: string
  setOverrideText: (v: string) => void
  children?: ReactNode
}

export function PaymentOptions(props: PaymentOptionsProps) {
  const t = useT()
  const { patient, coupon, referrerText, setReferrerText, namedText, setNamedText, bonusText, setBonusText, ownerText, overrideText, setOverrideText, children } = props
  return (
    <>
      {/* R2: the referrer's number works like a coupon; M5: a non-member names a member. */}
      {!coupon ? (
        <>
          <Text className='field-label'>{t({ zh: '推荐人编号（可选）', en: 'Referrer code (optional)' })}</Text>
          <TextField id='referrer-code' value={referrerText} onChange={setReferrerText} placeholder={t({ zh: '如 100007', en: 'e.g. 100007' })} />
        </>
      ) : null}
      {!patient?.discount ? (
        <>
          <Text className='field-label'>{t({ zh: '报会员编号（可选）', en: 'A member’s number (optional)' })}</Text>
          <TextField id='named-member' value={namedText} onChange={setNamedText} placeholder={t({ zh: '会员病历号', en: 'The member’s record no.' })} />
        </>
      ) : null}
      {children}
      {patient ? (
        <>
          <Text className='field-label'>{t({ zh: `使用奖励金（${moneyUnit().zh}，可选，≤ ${money(patient.bonusBalanceFen)}）`, en: `Use bonus (${moneyUnit().en}, optional, ≤ ${money(patient.bonusBalanceFen)})` })}</Text>
          <TextField id='bonus-use' kind='decimal' value={bonusText} onChange={setBonusText} placeholder='0.00' />
          {!patient.payerTicket && (bonusText.trim() || ownerText.trim()) ? <OverrideReason value={overrideText} onChange={setOverrideText} /> : null}
        </>
      ) : null}
    </>
  )
}
