/**
 * Membership renewals (M7, staff subpackage, director/admin): annual members whose membership
 * lapses within the reminder window (`membership.reminders`), soonest first. The server decides
 * who may see it; others get its refusal in the banner.
 */
import { View, Text } from '@tarojs/components'
import type { MembershipReminderView } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import './index.css'

export default function MembershipRemindersPage() {
  const [load, reload] = useLoad(async (): Promise<MembershipReminderView[]> => {
    const list = await callFunction('membership', 'reminders', {})
    return [...list].sort((a, b) => a.daysLeft - b.daysLeft)
  })
  return (
    <PageShell title='会员到期提醒' subtitle='Annual memberships lapsing soon (M7)'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !load.data ? <View className='muted'>加载中… Loading…</View> : null}
      {load.data ? (
        <View id='membership-reminders' className='card'>
          <Text className='card__title'>30 天内到期的年度会员 Lapsing within 30 days</Text>
          {load.data.length === 0 ? <Text id='reminders-empty' className='muted'>暂无 None</Text> : null}
          {load.data.map((r) => (
            <View key={r.key} id={`reminder-${r.patientId}`} className='reminder'>
              <View className='row row--between'>
                <Text className='reminder__name'>{r.name}</Text>
                <Text className='reminder__days'>剩 {r.daysLeft} 天 · {r.daysLeft} days left</Text>
              </View>
              <Text className='muted small'>有效至 {clinicDate(r.annualUntil)} · until {clinicDate(r.annualUntil)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Btn id='reminders-refresh' variant='secondary' onClick={reload}>刷新 Refresh</Btn>
    </PageShell>
  )
}
