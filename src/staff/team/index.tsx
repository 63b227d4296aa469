/**
 * Staff management (admin; staff subpackage): invite a colleague with a one-time code (QR and text),
 * the team with roles, clinics and who has joined (phones masked, C2), role and clinic changes,
 * disabling with a confirmation, and the record of every change (who, when, before and after).
 */
import { useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { StaffAuditView } from '../../api/contract'
import { can } from '../../domain/permissions'
import { callFunction } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { StaffPage, type StaffPersona } from '../../components/StaffPage'
import { Loading } from '../../components/PageShell'
import { InvitationCard, InviteForm, invitationShare, type Invited } from './InviteForm'
import { StaffRow, type StaffChangeRequest } from './StaffRow'
import { describeChange } from './labels'
import { TotalsCard } from './TotalsCard'
import { ExportButtons } from '../export/ExportButtons'
import { teamHistoryExport } from '../export/reports'
import './index.css'
import { COMMON, useT } from '../../i18n'

export default function StaffTeamPage() {
  const t = useT()
  const [invited, setInvited] = useState<Invited | null>(null)
  // weapp: the share button on the invitation card sends the invitation to the colleague's chat.
  useShareAppMessage(() => (invited ? invitationShare(invited, t) : { title: '牙友', path: '/pages/index/index' }))
  return (
    <StaffPage title='员工管理' subtitle='Team: invitations, roles, clinics'>
      {(staff) => (can(staff, 'team', 'list')
        ? <TeamDesk key={staff.staffId} me={staff} invited={invited} onInvited={setInvited} />
        : <View id='team-admin-only' className='card'><Text className='muted'>{t({ zh: '仅管理员可以管理员工。', en: 'Only an administrator can manage the team.' })}</Text></View>)}
    </StaffPage>
  )
}

async function loadTeam() {
  const [clinics, staff, history] = await Promise.all([
    callFunction('team', 'clinics', {}), callFunction('team', 'list', {}), callFunction('team', 'history', {}),
  ])
  return { clinics, staff, history }
}

function TeamDesk({ me, invited, onInvited }: { me: StaffPersona; invited: Invited | null; onInvited: (i: Invited | null) => void }) {
  const t = useT()
  const [load, reload] = useLoad(loadTeam)
  const [error, setError] = useState<BannerMessage | null>(null)
  const { busy, run } = useSingleFlight()
  const data = load.data ?? null
  const active = data?.staff.filter((s) => s.active).length ?? 0

  async function change(req: StaffChangeRequest) {
    await run(async () => {
      setError(null)
      try {
        if (req.action === 'reinvite') {
          const s = data?.staff.find((x) => x.staffId === req.staffId)
          const inv = await callFunction('team', 'reinvite', { staffId: req.staffId })
          onInvited({ ...inv, name: s?.name ?? '', role: s?.role ?? 'receptionist', clinicName: s?.clinicName ?? '' })
        } else if (req.action === 'setRole') await callFunction('team', 'setRole', { staffId: req.staffId, role: req.role })
        else if (req.action === 'move') await callFunction('team', 'move', { staffId: req.staffId, clinicId: req.clinicId })
        else await callFunction('team', 'setActive', { staffId: req.staffId, active: req.active })
      } finally {
        reload() // the list and the record come from the server again, whatever the answer
      }
    }, { onError: setError })
  }

  return (
    <View className='stack'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {!data ? (load.state === 'loading' ? <Loading /> : null) : (
        <>
          <InviteForm clinics={data.clinics} defaultClinicId={me.clinicId} onInvited={(i) => { onInvited(i); reload() }} />
          {invited ? <InvitationCard inv={invited} /> : null}
          <View id='staff-list' className='card'>
            <Text className='card__title'>{t({ zh: `员工（${active} 位在职）`, en: `Team (${active} active)` })}</Text>
            {data.staff.map((s) => <StaffRow key={s.staffId} s={s} clinics={data.clinics} busy={busy} onChange={(r) => void change(r)} />)}
          </View>
          <History entries={data.history} clinicName={(id) => data.clinics.find((c) => c.clinicId === id)?.name ?? ''} />
          {can(me, 'team', 'rebuildTotals') ? <TotalsCard /> : null}
        </>
      )}
    </View>
  )
}

function History({ entries, clinicName }: { entries: StaffAuditView[]; clinicName: (id?: string) => string }) {
  const t = useT()
  return (
    <View id='history-list' className='card'>
      <Text className='card__title'>{t({ zh: '变更记录', en: 'Changes' })}</Text>
      {entries.length === 0 ? <Text className='muted'>{t({ zh: '暂无记录', en: 'No changes yet' })}</Text> : null}
      {entries.map((e) => (
        <View key={e.id} className='history-row'>
          <Text className='history-row__what'>{e.staffName}{t({ zh: '：', en: ': ' })}{t(describeChange(e, clinicName))}</Text>
          <Text className='muted small'>{clinicDateTime(e.at)} · {t({ zh: '操作人 ', en: 'By ' })}{e.byName || t({ zh: '系统初始化', en: 'initial setup' })}</Text>
        </View>
      ))}
      {entries.length > 0 ? <ExportButtons id='history-export' report={teamHistoryExport(clinicName)} rows={entries} stamp='' /> : null}
    </View>
  )
}
