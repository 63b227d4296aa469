/**
 * Birthday gifts (N2, staff subpackage; receptionist, consultant, director, admin): a month's
 * member birthdays as the daily job prepared them on the 1st of the month before — birthday, name,
 * masked phone (C2), what the member paid in the last 12 months (M6) and the gift budget (0.5%).
 * Staff tick each gift bought, then delivered; the list exports as CSV. Default: next month.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { BirthdayGift } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { clinicDateTime, shiftMonth } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { ExportButtons } from '../export/ExportButtons'
import { BIRTHDAYS_EXPORT, GIFT_STATUS_LABEL } from '../export/reports'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { StaffPage } from '../../components/StaffPage'
import { Loading } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import './index.css'

const STATUS = GIFT_STATUS_LABEL

export default function StaffBirthdaysPage() {
  return (
    <StaffPage title='会员生日礼物' subtitle='Birthday gifts'>
      {(staff) => <GiftDesk key={staff.staffId} />}
    </StaffPage>
  )
}

function GiftDesk() {
  const t = useT()
  /** undefined: the server's default, next month (clinic time). */
  const [asked, setAsked] = useState<string | undefined>(undefined)
  const [load, reload] = useLoad(() => callFunction('membership', 'birthdays', asked ? { month: asked } : {}))
  const [error, setError] = useState<BannerMessage | null>(null)
  const { busy, run } = useSingleFlight()
  const list = load.data ?? null
  const month = asked ?? list?.month ?? ''
  const current = list && list.month === month ? list : null

  function go(n: number) {
    if (!month) return
    setError(null)
    setAsked(shiftMonth(month, n))
    reload()
  }

  async function mark(g: BirthdayGift, step: 'bought' | 'delivered') {
    if (!current) return
    await run(async () => {
      setError(null)
      await callFunction('membership', 'markGift', { month: current.month, patientId: g.patientId, step })
      reload() // the row, the total and the CSV all come from the server again
    }, { onError: setError })
  }

  return (
    <View className='stack'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      <View className='card'>
        <View className='row row--between'>
          <Btn id='month-prev' variant='plain' className='chip' disabled={!month} onClick={() => go(-1)}>{t({ zh: '‹ 上月', en: '‹ Prev' })}</Btn>
          <Text id='gift-month' className='month'>{month || '…'}</Text>
          <Btn id='month-next' variant='plain' className='chip' disabled={!month} onClick={() => go(1)}>{t({ zh: '下月 ›', en: 'Next ›' })}</Btn>
        </View>
        {current ? (
          <Text id='gift-prepared' className='muted small'>
            {current.preparedAt
              ? t({ zh: `名单生成于 ${clinicDateTime(current.preparedAt)}`, en: `Prepared ${clinicDateTime(current.preparedAt)}` })
              : t({ zh: '名单尚未生成：每月 1 日生成下月名单', en: 'Not prepared yet: the list for a month is made on the 1st of the month before' })}
          </Text>
        ) : null}
      </View>

      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {!current ? (load.state === 'loading' ? <Loading /> : null) : (
        <>
          <View id='gift-list' className='card'>
            <Text className='card__title'>{t({ zh: '生日会员', en: 'Members with birthdays' })}</Text>
            {current.gifts.length === 0 ? <Text id='gift-empty' className='muted'>{t({ zh: '本月没有会员生日', en: 'No member birthdays this month' })}</Text> : null}
            {current.gifts.map((g) => (
              <View key={g.patientId} id={`gift-${g.patientId}`} className='gift'>
                <View className='row row--between gift__head'>
                  <Text className='gift__who'>{g.birthday.slice(5)} · {g.name} · {g.maskedPhone}</Text>
                  <Text id={`gift-status-${g.patientId}`} className={`gift__status gift__status--${g.status}`}>{t(STATUS[g.status])}</Text>
                </View>
                <View className='kv'><Text className='kv__k'>{t({ zh: '近 12 个月消费', en: 'Paid (12 months)' })}</Text><Text className='kv__v'>{money(g.spend12mFen)}</Text></View>
                <View className='kv'><Text className='kv__k'>{t({ zh: '礼物预算', en: 'Gift budget' })}</Text><Text id={`gift-budget-${g.patientId}`} className='kv__v'>{money(g.budgetFen)}</Text></View>
                <View className='row'>
                  <Btn id={`gift-bought-${g.patientId}`} variant='secondary' className='grow' disabled={busy || g.status !== 'todo'} onClick={() => void mark(g, 'bought')}>
                    {t(STATUS.bought)}
                  </Btn>
                  <Btn id={`gift-delivered-${g.patientId}`} variant='secondary' className='grow' disabled={busy || g.status !== 'bought'} onClick={() => void mark(g, 'delivered')}>
                    {t(STATUS.delivered)}
                  </Btn>
                </View>
              </View>
            ))}
            <View className='kv kv--due'>
              <Text className='kv__k'>{t({ zh: `预算合计（${current.gifts.length} 人）`, en: `Total budget (${current.gifts.length} members)` })}</Text>
              <Text id='gift-total' className='kv__v'>{money(current.totalBudgetFen)}</Text>
            </View>
          </View>
          {current.gifts.length > 0 ? (
            <View className='card'>
              <Text className='card__title'>{t({ zh: '导出礼物清单', en: 'Export the gift list' })}</Text>
              <ExportButtons id='gift-export' report={BIRTHDAYS_EXPORT} rows={current.gifts} stamp={current.month} onError={setError} />
            </View>
          ) : null}
        </>
      )}
    </View>
  )
}
