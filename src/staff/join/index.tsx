/**
 * Where a staff invitation opens (staff subpackage, for anyone): who invited this person, as what
 * and at which clinic; their own tap on "加入" binds their WeChat to the new staff record (a code
 * works once). Opened without a code (e.g. from a forwarded text), it takes the code or link pasted.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Persona, StaffInvitationView } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDateTime, queryParam } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { usePersonaKey } from '../../components/hooks'
import { ROLE_LABEL } from '../team/labels'

const STATE_TEXT: Record<StaffInvitationView['state'], string> = {
  open: '邀请有效：点击“加入”，用您当前的微信绑定员工账号。',
  used: '这个邀请已被使用。',
  revoked: '这个邀请已失效，请向管理员索取新的邀请。',
  already_staff: '您的微信已绑定员工账号，不能再次加入。',
}

/** A pasted link or path carries the code after `t=`; a bare code is taken as is. */
function codeFrom(text: string): string {
  const t = text.trim()
  const m = /[?&]t=([^&#\s]+)/.exec(t)
  if (!m) return t
  try { return decodeURIComponent(m[1]) } catch { return m[1] }
}

export default function StaffJoinPage() {
  const router = useRouter()
  const [token, setToken] = useState(() => queryParam(router.params, 't'))
  const [pasted, setPasted] = useState('')
  const [view, setView] = useState<StaffInvitationView | null>(null)
  const [joined, setJoined] = useState<Extract<Persona, { kind: 'staff' }> | null>(null)
  const [error, setError] = useState<BannerMessage | null>(null)
  const [busy, setBusy] = useState(false)
  const lock = useRef(false)
  const personaKey = usePersonaKey()

  async function look(t: string) {
    try {
      setView(await callFunction('team', 'invitation', { token: t }))
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
    if (lock.current || !token) return
    lock.current = true
    setBusy(true)
    setError(null)
    try {
      const { persona } = await callFunction('team', 'join', { token })
      if (persona.kind === 'staff') setJoined(persona)
    } catch (e) {
      setError(toApiError(e))
      void look(token) // show what the invitation is now
    } finally {
      lock.current = false
      setBusy(false)
    }
  }

  return (
    <PageShell title='加入诊所团队' subtitle='员工邀请'>
      <ErrorBanner error={error} onClose={error ? () => setError(null) : undefined} />
      {joined ? (
        <View id='join-done' className='stack'>
          <View className='notice'>
            <Text>欢迎加入！您现在是{view?.clinicName ?? ''}的{ROLE_LABEL[joined.role]}，{joined.name}。</Text>
          </View>
          <Btn id='goto-staff-home' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>进入员工工作台</Btn>
        </View>
      ) : !token ? (
        <View id='join-paste' className='card'>
          <Text className='card__title'>输入邀请码</Text>
          <Text className='muted small'>请粘贴管理员发给您的邀请码或邀请链接。</Text>
          <TextField id='join-code' value={pasted} onChange={setPasted} placeholder='邀请码或链接' />
          <Btn id='join-look' disabled={!pasted.trim()} onClick={() => setToken(codeFrom(pasted))}>查看邀请</Btn>
        </View>
      ) : view ? (
        <View className='stack'>
          <View id='join-invitation' className='card'>
            <Text className='card__title'>{view.invitedBy ? `${view.invitedBy} 邀请您加入` : '邀请您加入'}</Text>
            <View className='kv'><Text className='kv__k'>姓名</Text><Text id='join-name' className='kv__v'>{view.name}</Text></View>
            <View className='kv'><Text className='kv__k'>角色</Text><Text id='join-role' className='kv__v'>{ROLE_LABEL[view.role]}</Text></View>
            <View className='kv'><Text className='kv__k'>诊所</Text><Text id='join-clinic' className='kv__v'>{view.clinicName}</Text></View>
            {view.state === 'open' ? <Text className='muted small'>邀请有效至 {clinicDateTime(view.expiresAt)}，只能使用一次</Text> : null}
          </View>
          <View id='join-state' className={`notice ${view.state === 'open' ? '' : 'notice--over'}`}><Text>{STATE_TEXT[view.state]}</Text></View>
          {view.state === 'open' ? <Btn id='join-btn' disabled={busy} onClick={() => void join()}>{busy ? '加入中…' : '加入'}</Btn> : null}
        </View>
      ) : !error ? <Text className='muted'>加载中…</Text> : (
        <Btn id='join-retry' variant='secondary' onClick={() => setToken('')}>重新输入邀请码</Btn>
      )}
    </PageShell>
  )
}
