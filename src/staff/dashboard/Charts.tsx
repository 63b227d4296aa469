/**
 * Issue 14 item 1: the dashboard's charts as CSS bars (no chart library: the weapp subpackage's
 * size budget is tight), in the look of the policy simulator. Funnels are horizontal bars with the
 * count and the share of the step before; trends are columns, one per week.
 */
import { Text, View } from '@tarojs/components'
import type { FunnelStep } from '../../api/contract'
import { useT, type Msg } from '../../i18n'

const pct = (v: number, max: number) => `${max > 0 ? Math.max(Math.round((v / max) * 100), v > 0 ? 2 : 0) : 0}%`

export function Funnel<K extends string>({ id, steps, labels }: { id: string; steps: Array<FunnelStep<K>>; labels: Record<K, Msg> }) {
  const t = useT()
  const max = Math.max(...steps.map((s) => s.count), 0)
  return (
    <View id={id} className='dash-funnel'>
      {steps.map((s) => (
        <View key={s.key} className='dash-bar-row' data-step={s.key} data-count={s.count} data-conversion={s.conversionPct ?? ''}>
          <View className='row row--between dash-bar-row__head'>
            <Text className='dash-bar-row__label'>{t(labels[s.key])}</Text>
            <Text className='dash-bar-row__value'>
              {s.count}
              {s.conversionPct === null ? '' : t({ zh: `（上一步的 ${s.conversionPct}%）`, en: ` (${s.conversionPct}% of the step before)` })}
            </Text>
          </View>
          <View className='dash-bar__track'><View className='dash-bar' style={{ width: pct(s.count, max) }} /></View>
        </View>
      ))}
    </View>
  )
}

/** Plain horizontal bars: a label and a shown value per row. */
export function Bars({ id, rows }: { id: string; rows: Array<{ key: string; label: string; value: number; shown?: string }> }) {
  const max = Math.max(...rows.map((r) => r.value), 0)
  return (
    <View id={id} className='dash-funnel'>
      {rows.map((r) => (
        <View key={r.key} className='dash-bar-row' data-key={r.key} data-count={r.value}>
          <View className='row row--between dash-bar-row__head'>
            <Text className='dash-bar-row__label'>{r.label}</Text>
            <Text className='dash-bar-row__value'>{r.shown ?? String(r.value)}</Text>
          </View>
          <View className='dash-bar__track'><View className='dash-bar dash-bar--soft' style={{ width: pct(r.value, max) }} /></View>
        </View>
      ))}
    </View>
  )
}

/** Columns, one per week; the value above each, the week's first day below. */
export function Columns({ id, columns }: { id: string; columns: Array<{ key: string; label: string; value: number; shown: string }> }) {
  const max = Math.max(...columns.map((c) => c.value), 0)
  return (
    <View id={id} className='dash-columns'>
      {columns.map((c) => (
        <View key={c.key} className='dash-column' data-week={c.key} data-value={c.value}>
          <Text className='dash-column__value'>{c.shown}</Text>
          <View className='dash-column__track'><View className='dash-column__bar' style={{ height: pct(c.value, max) }} /></View>
          <Text className='dash-column__label'>{c.label}</Text>
        </View>
      ))}
    </View>
  )
}
