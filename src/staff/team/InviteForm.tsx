/**
 * The admin invites a new colleague: name, role, clinic, phone (optional). The answer is a one-time
 * code, valid 72 hours: shown as a QR code and as text here, and on weapp shared as a mini-program
 * card to the colleague's chat. Whoever opens it first with their own WeChat joins; it then dies.
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ClinicView, StaffInvitation, StaffRole } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDateTime, h5Link, isMobile } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { CopyBox } from '../../components/CopyBox'
import { QrCode } from '../../components/QrCode'
import { ROLE_LABEL, ROLES } from './labels'
import { useT, type Msg } from '../../i18n'

const isWeapp = process.env.TARO_ENV === 'weapp'

export interface Invited extends StaffInvitation { name: string; role: StaffRole; clinicName: string }

/** The code as a link: on H5 the app's own address; on weapp the page path the shared card opens. */
export const invitationLink = (inv: StaffInvitation) => (isWeapp ? inv.path : h5Link(inv.path))

/** weapp: what the share button sends (the page asks this in its useShareAppMessage). */
export const invitationShare = (inv: Invited, t: (m: Msg) => string) => ({ title: t({ zh: `邀请您加入牙友诊所团队（${ROLE_LABEL[inv.role].zh}）`, en: `Join the Yayou clinic team (${ROLE_LABEL[inv.role].en})` }), path: inv.path })

export function InvitationCard({ inv }: { inv: Invited }) {
  const t = useT()
  const until = clinicDateTime(inv.expiresAt)
  return (
    <View id='invite-result' className='card'>
      <Text className='card__title'>{t({ zh: `给 ${inv.name} 的邀请`, en: `Invitation for ${inv.name}` })}</Text>
      <Text className='muted small'>{inv.clinicName} · {t(ROLE_LABEL[inv.role])} · {t({ zh: `有效至 ${until}，只能使用一次`, en: `valid until ${until}, once only` })}</Text>
      <QrCode id='invite-qr' className='team-qr' text={invitationLink(inv)} />
      <CopyBox id='invite-code' text={invitationLink(inv)} rows={3} label={t({ zh: '邀请链接（请对方用自己的微信打开）', en: 'Invitation link (to open with their own WeChat)' })} />
      {isWeapp ? <Button id='invite-share' className='btn btn--primary' openType='share'>{t({ zh: '发送给新同事', en: 'Send to the new colleague' })}</Button> : null}
    </View>
  )
}

export function InviteForm({ clinics, defaultClinicId, onInvited }: { clinics: ClinicView[]; defaultClinicId: string; onInvited: (inv: Invited) => void }) {
  const t = useT()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [role, setRole] = useState<StaffRole>('receptionist')
  const [clinicId, setClinicId] = useState(defaultClinicId)
  const [error, setError] = useState<BannerMessage | null>(null)
  const { busy, held, run } = useSingleFlight()

  async function submit() {
    if (held()) return
    if (!name.trim()) return setError({ zh: '请填写姓名', en: 'Enter a name' })
    if (phone.trim() && !isMobile(phone)) return setError({ zh: '手机号应为11位数字（可不填）', en: 'The phone is 11 digits (optional)' })
    await run(async () => {
      setError(null)
      const inv = await callFunction('team', 'invite', { name: name.trim(), role, clinicId, ...(phone.trim() ? { phone: phone.trim() } : {}) })
      onInvited({ ...inv, name: name.trim(), role, clinicName: clinics.find((c) => c.clinicId === clinicId)?.name ?? '' })
      setName('')
      setPhone('')
    }, { onError: setError })
  }

  return (
    <View id='invite-form' className='card'>
      <Text className='card__title'>{t({ zh: '邀请新员工', en: 'Invite a colleague' })}</Text>
      <ErrorBanner error={error} onClose={error ? () => setError(null) : undefined} />
      <Text className='field-label'>{t({ zh: '姓名', en: 'Name' })}</Text>
      <TextField id='invite-name' value={name} onChange={setName} placeholder={t({ zh: '例如：前台 小吴', en: 'e.g. Wu at the front desk' })} />
      <Text className='field-label'>{t({ zh: '手机号（可不填）', en: 'Mobile (optional)' })}</Text>
      <TextField id='invite-phone' value={phone} onChange={setPhone} placeholder={t({ zh: '11位手机号', en: '11 digits' })} />
      <Text className='field-label'>{t({ zh: '角色', en: 'Role' })}</Text>
      <View className='chips'>
        {ROLES.map((r) => (
          <Btn key={r} id={`invite-role-${r}`} variant='plain' className={`chip ${role === r ? 'chip--on' : ''}`} onClick={() => setRole(r)}>{t(ROLE_LABEL[r])}</Btn>
        ))}
      </View>
      <Text className='field-label'>{t({ zh: '诊所', en: 'Clinic' })}</Text>
      <View className='chips'>
        {clinics.map((c) => (
          <Btn key={c.clinicId} id={`invite-clinic-${c.clinicId}`} variant='plain' className={`chip ${clinicId === c.clinicId ? 'chip--on' : ''}`} onClick={() => setClinicId(c.clinicId)}>{c.name}</Btn>
        ))}
      </View>
      <Btn id='invite-submit' disabled={busy} onClick={() => void submit()}>{busy ? t({ zh: '生成中…', en: 'Creating…' }) : t({ zh: '生成邀请码', en: 'Create the invitation' })}</Btn>
    </View>
  )
}
