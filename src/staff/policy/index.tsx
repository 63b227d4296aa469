/**
 * 规则设置 (issue 14 items 3 and 4; staff subpackage, director and admin): the chain's policy — the
 * current numbers grouped, edited with notes beside the fields, saved as a new version with a reason
 * after a confirmation, presets (seed 004's rules, seed 003's regulation) and the history of versions
 * with their differences. Cards, coupons and bills already issued keep the terms they were made under.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PolicySaved } from '../../api/contract'
import { can } from '../../domain/permissions'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/PageShell'
import { useLoad } from '../../components/hooks'
import { StaffPage } from '../../components/StaffPage'
import { policyState } from '../../services/policy'
import { useT } from '../../i18n'
import { PolicyForm } from './PolicyForm'
import { PolicyHistory } from './PolicyHistory'
import './index.css'

export default function PolicyPage() {
  const t = useT()
  return (
    <StaffPage title='规则设置' subtitle='Programme policy'>
      {(staff) => (can(staff, 'team', 'policySave')
        ? <PolicyDesk key={staff.staffId} />
        : <View id='policy-forbidden' className='card'><Text className='muted'>{t({ zh: '仅院长和管理员可以修改规则。', en: 'Only the director and administrators change the policy.' })}</Text></View>)}
    </StaffPage>
  )
}

function PolicyDesk() {
  const t = useT()
  const [state, reload] = useLoad(policyState)
  const [saved, setSaved] = useState<PolicySaved | null>(null)
  const [stale, setStale] = useState(false)
  if (state.state === 'error') return <ErrorBanner error={state.error} />
  if (!state.data) return <Loading />
  const { policy } = state.data
  return (
    <View className='stack'>
      <View id='policy-current' className='card' data-version={policy.version}>
        <Text className='card__title'>{t({ zh: `当前规则：第 ${policy.version} 版`, en: `Current policy: version ${policy.version}` })}</Text>
        <Text className='muted'>{t({ zh: '修改后保存为新版本；已发放的亲友卡、优惠券和已结账单保持发放时的规则。', en: 'A change is saved as a new version; friend cards, coupons and bills already made keep the terms they were made under.' })}</Text>
        {saved ? <Text id='policy-saved' className='policy-saved'>{t({ zh: `已保存为第 ${saved.version} 版`, en: `Saved as version ${saved.version}` })}</Text> : null}
        {stale ? <Text id='policy-stale' className='policy-field__problem'>{t({ zh: '规则刚被他人修改，已载入最新版本，请重新修改。', en: 'Someone else just changed the policy; the latest version is loaded, please make your change again.' })}</Text> : null}
      </View>
      {/* A new version starts a fresh form and a fresh history. */}
      <PolicyForm key={`form-${policy.version}`} policy={policy} onSaved={(s) => { setSaved(s); setStale(false); reload() }} onStale={() => { setSaved(null); setStale(true); reload() }} />
      <PolicyHistory key={`history-${policy.version}`} currency={policy.currency} timezone={policy.timezone} />
    </View>
  )
}
