/**
 * Issue 14: the policy's versions, newest first — who saved each, when (clinic time), why, and what
 * changed against the version before. Paged by version number (older versions on request).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PolicyHistoryPage, PolicyVersionView } from '../../api/contract'
import { dayjs } from '../../domain/clock'
import type { Currency } from '../../domain/policy'
import { POLICY_PRESETS } from '../../domain/policy-presets'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { Loading } from '../../components/PageShell'
import { useLoad } from '../../components/hooks'
import { policyHistory } from '../../services/policy'
import { toApiError } from '../../services/cloud'
import { useT } from '../../i18n'
import { showChange } from './show'

export function PolicyHistory({ currency, timezone }: { currency: Currency; timezone: string }) {
  const t = useT()
  const [first] = useLoad(() => policyHistory())
  const [older, setOlder] = useState<PolicyHistoryPage[]>([])
  const [error, setError] = useState<BannerMessage | null>(null)
  if (first.state === 'loading') return <Loading />
  if (first.state === 'error') return <ErrorBanner error={first.error} />
  const pages = [first.data, ...older]
  const versions = pages.flatMap((p) => p.versions)
  const next = pages[pages.length - 1].next
  async function more() {
    try {
      const page = await policyHistory(next)
      setOlder((o) => [...o, page])
    } catch (e) {
      setError(toApiError(e))
    }
  }
  return (
    <View id='policy-history' className='card'>
      <Text className='card__title'>{t({ zh: '修改记录', en: 'History' })}</Text>
      {versions.length === 0 ? <Text className='muted'>{t({ zh: '还没有修改过，当前为初始规则。', en: 'Never changed: the chain runs on the rules it started with.' })}</Text> : null}
      {versions.map((v) => <VersionRow key={v.version} v={v} currency={currency} timezone={timezone} />)}
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {next !== undefined ? <Btn id='policy-history-more' variant='plain' onClick={() => void more()}>{t({ zh: '更早的版本', en: 'Older versions' })}</Btn> : null}
    </View>
  )
}

function VersionRow({ v, currency, timezone }: { v: PolicyVersionView; currency: Currency; timezone: string }) {
  const t = useT()
  // Amounts in the currency of each side of the change (a preset may switch it).
  const switched = v.changes.find((c) => c.path === 'currency')
  const after = (switched?.after as Currency | undefined) ?? currency
  const before = (switched?.before as Currency | undefined) ?? currency
  const when = v.at ? dayjs(v.at).tz(timezone).format('YYYY-MM-DD HH:mm') : ''
  return (
    <View className='policy-version' data-version={v.version}>
      <Text className='policy-version__head'>
        {t({ zh: `第 ${v.version} 版`, en: `Version ${v.version}` })}
        {v.byName ? ` · ${when} · ${v.byName}` : t({ zh: ' · 初始规则', en: ' · the rules the chain started with' })}
      </Text>
      {v.preset ? <Text className='muted'>{t({ zh: '采用预设：', en: 'Preset: ' })}{t(POLICY_PRESETS[v.preset].label)}</Text> : null}
      {v.reason ? <Text className='policy-version__reason'>{t({ zh: '原因：', en: 'Reason: ' })}{v.reason}</Text> : null}
      {v.changes.map((c) => <Text key={c.path} className='policy-change' data-path={c.path}>{t(showChange(c, after, before))}</Text>)}
    </View>
  )
}
