import { View, Text } from '@tarojs/components'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../components/hooks'
import { LoadFailed } from './shared'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

/** R10: partners bound to a consultant, with their deals and commission. */
export function PartnersSection() {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('partner', 'list', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const list = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>{t({ zh: '合作伙伴', en: 'Partners' })}</Text>
      <View id='partners'>
        {!list ? <Loading /> : null}
        {list && list.length === 0 ? <Text className='muted'>{t({ zh: '暂无合作伙伴', en: 'No partners yet' })}</Text> : null}
        {list?.map((p) => (
          <View key={p.partnerId} id={`partner-${p.partnerId}`} className='sheet-row'>
            <Text className='sheet-row__who'>{p.name} · {p.code}</Text>
            <Text className='sheet-row__nums'>{t({ zh: `顾问 ${p.consultantName} · 成交 ${p.deals}`, en: `Consultant ${p.consultantName} · deals ${p.deals}` })}</Text>
            <Text className='sheet-row__nums'>{t({ zh: `待付佣金 ${money(p.commissionDueFen)} · 已付 ${money(p.commissionPaidFen)}`, en: `Commission due ${money(p.commissionDueFen)} · paid ${money(p.commissionPaidFen)}` })}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
