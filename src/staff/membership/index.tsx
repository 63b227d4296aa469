/**
 * Membership renewals (M7, staff subpackage, director/admin): annual members whose membership
 * lapses within the reminder window (`membership.reminders`), soonest first. The server decides
 * who may see it; others get its refusal in the banner.
 */
import { View, Text } from '@tarojs/components'
import type { MembershipReminderView } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import './index.css'

export default function MembershipRemindersPage() {
  const t = useT()
  const [load, reload] = useLoad(async (): Promise<MembershipReminderView[]> => {
    const list = await callFunction('membership', 'reminders', {})
    return [...list].sort((a, b) => a.daysLeft - b.daysLeft)
  })
  return (
    <PageShell title='会员到期提醒' subtitle='Memberships lapsing soon'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !load.data ? <Loading /> : null}
      {load.data ? (
        <View id='membership-reminders' className='card'>
          <Text className='card__title'>{t({ zh: '30 天内到期的年度会员', en: 'Annual members lapsing within 30 days' })}</Text>
          {load.data.length === 0 ? <Text id='reminders-empty' className='muted'>{t({ zh: '暂无', en: 'None' })}</Text> : null}
          {load.data.map((r) => (
            <View key={r.key} id={`reminder-${r.patientId}`} className='reminder'>
              <View className='row row--between'>
                <Text className='reminder__name'>{r.name}</Text>
                <Text className='reminder__days'>{t({ zh: `剩 ${r.daysLeft} 天`, en: `${r.daysLeft} days left` })}</Text>
              </View>
              <Text className='muted small'>{t({ zh: `有效至 ${clinicDate(r.annualUntil)}`, en: `Until ${clinicDate(r.annualUntil)}` })}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Btn id='reminders-refresh' variant='secondary' onClick={reload}>{t({ zh: '刷新', en: 'Refresh' })}</Btn>
    </PageShell>
  )
}
