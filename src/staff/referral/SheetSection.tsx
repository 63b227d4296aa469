import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { DaySheet } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { TextField, Btn } from '../../components/controls'
import { ExportButtons } from '../export/ExportButtons'
import { DAY_SHEET_EXPORT } from '../export/reports'
import { LoadFailed, PAYOUT_STATUS, useDatedReport, type SectionProps } from './shared'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

/** R9: the end-of-day sheet. The first load asks for the server's today; then any date. */
export function SheetSection({ onError }: SectionProps) {
  const t = useT()
  const [date, setDate] = useState('')
  const [load, reload, ask] = useDatedReport<DaySheet>((d) => callFunction('referral', 'daySheet', d ? { date: d } : {}), onError)
  const sheet = load.data ?? null
  const shownDate = date || sheet?.date || ''
  const show = () => ask(shownDate)

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  return (
    <View id='day-sheet' className='card'>
      <Text className='card__title'>{t({ zh: '推荐日结单', en: 'End-of-day referral sheet' })}</Text>
      <View className='row'>
        <TextField id='sheet-date' className='grow' value={shownDate} onChange={setDate} placeholder='YYYY-MM-DD' onConfirm={show} />
        <Btn id='sheet-load' variant='secondary' onClick={show}>{t({ zh: '查看', en: 'Show' })}</Btn>
      </View>
      {!sheet ? <Loading /> : (
        <>
          <Text id='sheet-title' className='muted small'>{sheet.date} · {t({ zh: `${sheet.rows.length} 条`, en: `${sheet.rows.length} rows` })}</Text>
          <View id='sheet-rows' className='sheet-table'>
            {sheet.rows.length === 0 ? <Text className='muted'>{t({ zh: '当日无推荐付款', en: 'No referred payments that day' })}</Text> : null}
            {sheet.rows.map((r, i) => (
              <View key={`${r.billId}-${i}`} id={`sheet-row-${i}`} className='sheet-row'>
                <View className='row row--between'>
                  <Text className='sheet-row__who'>{r.referrerCode} {r.referrerName} · {r.maskedPhone}</Text>
                  {r.payoutStatus ? <Text className={`ref-pill ref-pill--${r.payoutStatus}`}>{t(PAYOUT_STATUS[r.payoutStatus])}</Text> : null}
                </View>
                <Text className='sheet-row__nums'>
                  {t({ zh: `朋友 ${r.friendName} · 实付 ${money(r.paidFen)}`, en: `Friend ${r.friendName} · paid ${money(r.paidFen)}` })}
                </Text>
                <Text className='sheet-row__nums'>
                  {t({
                    zh: `奖励金 ${money(r.bonusFen)} · 分成 ${money(r.shareFen)} · 外部发放 ${money(r.payoutFen)}`,
                    en: `Bonus ${money(r.bonusFen)} · share ${money(r.shareFen)} · payout ${money(r.payoutFen)}`,
                  })}
                </Text>
              </View>
            ))}
          </View>
          <View className='kv kv--due'>
            <Text className='kv__k'>{t({ zh: '今日待发放', en: 'Payouts to make' })}</Text>
            <Text id='sheet-total' className='kv__v'>{money(sheet.payoutsToMakeFen)}</Text>
          </View>
          <ExportButtons id='sheet-export' report={DAY_SHEET_EXPORT} rows={sheet.rows} stamp={sheet.date} onError={onError} />
        </>
      )}
    </View>
  )
}
