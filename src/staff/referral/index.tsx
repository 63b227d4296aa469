/**
 * Staff: referral programme (R3, R7–R10, Q1, S4; staff subpackage). Sections as tabs:
 *  - 日结 end-of-day sheet (`referral.daySheet`, R9): a date, the rows (referrer number, masked
 *    phone, friend, rewards), the payouts to make, exported as Excel or CSV (../export).
 *  - 待发放 payouts due (`referral.payouts`, `referral.markPaid`, R3): each external payout is
 *    recorded as due until staff mark it paid with the method and a reference.
 *  - 主动转介绍名录 active referrers (`referral.leaderboard`, R8).
 *  - 回访 follow-up tasks from unhappy ratings (`referral.tasks`, `referral.closeTask`, Q1).
 *  - Director/admin: the weekly audit (`referral.audit`, R9) with anomalies and its CSV.
 *  - Consultant/director/admin: partners (`partner.list`, R10).
 * Phones are masked by the server (C2); the page never shows more.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Persona } from '../../api/contract'
import { can } from '../../domain/permissions'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import './index.css'
import { StaffPage } from '../../components/StaffPage'
import { SheetSection } from './SheetSection'
import { PayoutsSection } from './PayoutsSection'
import { LeadersSection } from './LeadersSection'
import { TasksSection } from './TasksSection'
import { AuditSection } from './AuditSection'
import { PartnersSection } from './PartnersSection'
import { ROLE_LABEL } from '../team/labels'
import { useT, type Msg } from '../../i18n'

type Staff = Extract<Persona, { kind: 'staff' }>
type Tab = 'sheet' | 'payouts' | 'leaders' | 'tasks' | 'audit' | 'partners'

const TAB_LABEL: Record<Tab, Msg> = {
  sheet: { zh: '日结', en: 'Day sheet' },
  payouts: { zh: '待发放', en: 'Payouts' },
  leaders: { zh: '名录', en: 'Referrers' },
  tasks: { zh: '回访', en: 'Follow-ups' },
  audit: { zh: '周审计', en: 'Audit' },
  partners: { zh: '合作伙伴', en: 'Partners' },
}

export default function StaffReferralPage() {
  return (
    <StaffPage title='推荐管理' subtitle='Referrals'>
      {(staff) => <ReferralDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function ReferralDesk({ staff }: { staff: Staff }) {
  const t = useT()
  const [error, setError] = useState<BannerMessage | null>(null)
  const [tab, setTab] = useState<Tab>('sheet')
  const tabs = useMemo(() => {
    const shown: Tab[] = ['sheet', 'payouts', 'leaders', 'tasks']
    if (can(staff, 'referral', 'audit')) shown.push('audit')
    if (can(staff, 'partner', 'list')) shown.push('partners')
    return shown
  }, [staff])
  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='muted small'>{staff.name} · {t(ROLE_LABEL[staff.role])}</Text>
      <View className='tabs'>
        {tabs.map((k) => (
          <Btn key={k} id={`tab-${k}`} variant={tab === k ? 'primary' : 'plain'} className={`chip ${tab === k ? 'chip--on' : ''}`} onClick={() => { setError(null); setTab(k) }}>
            {t(TAB_LABEL[k])}
          </Btn>
        ))}
      </View>
      {tab === 'sheet' ? <SheetSection onError={setError} /> : null}
      {tab === 'payouts' ? <PayoutsSection onError={setError} /> : null}
      {tab === 'leaders' ? <LeadersSection onError={setError} /> : null}
      {tab === 'tasks' ? <TasksSection onError={setError} /> : null}
      {tab === 'audit' ? <AuditSection onError={setError} /> : null}
      {tab === 'partners' ? <PartnersSection /> : null}
    </View>
  )
}
