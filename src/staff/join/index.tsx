/**
 * Where a staff invitation opens (staff subpackage, for anyone): who invited this person, as what
 * and at which clinic; their own tap on "加入" binds their WeChat to the new staff record (a code
 * works once). Opened without a code (e.g. from a forwarded text), it takes the code or link pasted.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Persona, StaffInvitationView } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDateTime, queryParam } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { usePersonaKey, useSingleFlight } from '../../components/hooks'
import { ROLE_LABEL } from '../team/labels'
import { useT, type Msg } from '../../i18n'

const STATE_TEXT: Record<StaffInvitationView['state'], Msg> = {
  open: { zh: '邀请有效：点击“加入”，用您当前的微信绑定员工账号。', en: 'The invitation is open: tap “Join” to link this WeChat to your staff account.' },
  used: { zh: '这个邀请已被使用。', en: 'This invitation has already been used.' },
  revoked: { zh: '这个邀请已失效，请向管理员索取新的邀请。', en: 'This invitation no longer works; ask the administrator for a new one.' },
  already_staff: { zh: '您的微信已绑定员工账号，不能再次加入。', en: 'This WeChat already has a staff account and cannot join again.' },
}

/** A pasted link or path carries the code after `t=`; a bare code is taken as is. */
function codeFrom(text: string): string {
  const t = text.trim()
  const m = /[?&]t=([^&#\s]+)/.exec(t)
  if (!m) return t
  try { return decodeURIComponent(m[1]) } catch { return m[1] }
}

export default function StaffJoinPage() {
  const t = useT()
  const router = useRouter()
  const [token, setToken] = useState(() => queryParam(router.params, 't'))
  const [pasted, setPasted] = useState('')
  const [view, setView] = useState<StaffInvitationView | null>(null)
  const [joined, setJoined] = useState<Extract<Persona, { kind: 'staff' }> | null>(null)
  const [error, setError] = useState<BannerMessage | null>(null)
  const { busy, run } = useSingleFlight()
  const personaKey = usePersonaKey()

  async function look(code: string) {
    try {
      setView(await callFunction('team', 'invitation', { token: code }))
    } catch (e) {
      setView(null)
      setError(toApiError(e))
    }
  }
  // The invitation as this WeChat user sees it (another persona on H5 sees it afresh).
  useEffect(() => {
    setJoined(null)
    setError(null)
    setView(null)
    if (token) void look(token)
  }, [token, personaKey])

  async function join() {
    if (!token) return
    await run(async () => {
      setError(null)
      const { persona } = await callFunction('team', 'join', { token })
      if (persona.kind === 'staff') setJoined(persona)
    }, {
      onError: (e) => {
        setError(e)
        void look(token) // show what the invitation is now
      },
    })
  }

  return (
    <PageShell title='加入诊所团队' subtitle='Join the clinic team'>
      <ErrorBanner error={error} onClose={error ? () => setError(null) : undefined} />
      {joined ? (
        <View id='join-done' className='stack'>
          <View className='notice'>
            <Text>{t({ zh: `欢迎加入！您现在是${view?.clinicName ?? ''}的${ROLE_LABEL[joined.role].zh}，${joined.name}。`, en: `Welcome, ${joined.name}! You are now ${ROLE_LABEL[joined.role].en} at ${view?.clinicName ?? 'the clinic'}.` })}</Text>
          </View>
          <Btn id='goto-staff-home' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>{t({ zh: '进入员工工作台', en: 'Open the staff desk' })}</Btn>
        </View>
      ) : !token ? (
        <View id='join-paste' className='card'>
          <Text className='card__title'>{t({ zh: '输入邀请码', en: 'Enter the invitation code' })}</Text>
          <Text className='muted small'>{t({ zh: '请粘贴管理员发给您的邀请码或邀请链接。', en: 'Paste the code or the link the administrator sent you.' })}</Text>
          <TextField id='join-code' value={pasted} onChange={setPasted} placeholder={t({ zh: '邀请码或链接', en: 'Code or link' })} />
          <Btn id='join-look' disabled={!pasted.trim()} onClick={() => setToken(codeFrom(pasted))}>{t({ zh: '查看邀请', en: 'See the invitation' })}</Btn>
        </View>
      ) : view ? (
        <View className='stack'>
          <View id='join-invitation' className='card'>
            <Text className='card__title'>{view.invitedBy ? t({ zh: `${view.invitedBy} 邀请您加入`, en: `${view.invitedBy} invites you to join` }) : t({ zh: '邀请您加入', en: 'You are invited to join' })}</Text>
            <View className='kv'><Text className='kv__k'>{t({ zh: '姓名', en: 'Name' })}</Text><Text id='join-name' className='kv__v'>{view.name}</Text></View>
            <View className='kv'><Text className='kv__k'>{t({ zh: '角色', en: 'Role' })}</Text><Text id='join-role' className='kv__v'>{t(ROLE_LABEL[view.role])}</Text></View>
            <View className='kv'><Text className='kv__k'>{t({ zh: '诊所', en: 'Clinic' })}</Text><Text id='join-clinic' className='kv__v'>{view.clinicName}</Text></View>
            {view.state === 'open' ? <Text className='muted small'>{t({ zh: `邀请有效至 ${clinicDateTime(view.expiresAt)}，只能使用一次`, en: `Valid until ${clinicDateTime(view.expiresAt)}, once only` })}</Text> : null}
          </View>
          <View id='join-state' className={`notice ${view.state === 'open' ? '' : 'notice--over'}`}><Text>{t(STATE_TEXT[view.state])}</Text></View>
          {view.state === 'open' ? <Btn id='join-btn' disabled={busy} onClick={() => void join()}>{busy ? t({ zh: '加入中…', en: 'Joining…' }) : t({ zh: '加入', en: 'Join' })}</Btn> : null}
        </View>
      ) : !error ? <Loading /> : (
        <Btn id='join-retry' variant='secondary' onClick={() => setToken('')}>{t({ zh: '重新输入邀请码', en: 'Enter the code again' })}</Btn>
      )}
    </PageShell>
  )
}
