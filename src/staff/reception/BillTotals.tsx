/** S2, S3: the previewed totals, the engine's notes, and the confirmation. */
import { View, Text } from '@tarojs/components'
import type { BillResult } from '../../domain/bill/engine'
import { money } from '../../services/chain'
import { Btn } from '../../components/controls'
import { minus, type Preview } from './desk'
import { PAYMENT_METHOD_LABEL, PAYMENT_METHODS, type PaymentMethod } from '../../domain/bill/payment'
import { useT } from '../../i18n'

export interface BillTotalsProps {
  t: BillResult['totals']
  preview: Preview | null
  confirming: boolean
  onConfirm: () => void
  /** Issue 13: how the patient pays (recorded, not processed). */
  method: PaymentMethod
  onMethod: (m: PaymentMethod) => void
}

export function BillTotals({ t: totals, preview, confirming, onConfirm, method, onMethod }: BillTotalsProps) {
  const t = useT()
  return (
    <View className='totals'>
      <View className='kv'><Text className='kv__k'>{t({ zh: '小计', en: 'Subtotal' })}</Text><Text id='total-subtotal' className='kv__v'>{money(totals.subtotalFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '会员折扣', en: 'Member discount' })}</Text><Text id='total-discount' className='kv__v'>{minus(totals.memberDiscountFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '首诊券', en: 'Coupon' })}</Text><Text id='total-coupon' className='kv__v'>{minus(totals.couponFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '亲友卡', en: 'Friend card' })}</Text><Text id='total-card' className='kv__v'>{minus(totals.friendCardFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '奖励金', en: 'Bonus' })}</Text><Text id='total-bonus' className='kv__v'>{minus(totals.bonusFen)}</Text></View>
      <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '应付', en: 'Amount due' })}</Text><Text id='total-due' className='kv__v'>{money(totals.dueFen)}</Text></View>
      {preview?.result.notes.map((n, k) => <Text key={k} className='muted small'>{t(n)}</Text>)}
      <Text className='field-label'>{t({ zh: '支付方式', en: 'Paid by' })}</Text>
      <View id='pay-methods' className='chips' data-method={method}>
        {PAYMENT_METHODS.map((m) => (
          <Btn key={m} id={`pay-method-${m}`} variant='plain' className={`chip ${m === method ? 'chip--on' : ''}`} onClick={() => onMethod(m)}>{t(PAYMENT_METHOD_LABEL[m])}</Btn>
        ))}
      </View>
      <Btn id='confirm-btn' disabled={confirming} onClick={() => onConfirm()}>
        {confirming ? t({ zh: '提交中…', en: 'Confirming…' }) : t({ zh: `确认收款 ${money(totals.dueFen)}`, en: `Confirm ${money(totals.dueFen)}` })}
      </Btn>
    </View>
  )
}
