import { View, Text } from '@tarojs/components'
import { formatFen } from '../../domain/money'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../components/hooks'
import { LoadFailed } from './shared'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

/** R8: referrers ranked by valid referrals, then referred revenue; recognition as well as reward. */
export function LeadersSection() {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('referral', 'leaderboard', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const rows = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>{t({ zh: '主动转介绍名录', en: 'Active referrers' })}</Text>
      <Text className='muted small'>{t({ zh: '按有效推荐人数、推荐消费额排序', en: 'Ranked by valid referrals, then referred revenue' })}</Text>
      <View id='leaderboard'>
        {!rows ? <Loading /> : null}
        {rows && rows.length === 0 ? <Text className='muted'>{t({ zh: '暂无', en: 'None yet' })}</Text> : null}
        {rows?.map((r) => (
          <View key={r.code} id={`leader-${r.code}`} className='sheet-row'>
            <Text className='sheet-row__who'><Text className='rank'>#{r.rank}</Text>{r.referrerName} · {r.code}</Text>
            <Text className='sheet-row__nums'>{t({ zh: `有效推荐 ${r.validReferrals} · 推荐消费 ${formatFen(r.referredRevenueFen)}`, en: `Valid referrals ${r.validReferrals} · referred revenue ${formatFen(r.referredRevenueFen)}` })}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
