/**
 * Issue 14: the reports' running totals recounted from the records — once after an upgrade that
 * adds them, or whenever a figure looks wrong. Admin only (permissions: team.rebuildTotals); asked
 * first, because bills landing during the recount may be miscounted until the next one.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { TotalsRebuilt } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
import { confirmAction } from '../../components/confirm'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { useT } from '../../i18n'

export function TotalsCard() {
  const t = useT()
  const [done, setDone] = useState<TotalsRebuilt | null>(null)
  const [error, setError] = useState<BannerMessage | null>(null)
  const { busy, run } = useSingleFlight()

  async function recount() {
    await run(async () => {
      setError(null)
      setDone(await callFunction('team', 'rebuildTotals', {}))
    }, {
      confirm: () => confirmAction({
        title: { zh: '重新统计报表', en: 'Recount the reports' },
        content: { zh: '将根据全部推荐、亲友卡和账单重新计算报表合计。请在非营业时间进行：统计期间收款的账单可能需要再统计一次。', en: 'The report totals will be recounted from every referral, friend card and bill. Do this outside opening hours: bills taken during the recount may need another recount.' },
        confirmText: { zh: '开始统计', en: 'Recount' },
      }),
      onError: setError,
    })
  }

  return (
    <View id='totals-card' className='card'>
      <Text className='card__title'>{t({ zh: '报表合计', en: 'Report totals' })}</Text>
      <Text className='muted small'>{t({ zh: '推荐排行和亲友卡成效读取随每笔交易更新的合计。系统升级后运行一次重新统计。', en: 'The referrer ranking and the friend card results read totals kept with every transaction. Recount once after an upgrade.' })}</Text>
      <ErrorBanner error={error} onClose={error ? () => setError(null) : undefined} />
      {done ? (
        <Text id='totals-done' className='small'>
          {t({ zh: `已于 ${clinicDateTime(done.at)} 重新统计：${done.referrers} 位推荐人，${done.cards} 张亲友卡。`, en: `Recounted at ${clinicDateTime(done.at)}: ${done.referrers} referrers, ${done.cards} friend cards.` })}
        </Text>
      ) : null}
      <Btn id='totals-recount' variant='secondary' disabled={busy} onClick={() => void recount()}>{t({ zh: '重新统计', en: 'Recount' })}</Btn>
    </View>
  )
}
