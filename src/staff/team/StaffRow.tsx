/**
 * One colleague in the admin's list: name, role, clinic, masked phone (C2), whether they joined.
 * "调整" opens the role and clinic choices; disabling asks for confirmation first (confirmAction).
 * The server refuses what must not happen (e.g. the last admin), and the banner says so.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ClinicView, StaffMember, StaffRole } from '../../api/contract'
import { clinicDateTime } from '../../services/format'
import { Btn } from '../../components/controls'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { ROLE_LABEL, ROLES } from './labels'
import { useT, type Msg } from '../../i18n'

export type StaffChangeRequest =
  | { action: 'setRole'; staffId: string; role: StaffRole }
  | { action: 'move'; staffId: string; clinicId: string }
  | { action: 'setActive'; staffId: string; active: boolean }
  | { action: 'reinvite'; staffId: string }

function status(s: StaffMember): { text: Msg; tone: 'ok' | 'wait' | 'off' } {
  if (!s.active) return { text: { zh: '已停用', en: 'Disabled' }, tone: 'off' }
  if (s.joined) return { text: { zh: '在职', en: 'Active' }, tone: 'ok' }
  if (s.invitation?.state === 'open') {
    const until = clinicDateTime(s.invitation.expiresAt)
    return { text: { zh: `待加入 · 邀请有效至 ${until}`, en: `Not joined yet · invitation valid until ${until}` }, tone: 'wait' }
  }
  return { text: { zh: '待加入 · 邀请已失效', en: 'Not joined yet · invitation expired' }, tone: 'off' }
}

export function StaffRow({ s, clinics, busy, onChange }: { s: StaffMember; clinics: ClinicView[]; busy: boolean; onChange: (req: StaffChangeRequest) => void }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const st = status(s)

  async function disable() {
    if (await confirmAction(CONFIRM.disableStaff(s.name))) onChange({ action: 'setActive', staffId: s.staffId, active: false })
  }

  return (
    <View id={`staff-${s.staffId}`} className='staff-row'>
      <View className='row row--between staff-row__head'>
        <Text className='staff-row__who'>{s.name} · {t(ROLE_LABEL[s.role])} · {s.clinicName}</Text>
        <Text id={`staff-status-${s.staffId}`} className={`staff-row__status staff-row__status--${st.tone}`}>{t(st.text)}</Text>
      </View>
      {s.maskedPhone ? <Text className='muted small'>{s.maskedPhone}</Text> : null}
      <View className='row'>
        <Btn id={`staff-edit-${s.staffId}`} variant='secondary' className='grow' disabled={busy} onClick={() => setOpen(!open)}>{open ? t({ zh: '收起', en: 'Close' }) : t({ zh: '调整', en: 'Change' })}</Btn>
        {s.active ? (
          <Btn id={`staff-disable-${s.staffId}`} variant='secondary' className='grow' disabled={busy} onClick={() => void disable()}>{t({ zh: '停用', en: 'Disable' })}</Btn>
        ) : (
          <Btn id={`staff-enable-${s.staffId}`} variant='secondary' className='grow' disabled={busy} onClick={() => onChange({ action: 'setActive', staffId: s.staffId, active: true })}>{t({ zh: '重新启用', en: 'Enable' })}</Btn>
        )}
        {s.active && !s.joined ? (
          <Btn id={`staff-reinvite-${s.staffId}`} variant='secondary' className='grow' disabled={busy} onClick={() => onChange({ action: 'reinvite', staffId: s.staffId })}>{t({ zh: '重新邀请', en: 'Invite again' })}</Btn>
        ) : null}
      </View>
      {open ? (
        <View id={`staff-editor-${s.staffId}`} className='staff-row__editor'>
          <Text className='field-label'>{t({ zh: '角色', en: 'Role' })}</Text>
          <View className='chips'>
            {ROLES.map((r) => (
              <Btn key={r} id={`staff-role-${s.staffId}-${r}`} variant='plain' className={`chip ${s.role === r ? 'chip--on' : ''}`} disabled={busy || s.role === r}
                onClick={() => onChange({ action: 'setRole', staffId: s.staffId, role: r })}>{t(ROLE_LABEL[r])}</Btn>
            ))}
          </View>
          <Text className='field-label'>{t({ zh: '诊所', en: 'Clinic' })}</Text>
          <View className='chips'>
            {clinics.map((c) => (
              <Btn key={c.clinicId} id={`staff-clinic-${s.staffId}-${c.clinicId}`} variant='plain' className={`chip ${s.clinicId === c.clinicId ? 'chip--on' : ''}`} disabled={busy || s.clinicId === c.clinicId}
                onClick={() => onChange({ action: 'move', staffId: s.staffId, clinicId: c.clinicId })}>{c.name}</Btn>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}
