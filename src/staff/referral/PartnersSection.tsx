import { View, Text } from '@tarojs/components'
import { formatFen } from '../../domain/money'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../components/hooks'
import { LoadFailed } from './shared'

/** R10: partners bound to a consultant, with their deals and commission. */
export function PartnersSection() {
  const [load, reload] = useLoad(() => callFunction('partner', 'list', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const list = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>合作伙伴 Partners</Text>
      <View id='partners'>
        {!list ? <Text className='muted'>加载中… Loading…</Text> : null}
        {list && list.length === 0 ? <Text className='muted'>暂无合作伙伴 No partners yet</Text> : null}
        {list?.map((p) => (
          <View key={p.partnerId} id={`partner-${p.partnerId}`} className='sheet-row'>
            <Text className='sheet-row__who'>{p.name} · {p.code}</Text>
            <Text className='sheet-row__nums'>顾问 Consultant {p.consultantName} · 成交 Deals {p.deals}</Text>
            <Text className='sheet-row__nums'>待付佣金 Due {formatFen(p.commissionDueFen)} · 已付 Paid {formatFen(p.commissionPaidFen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
