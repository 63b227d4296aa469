/** S3: the receipt of the bill just paid; M6 the refund for those who may; then the next bill. */
import { View, Text } from '@tarojs/components'
import type { ConfirmedBill, ScannedCard } from '../../api/contract'
import { formatFen } from '../../domain/money'
import { TIER_LABEL } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { REFUNDERS, type Staff } from './desk'
import { RefundPanel } from './RefundPanel'

export interface ReceiptPanelProps {
  receipt: ConfirmedBill
  card: ScannedCard | null
  staff: Staff
  setError: (e: BannerMessage | null) => void
  show: (e: unknown) => void
  onNewBill: () => void
}

export function ReceiptPanel({ receipt, card, staff, setError, show, onNewBill }: ReceiptPanelProps) {
  return (
    <View id='receipt' className='card receipt'>
      <Text className='card__title'>已收款 Paid</Text>
      {receipt.replayed ? (
        <Text id='receipt-replayed' className='receipt__replayed'>重复提交，未重复扣款 (replayed)</Text>
      ) : null}
      <View className='kv kv--due'><Text className='kv__k'>实收 Paid</Text><Text id='receipt-paid' className='kv__v'>{formatFen(receipt.paidFen)}</Text></View>
      {receipt.result.totals.friendCardFen > 0 ? (
        <View className='kv'>
          <Text className='kv__k'>亲友卡支付 Friend card</Text>
          <Text id='receipt-card' className='kv__v'>{formatFen(receipt.result.totals.friendCardFen)}{card ? ` · 余额 ${formatFen(card.balanceFen)}` : ''}</Text>
        </View>
      ) : null}
      <View className='kv'><Text className='kv__k'>会员等级 Tier after</Text><Text id='receipt-tier' className='kv__v'>{TIER_LABEL[receipt.tierAfter].zh}</Text></View>
      <View className='kv'><Text className='kv__k'>累计消费 Spend after</Text><Text id='receipt-spend' className='kv__v'>{formatFen(receipt.cumulativeSpendAfterFen)}</Text></View>
      <Text className='muted small'>账单号 Bill <Text id='receipt-bill'>{receipt.billId}</Text></Text>
      {REFUNDERS.includes(staff.role) ? <RefundPanel key={receipt.billId} receipt={receipt} setError={setError} show={show} /> : null}
      <Btn id='new-bill' variant='secondary' onClick={onNewBill}>新账单 New bill</Btn>
    </View>
  )
}
