/**
 * Issue 13: a bill's receipt — lines with each discount, what card, coupon and bonus paid, the money
 * paid and how, refunds — with reprint and, for managers, a refund of one line or the whole bill
 * (money paid only, C3), asked first in WeChat's dialog naming the patient and the amount.
 */
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Receipt } from '../../api/bills'
import { PAYMENT_METHOD_LABEL } from '../../domain/bill/payment'
import { money, moneyUnit } from '../../services/chain'
import { CATEGORY_LABEL } from '../../domain/policy'
import { Btn, TextField } from '../../components/controls'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { callFunction } from '../../services/cloud'
import { useSingleFlight } from '../../components/hooks'
import { clinicDateTime, newRequestId, parseYuan } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { ADJ_LABEL } from '../reception/desk'
import { useT } from '../../i18n'

const isH5 = process.env.TARO_ENV === 'h5'

export function ReceiptView({ receipt, mayRefund, onChanged, onError }: {
  receipt: Receipt
  mayRefund: boolean
  onChanged: () => void
  onError: (e: BannerMessage | null) => void
}) {
  const t = useT()
  /** What the refund form is for: the whole bill, one line, or closed. */
  const [target, setTarget] = useState<'bill' | number | null>(null)
  const line = typeof target === 'number' ? target : null
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const { busy, run } = useSingleFlight()
  const request = useRef({ content: '', id: '' })
  const r = receipt
  const most = line === null ? r.refundableFen : r.refundableByLineFen[line]

  function pick(i: number | null) {
    setTarget(i ?? 'bill')
    setAmount(((i === null ? r.refundableFen : r.refundableByLineFen[i]) / 100).toFixed(2))
  }

  async function refund() {
    const parsed = parseYuan(amount)
    if (!parsed.ok || parsed.fen <= 0 || parsed.fen > most || reason.trim().length < 2) {
      onError({ zh: `请填写不超过 ${money(most)} 的退款金额和退款原因`, en: `Enter an amount up to ${money(most)} and a reason` })
      return
    }
    // A second tap before the first is answered sends nothing, nor asks again.
    await run(async () => {
      onError(null)
      // S3: one request id per refund as filled in — a retry after a lost answer is the same refund, never a second.
      const content = JSON.stringify([r.billId, line, parsed.fen, reason.trim()])
      if (request.current.content !== content) request.current = { content, id: newRequestId() }
      await callFunction('reception', 'refund', { billId: r.billId, amountFen: parsed.fen, reason: reason.trim(), requestId: request.current.id, ...(line === null ? {} : { lineIndex: line }) })
      request.current = { content: '', id: '' }
      setTarget(null)
      setReason('')
      onChanged()
      void Taro.showToast({ title: t({ zh: '已退款', en: 'Refunded' }), icon: 'success' })
    }, { confirm: () => confirmAction(CONFIRM.refund(r.patientName, parsed.fen)), onError })
  }

  const kv = (k: string, v: string, id?: string) => (
    <View className='kv'><Text className='kv__k'>{k}</Text><Text id={id} className='kv__v'>{v}</Text></View>
  )
  const totals = r.totals
  return (
    <View id='receipt' className='card receipt'>
      <Text className='card__title'>{r.clinicName}</Text>
      {kv(t({ zh: '收据号', en: 'Receipt no.' }), r.billNo, 'receipt-no')}
      {kv(t({ zh: '时间', en: 'Time' }), clinicDateTime(r.at))}
      {kv(t({ zh: '患者', en: 'Patient' }), `${r.patientName} · ${r.recordNo} · ${r.maskedPhone}`)}
      <View className='receipt__lines'>
        {r.lines.map((l, i) => (
          <View key={i} className='receipt__line' data-line={i}>
            <View className='row row--between'>
              <Text>{l.name} <Text className='muted small'>{t(CATEGORY_LABEL[l.category])}</Text></Text>
              <Text>{money(l.amountFen)}</Text>
            </View>
            {l.adjustments.map((a, k) => (
              <View key={k} className='row row--between adj'><Text>{t(ADJ_LABEL[a.kind])}</Text><Text className='neg'>-{money(a.amountFen)}</Text></View>
            ))}
            <View className='row row--between adj adj--due'>
              <Text>{t({ zh: '本项实付', en: 'Paid for this line' })}</Text><Text>{money(l.dueFen)}</Text>
            </View>
            {mayRefund && r.refundableByLineFen[i] > 0 ? (
              <Text id={`refund-line-${i}`} className='link small' onClick={() => pick(i)}>{t({ zh: '退此项', en: 'Refund this line' })}</Text>
            ) : null}
          </View>
        ))}
      </View>
      {kv(t({ zh: '合计', en: 'Subtotal' }), money(totals.subtotalFen))}
      {totals.memberDiscountFen ? kv(t({ zh: '会员折扣', en: 'Member discount' }), `-${money(totals.memberDiscountFen)}`) : null}
      {totals.couponFen ? kv(t({ zh: '首诊券', en: 'First-visit coupon' }), `-${money(totals.couponFen)}`) : null}
      {totals.friendCardFen ? kv(t({ zh: '亲友卡支付', en: 'Friend card' }), `-${money(totals.friendCardFen)}`) : null}
      {totals.bonusFen ? kv(t({ zh: '奖励金抵扣', en: 'Bonus' }), `-${money(totals.bonusFen)}`) : null}
      <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '实收', en: 'Paid' })}</Text><Text id='receipt-paid' className='kv__v'>{money(r.paidFen)}</Text></View>
      {kv(t({ zh: '支付方式', en: 'Paid by' }), t(PAYMENT_METHOD_LABEL[r.paymentMethod ?? 'unrecorded']), 'receipt-method')}
      {r.refunds.map((f, i) => (
        <View key={i} className='kv refund-row'>
          <Text className='kv__k'>{t({ zh: `退款 · ${clinicDateTime(f.at)}`, en: `Refund · ${clinicDateTime(f.at)}` })}{f.lineIndex === null ? '' : ` · ${r.lines[f.lineIndex]?.name ?? ''}`} · {f.reason}</Text>
          <Text className='kv__v neg'>-{money(f.amountFen)}</Text>
        </View>
      ))}
      <View className='row'>
        {isH5 ? <Btn id='receipt-print' variant='plain' onClick={() => window.print()}>{t({ zh: '打印收据', en: 'Print receipt' })}</Btn> : null}
        {mayRefund && r.refundableFen > 0 ? <Btn id='refund-whole' variant='plain' onClick={() => pick(null)}>{t({ zh: '整单退款', en: 'Refund the bill' })}</Btn> : null}
      </View>
      {mayRefund && target !== null ? (
        <View id='refund-form' className='stack'>
          <Text className='muted small'>
            {line === null ? t({ zh: `整单最多可退 ${money(most)}`, en: `Up to ${money(most)} on the bill` })
              : t({ zh: `${r.lines[line].name} 最多可退 ${money(most)}`, en: `Up to ${money(most)} on ${r.lines[line].name}` })}
            {t({ zh: '（亲友卡与奖励金不退现金）', en: ' (card and bonus value are not refunded as money)' })}
          </Text>
          <TextField id='refund-amount' kind='decimal' value={amount} onChange={setAmount} placeholder={t({ zh: `退款金额（${moneyUnit().zh}）`, en: `Amount (${moneyUnit().en})` })} />
          <TextField id='refund-reason' value={reason} onChange={setReason} placeholder={t({ zh: '退款原因', en: 'Reason' })} />
          <Btn id='refund-submit' disabled={busy} onClick={() => void refund()}>{t({ zh: '退款', en: 'Refund' })}</Btn>
        </View>
      ) : null}
    </View>
  )
}
