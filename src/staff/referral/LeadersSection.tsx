import { View, Text } from '@tarojs/components'
import { formatFen } from '../../domain/money'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../components/hooks'
import { LoadFailed } from './shared'

/** R8: referrers ranked by valid referrals, then referred revenue; recognition as well as reward. */
export function LeadersSection() {
  const [load, reload] = useLoad(() => callFunction('referral', 'leaderboard', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const rows = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>主动转介绍名录 Active referrers</Text>
      <Text className='muted small'>按有效推荐人数、推荐消费额排序 Ranked by valid referrals, then referred revenue</Text>
      <View id='leaderboard'>
        {!rows ? <Text className='muted'>加载中… Loading…</Text> : null}
        {rows && rows.length === 0 ? <Text className='muted'>暂无 None yet</Text> : null}
        {rows?.map((r) => (
          <View key={r.code} id={`leader-${r.code}`} className='sheet-row'>
            <Text className='sheet-row__who'><Text className='rank'>#{r.rank}</Text>{r.referrerName} · {r.code}</Text>
            <Text className='sheet-row__nums'>有效推荐 Valid referrals {r.validReferrals} · 推荐消费 Referred revenue {formatFen(r.referredRevenueFen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
