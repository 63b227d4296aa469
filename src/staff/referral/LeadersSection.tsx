import { View, Text } from '@tarojs/components'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../components/hooks'
import { LoadFailed, type SectionProps } from './shared'
import { ExportButtons } from '../export/ExportButtons'
import { LEADERS_EXPORT } from '../export/reports'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

/** The server answers the top 100 (issue 14: the list no longer grows with history). */
const SHOWN = 100

/** R8: referrers ranked by valid referrals, then referred revenue; recognition as well as reward. */
export function LeadersSection({ onError }: Partial<SectionProps>) {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('referral', 'leaderboard', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const rows = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>{t({ zh: '主动转介绍名录', en: 'Active referrers' })}</Text>
      <Text id='leaderboard-note' className='muted small'>{t({ zh: `按有效推荐人数、推荐消费额排序，显示前 ${SHOWN} 名`, en: `Ranked by valid referrals, then referred revenue; the top ${SHOWN}` })}</Text>
      <View id='leaderboard'>
        {!rows ? <Loading /> : null}
        {rows && rows.length === 0 ? <Text className='muted'>{t({ zh: '暂无', en: 'None yet' })}</Text> : null}
        {rows?.map((r) => (
          <View key={r.code} id={`leader-${r.code}`} className='sheet-row'>
            <Text className='sheet-row__who'><Text className='rank'>#{r.rank}</Text>{r.referrerName} · {r.code}</Text>
            <Text className='sheet-row__nums'>{t({ zh: `有效推荐 ${r.validReferrals} · 推荐消费 ${money(r.referredRevenueFen)}`, en: `Valid referrals ${r.validReferrals} · referred revenue ${money(r.referredRevenueFen)}` })}</Text>
          </View>
        ))}
      </View>
      {rows && rows.length > 0 ? <ExportButtons id='leaders-export' report={LEADERS_EXPORT} rows={rows} stamp='' onError={onError} /> : null}
    </View>
  )
}
