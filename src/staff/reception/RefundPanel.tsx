/**
 * M6: a director or admin refunds (part of) the bill just paid, idempotently like every money action
 * (S3), after saying yes to 「确认为 李明 退款 ¥100.00？」 (issue 12).
 */
import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ConfirmedBill, RefundResult } from '../../api/contract'
import { money, moneyUnit } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { TIER_LABEL, parseYuan, newRequestId } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { useT } from '../../i18n'

export interface RefundPanelProps {
  /** `payerName`: set by useDesk (DeskReceipt); the question names the patient. */
  receipt: ConfirmedBill & { payerName?: string }
  setError: (e: BannerMessage | null) => void
  show: (e: unknown) => void
}

export function RefundPanel({ receipt, setError, show }: RefundPanelProps) {
  const t = useT()
  const [refundAmount, setRefundAmount] = useState('')
  const [refundReason, setRefundReason] = useState('')
  const [refundDone, setRefundDone] = useState<RefundResult | null>(null)
  /** S3: one requestId per refund content; a retry reuses it. */
  const refundRequest = useRef<{ fp: string; id: string } | null>(null)
  const { busy: refunding, held, run } = useSingleFlight()

  /** M6: refund (part of) the bill just paid; one requestId per refund content (S3). */
  async function refund() {
    if (!receipt || held()) return
    const parsed = parseYuan(refundAmount)
    if (!parsed.ok) {
      setError({ ...parsed.message, code: 'VALIDATION' })
      return
    }
    const reason = refundReason.trim()
    if (reason.length < 2) {
      setError({ zh: '请填写退款原因', en: 'Enter the reason for the refund', code: 'VALIDATION' })
      return
    }
    const fp = JSON.stringify([receipt.billId, parsed.fen, reason])
    if (!refundRequest.current || refundRequest.current.fp !== fp) refundRequest.current = { fp, id: newRequestId() }
    const requestId = refundRequest.current.id
    setError(null)
    await run(async () => {
      setRefundDone(await callFunction('reception', 'refund', { billId: receipt.billId, amountFen: parsed.fen, reason, requestId }))
    }, {
      confirm: () => confirmAction(CONFIRM.refund(receipt.payerName ?? t({ zh: '该患者', en: 'this patient' }), parsed.fen)),
      onError: show, // the same requestId is kept: tapping again is a safe retry
    })
  }

  return (
    <View id='refund-box' className='refund'>
      <Text className='card__title register__title'>{t({ zh: '退款', en: 'Refund' })}</Text>
      <Text className='field-label'>{t({ zh: `退款金额（${moneyUnit().zh}，≤ ${money(receipt.paidFen)}）`, en: `Amount (${moneyUnit().en}, ≤ ${money(receipt.paidFen)})` })}</Text>
      <TextField id='refund-amount' kind='decimal' value={refundAmount} onChange={setRefundAmount} placeholder='0.00' />
      <Text className='field-label'>{t({ zh: '原因', en: 'Reason' })}</Text>
      <TextField id='refund-reason' value={refundReason} onChange={setRefundReason} placeholder={t({ zh: '如：治疗取消', en: 'e.g. treatment cancelled' })} />
      <Btn id='refund-btn' variant='secondary' disabled={refunding} onClick={() => void refund()}>
        {refunding ? t({ zh: '退款中…', en: 'Refunding…' }) : t({ zh: '退款', en: 'Refund' })}
      </Btn>
      {refundDone ? (
        <View id='refund-result' className='notice'>
          <Text>{t({ zh: `已退款 ${money(refundDone.amountFen)}`, en: `Refunded ${money(refundDone.amountFen)}` })}</Text>
          {refundDone.replayed ? <Text id='refund-replayed'>{t({ zh: '重复提交，未重复退款', en: 'Submitted twice: refunded once' })}</Text> : null}
          <Text className='muted small'>{t(TIER_LABEL[refundDone.tierAfter])} · {t({ zh: '累计消费 ', en: 'spend ' })}{money(refundDone.cumulativeSpendAfterFen)}</Text>
        </View>
      ) : null}
    </View>
  )
}
