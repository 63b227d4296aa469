/** S2, S3: the previewed totals, the engine's notes, and the confirmation. */
import { View, Text } from '@tarojs/components'
import type { BillResult } from '../../domain/bill/engine'
import { formatFen } from '../../domain/money'
import { Btn } from '../../components/controls'
import { minus, type Preview } from './desk'

export interface BillTotalsProps {
  t: BillResult['totals']
  preview: Preview | null
  confirming: boolean
  onConfirm: () => void
}

export function BillTotals({ t, preview, confirming, onConfirm }: BillTotalsProps) {
  return (
    <View className='totals'>
      <View className='kv'><Text className='kv__k'>小计 Subtotal</Text><Text id='total-subtotal' className='kv__v'>{formatFen(t.subtotalFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>会员折扣 Member discount</Text><Text id='total-discount' className='kv__v'>{minus(t.memberDiscountFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>首诊券 Coupon</Text><Text id='total-coupon' className='kv__v'>{minus(t.couponFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>亲友卡 Friend card</Text><Text id='total-card' className='kv__v'>{minus(t.friendCardFen)}</Text></View>
      <View className='kv'><Text className='kv__k'>奖励金 Bonus</Text><Text id='total-bonus' className='kv__v'>{minus(t.bonusFen)}</Text></View>
      <View className='kv kv--due'><Text className='kv__k'>应付 Amount due</Text><Text id='total-due' className='kv__v'>{formatFen(t.dueFen)}</Text></View>
      {preview?.result.notes.map((n, k) => <Text key={k} className='muted small'>{n.zh} {n.en}</Text>)}
      <Btn id='confirm-btn' disabled={confirming} onClick={() => onConfirm()}>
        {confirming ? '提交中… Confirming…' : `确认收款 Confirm ${formatFen(t.dueFen)}`}
      </Btn>
    </View>
  )
}
