/**
 * Issue 13, day close (seed 003 step 6; staff subpackage): a clinic's day — its bills, the money by
 * payment method, refunds — printable, closed once by the receptionist; managers see the closed
 * days of the month. The referral sheet of the day is on the referral page (same day, same clinic).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ClosedDay, DaySheet } from '../../api/bills'
import { can } from '../../domain/permissions'
import { PAYMENT_METHOD_LABEL } from '../../domain/bill/payment'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { clinicDateTime, newRequestId } from '../../services/format'
import { ExportButtons } from '../export/ExportButtons'
import { CLOSED_DAYS_EXPORT, DAY_BILLS_EXPORT } from '../export/reports'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { confirmAction } from '../../components/confirm'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { StaffPage, type StaffPersona } from '../../components/StaffPage'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'
import './index.css'

const isH5 = process.env.TARO_ENV === 'h5'
const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

export default function StaffDayClosePage() {
  return (
    <StaffPage title='日结' subtitle='Day close'>
      {(staff) => <DayClose key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function DayClose({ staff }: { staff: StaffPersona }) {
  const t = useT()
  const [day, setDay] = useState<string | undefined>(undefined) // undefined: today, clinic time
  const [load, reload] = useLoad<DaySheet>(() => callFunction('reception', 'daySheet', day ? { day } : {}))
  const [error, setError] = useState<BannerMessage | null>(null)
  const flight = useSingleFlight()
  const busy = flight.busy
  const sheet = load.data ?? null

  function go(n: number) {
    if (!sheet) return
    setDay(shiftDay(sheet.day, n))
    reload()
  }

  // S3: one close at a time — the lock is taken on the tap, the dialog asked while it is held.
  async function close() {
    if (!sheet) return
    const ask = {
      title: { zh: '确认日结', en: 'Close the day' },
      content: {
        zh: `确认 ${sheet.clinicName} ${sheet.day} 日结？共 ${sheet.bills.length} 笔，实收 ${money(sheet.paidFen)}，退款 ${money(sheet.refundedFen)}。`,
        en: `Close ${sheet.day} at ${sheet.clinicName}? ${sheet.bills.length} bills, ${money(sheet.paidFen)} taken, ${money(sheet.refundedFen)} refunded.`,
      },
      confirmText: { zh: '日结', en: 'Close' },
    }
    setError(null)
    await flight.run(async () => {
      await callFunction('reception', 'closeDay', { day: sheet.day, requestId: newRequestId() })
      reload()
      void Taro.showToast({ title: t({ zh: '已日结', en: 'Day closed' }), icon: 'success' })
    }, { confirm: () => confirmAction(ask), onError: setError })
  }

  return (
    <View className='stack'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {!sheet ? <Loading /> : (
        <View id='day-sheet' className='card stack'>
          <View className='row row--between'>
            <Btn id='day-prev' variant='plain' className='chip' onClick={() => go(-1)}>{t({ zh: '‹ 前一天', en: '‹ Previous' })}</Btn>
            <Text id='day-title' className='card__title'>{sheet.clinicName} · {sheet.day}</Text>
            <Btn id='day-next' variant='plain' className='chip' onClick={() => go(1)}>{t({ zh: '后一天 ›', en: 'Next ›' })}</Btn>
          </View>
          <View id='day-methods'>
            {sheet.byMethod.length === 0 ? <Text className='muted'>{t({ zh: '当天没有收款', en: 'No payments this day' })}</Text> : null}
            {sheet.byMethod.map((m) => (
              <View key={m.method} className='row row--between method-row' data-method={m.method}>
                <Text>{t(PAYMENT_METHOD_LABEL[m.method])} · {t({ zh: `${m.bills} 笔`, en: `${m.bills} bills` })}</Text>
                <Text>{money(m.paidFen)}{m.refundedFen ? ` − ${money(m.refundedFen)}` : ''} = {money(m.netFen)}</Text>
              </View>
            ))}
          </View>
          <View className='kv kv--due'>
            <Text className='kv__k'>{t({ zh: '当日净收', en: 'Net for the day' })}</Text>
            <Text id='day-net' className='kv__v'>{money(sheet.paidFen - sheet.refundedFen)}</Text>
          </View>
          {sheet.bills.map((b) => (
            <View key={b.billId} className='row row--between method-row'>
              <Text className='small'>{clinicDateTime(b.at).slice(-5)} · {b.patientName} · {b.billNo}</Text>
              <Text className='small'>{money(b.paidFen)} · {t(PAYMENT_METHOD_LABEL[b.paymentMethod ?? 'unrecorded'])}</Text>
            </View>
          ))}
          {sheet.closed ? (
            <Text id='day-closed' className='closed-note'>
              {t({ zh: `${sheet.closed.by} 已于 ${clinicDateTime(sheet.closed.at)} 日结（${sheet.closed.bills} 笔，${money(sheet.closed.paidFen)}）`,
                en: `Closed by ${sheet.closed.by} at ${clinicDateTime(sheet.closed.at)} (${sheet.closed.bills} bills, ${money(sheet.closed.paidFen)})` })}
              {sheet.bills.length > sheet.closed.bills ? t({ zh: `；日结后又有 ${sheet.bills.length - sheet.closed.bills} 笔`, en: `; ${sheet.bills.length - sheet.closed.bills} more since` }) : ''}
            </Text>
          ) : (
            <Btn id='day-close' disabled={busy} onClick={() => void close()}>{t({ zh: '日结', en: 'Close the day' })}</Btn>
          )}
          {sheet.bills.length > 0 ? <ExportButtons id='day-export' report={DAY_BILLS_EXPORT} rows={sheet.bills} stamp={`${sheet.clinicName}-${sheet.day}`} onError={setError} /> : null}
          {isH5 ? <Text id='day-print' className='link' onClick={() => window.print()}>{t({ zh: '打印日结单', en: 'Print the day sheet' })}</Text> : null}
        </View>
      )}
      {can(staff, 'reception', 'closedDays') && sheet ? <ClosedDays key={sheet.day.slice(0, 7)} month={sheet.day.slice(0, 7)} /> : null}
    </View>
  )
}

function ClosedDays({ month }: { month: string }) {
  const t = useT()
  const [load] = useLoad<ClosedDay[]>(() => callFunction('reception', 'closedDays', { month }))
  return (
    <View id='closed-days' className='card'>
      <Text className='card__title'>{t({ zh: `${month} 已日结`, en: `Closed days in ${month}` })}</Text>
      {load.state === 'loading' ? <Loading /> : null}
      {load.data?.length === 0 ? <Text className='muted'>{t({ zh: '本月还没有日结', en: 'No day closed this month yet' })}</Text> : null}
      {(load.data ?? []).map((d) => (
        <View key={`${d.clinicId}:${d.day}`} className='row row--between method-row'>
          <Text className='small'>{d.day} · {d.clinicName} · {d.closedBy}</Text>
          <Text className='small'>{t({ zh: `${d.bills} 笔`, en: `${d.bills} bills` })} · {money(d.paidFen - d.refundedFen)}</Text>
        </View>
      ))}
      {load.data && load.data.length > 0 ? <ExportButtons id='closed-days-export' report={CLOSED_DAYS_EXPORT} rows={load.data} stamp={month} /> : null}
    </View>
  )
}
