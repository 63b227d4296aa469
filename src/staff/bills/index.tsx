/**
 * Issue 13, bill lookup (staff subpackage; the desk, directors, admins): find a bill by receipt
 * number, record number, the last 4 digits of a phone, or a day — today's by default — open its
 * receipt to reprint it, and (director, admin) refund a line or the whole bill any day.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { BillSummary, Receipt } from '../../api/bills'
import { can } from '../../domain/permissions'
import { PAYMENT_METHOD_LABEL } from '../../domain/bill/payment'
import { money } from '../../services/chain'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { StaffPage, type StaffPersona } from '../../components/StaffPage'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'
import { readBillQuery } from './query'
import { ReceiptView } from './ReceiptView'
import './index.css'

export default function StaffBillsPage() {
  return (
    <StaffPage title='账单查询' subtitle='Bills'>
      {(staff) => <BillDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function BillDesk({ staff }: { staff: StaffPersona }) {
  const t = useT()
  const [text, setText] = useState('')
  const [rows, setRows] = useState<BillSummary[] | null>(null)
  const [open, setOpen] = useState<Receipt | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BannerMessage | null>(null)

  /** `today`: the server's today, in the clinic's time zone. */
  async function find(today = false) {
    const q = today ? {} : readBillQuery(text)
    if (!q) {
      setError({ zh: '请输入收据号、病历号、手机尾号 4 位或日期（如 2026-11-22）', en: 'Enter a receipt number, record number, last 4 phone digits or a date (e.g. 2026-11-22)' })
      return
    }
    setBusy(true)
    setError(null)
    setOpen(null)
    try {
      setRows(await callFunction('reception', 'findBills', q))
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }

  async function show(billId: string) {
    setError(null)
    try {
      setOpen(await callFunction('reception', 'receipt', { billId }))
    } catch (e) {
      setError(toApiError(e))
    }
  }

  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <View className='card stack'>
        <TextField id='bill-query' value={text} onChange={setText} onConfirm={() => void find()}
          placeholder={t({ zh: '收据号 / 病历号 / 手机尾号 / 日期', en: 'Receipt no. / record no. / phone tail / date' })} />
        <View className='row bill-actions'>
          <Btn id='bill-find' disabled={busy} onClick={() => void find()}>{t({ zh: '查询', en: 'Find' })}</Btn>
          <Btn id='bill-today' variant='plain' disabled={busy} onClick={() => void find(true)}>{t({ zh: '今天的账单', en: "Today's bills" })}</Btn>
        </View>
      </View>
      {busy ? <Loading /> : null}
      {rows && !open ? (
        <View id='bill-list' className='card'>
          {rows.length === 0 ? <Text className='muted'>{t({ zh: '没有找到账单', en: 'No bills found' })}</Text> : null}
          {rows.map((b) => (
            <View key={b.billId} className='bill-row' data-bill={b.billNo} onClick={() => void show(b.billId)}>
              <View className='row row--between'>
                <Text className='bill-row__who'>{b.patientName} · {b.recordNo}</Text>
                <Text className='bill-row__paid'>{money(b.paidFen)}</Text>
              </View>
              <Text className='muted small'>
                {b.billNo} · {clinicDateTime(b.at)} · {t(PAYMENT_METHOD_LABEL[b.paymentMethod ?? 'unrecorded'])}
                {b.refundedFen ? t({ zh: ` · 已退 ${money(b.refundedFen)}`, en: ` · refunded ${money(b.refundedFen)}` }) : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {open ? (
        <>
          <Text id='receipt-back' className='link' onClick={() => setOpen(null)}>{t({ zh: '‹ 返回列表', en: '‹ Back to the list' })}</Text>
          <ReceiptView receipt={open} mayRefund={can(staff, 'reception', 'refund')} onError={setError} onChanged={() => void show(open.billId)} />
        </>
      ) : null}
    </View>
  )
}
