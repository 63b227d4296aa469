/**
 * Membership renewals (M7, staff subpackage, director/admin): annual members whose membership
 * lapses within the reminder window (`membership.reminders`), soonest first. The server decides
 * who may see it; others get its refusal in the banner. Pull down to refresh (issue 12).
 */
import { Text } from '@tarojs/components'
import type { MembershipReminderView } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useLoad } from '../../components/hooks'
import { Cell, Cells } from '../../components/Cells'
import { usePullRefresh } from '../../components/usePullRefresh'
import './index.css'

export default function MembershipRemindersPage() {
  const t = useT()
  const [load, reload] = useLoad(async (): Promise<MembershipReminderView[]> => {
    const list = await callFunction('membership', 'reminders', {})
    return [...list].sort((a, b) => a.daysLeft - b.daysLeft)
  })
  usePullRefresh(reload, load.state === 'loading')
  return (
    <PageShell title='会员到期提醒' subtitle='Memberships lapsing soon'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !load.data ? <Loading /> : null}
      {load.data ? (
        <Cells id='membership-reminders' title={t({ zh: '30 天内到期的年度会员', en: 'Annual members lapsing within 30 days' })}>
          {load.data.length === 0 ? <Cell id='reminders-empty' label={<Text className='muted'>{t({ zh: '暂无', en: 'None' })}</Text>} /> : null}
          {load.data.map((r) => (
            <Cell
              key={r.key}
              id={`reminder-${r.patientId}`}
              label={r.name}
              hint={t({ zh: `有效至 ${clinicDate(r.annualUntil)}`, en: `Until ${clinicDate(r.annualUntil)}` })}
              value={<Text className='reminder__days'>{t({ zh: `剩 ${r.daysLeft} 天`, en: `${r.daysLeft} days left` })}</Text>}
            />
          ))}
        </Cells>
      ) : null}
    </PageShell>
  )
}
