/** S3: the receipt of the bill just paid, with what to tell the patient now (R7, F1, Q1); M6 the refund for those who may; then the next bill. */
import { View, Text } from '@tarojs/components'
import type { ConfirmedBill, ScannedCard } from '../../api/contract'
import { money } from '../../services/chain'
import { TIER_LABEL } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { REFUNDERS, type Staff } from './desk'
import { RefundPanel } from './RefundPanel'
import { useT } from '../../i18n'

export interface ReceiptPanelProps {
  receipt: ConfirmedBill
  card: ScannedCard | null
  staff: Staff
  setError: (e: BannerMessage | null) => void
  show: (e: unknown) => void
  onNewBill: () => void
}

export function ReceiptPanel({ receipt, card, staff, setError, show, onNewBill }: ReceiptPanelProps) {
  const t = useT()
  // The server answers the card's balance after the bill (issue 13); the scanned card is a fallback for a retry's answer.
  const cardLeft = receipt.cardBalanceAfterFen ?? card?.balanceFen
  return (
    <View id='receipt' className='card receipt' data-bill-id={receipt.billId}>
      <Text className='card__title'>{t({ zh: '已收款', en: 'Paid' })}</Text>
      {receipt.replayed ? (
        <Text id='receipt-replayed' className='receipt__replayed'>{t({ zh: '重复提交，未重复扣款', en: 'Submitted twice: charged once' })}</Text>
      ) : null}
      <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '实收', en: 'Paid' })}</Text><Text id='receipt-paid' className='kv__v'>{money(receipt.paidFen)}</Text></View>
      {receipt.result.totals.friendCardFen > 0 ? (
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '亲友卡支付', en: 'Friend card' })}</Text>
          <Text id='receipt-card' className='kv__v'>{money(receipt.result.totals.friendCardFen)}{cardLeft === undefined ? '' : t({ zh: ` · 余额 ${money(cardLeft)}`, en: ` · balance ${money(cardLeft)}` })}</Text>
        </View>
      ) : null}
      {receipt.result.totals.bonusFen > 0 ? (
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '奖励金抵扣', en: 'Bonus used' })}</Text>
          <Text id='receipt-bonus' className='kv__v'>{money(receipt.result.totals.bonusFen)}{receipt.bonusBalanceAfterFen === undefined ? '' : t({ zh: ` · 余额 ${money(receipt.bonusBalanceAfterFen)}`, en: ` · balance ${money(receipt.bonusBalanceAfterFen)}` })}</Text>
        </View>
      ) : null}
      <View className='kv'><Text className='kv__k'>{t({ zh: '会员等级', en: 'Tier now' })}</Text><Text id='receipt-tier' className='kv__v'>{t(TIER_LABEL[receipt.tierAfter])}</Text></View>
      <View className='kv'><Text className='kv__k'>{t({ zh: '累计消费', en: 'Spend now' })}</Text><Text id='receipt-spend' className='kv__v'>{money(receipt.cumulativeSpendAfterFen)}</Text></View>
      {receipt.prompts && receipt.prompts.length > 0 ? (
        <View id='receipt-prompts' className='notice prompts'>
          <Text className='prompts__title'>{t({ zh: '请告诉患者', en: 'Tell the patient' })}</Text>
          {receipt.prompts.map((pr) => <Text key={pr.kind} className='prompts__item' data-kind={pr.kind}>{t(pr)}</Text>)}
        </View>
      ) : null}
      {REFUNDERS.includes(staff.role) ? <RefundPanel key={receipt.billId} receipt={receipt} setError={setError} show={show} /> : null}
      <Btn id='new-bill' variant='secondary' onClick={onNewBill}>{t({ zh: '新账单', en: 'New bill' })}</Btn>
    </View>
  )
}
