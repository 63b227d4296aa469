/**
 * Where a family invitation opens (M3): `family.invitation` names the owner (display name only,
 * C2) and says whether the invitation can be accepted; the invitee's own tap on "accept"
 * (`family.accept`, their consent) binds them, and the family is shown.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Family } from '../../../api/contract'
import { ApiError, callFunction } from '../../../services/cloud'
import { INVITATION_STATE_LABEL, clinicDate, queryParam } from '../../../services/format'
import { Loading, PageShell } from '../../../components/PageShell'
import { COMMON, useT } from '../../../i18n'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Btn } from '../../../components/controls'
import { useLoad, usePersonaKey, useSingleFlight } from '../../../components/hooks'
import './index.css'

const NO_TOKEN = new ApiError('FAMILY_INVITE_INVALID', { zh: '链接不完整，请让家人重新发送邀请', en: 'The link is incomplete; ask for the invitation again' })

export default function AcceptFamilyPage() {
  const t = useT()
  const router = useRouter()
  const token = queryParam(router.params, 't')
  const [load, reload] = useLoad(async () => {
    if (!token) throw NO_TOKEN
    return callFunction('family', 'invitation', { token })
  })
  const [family, setFamily] = useState<Family | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const { busy: accepting, run } = useSingleFlight()
  const personaKey = usePersonaKey()
  useEffect(() => {
    setFamily(null)
    setError(null)
  }, [personaKey])

  async function accept() {
    await run(async () => {
      setError(null)
      setFamily(await callFunction('family', 'accept', { token }))
    }, {
      onError: (e) => {
        setError(e)
        reload() // show what the invitation is now
      },
    })
  }

  const inv = load.data ?? null
  const state = inv ? INVITATION_STATE_LABEL[inv.state] : null

  return (
    <PageShell title='家庭会员邀请' subtitle='A family membership invitation'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {!inv && load.state === 'loading' ? <Loading /> : null}
      {load.state === 'error' && load.error.code === 'NETWORK' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {family ? (
        <View id='accepted' className='stack'>
          <View className='notice'>
            <Text>{t({ zh: `已加入 ${family.owner?.name ?? ''} 的家庭，终身享受会员折扣。`, en: `You joined ${family.owner?.name ?? ''}'s family: the member discount is yours for life.` })}</Text>
          </View>
          <View className='card'>
            <Text className='card__title'>{t({ zh: '家庭', en: 'Family' })}</Text>
            <Text id='family-owner' className='family-member__name'>{family.owner?.name}{t({ zh: '（主账户）', en: ' (owner)' })}</Text>
            <View id='family-members'>
              {family.members.map((m) => <Text key={m.patientId} className='family-member__name'>{m.name}</Text>)}
            </View>
          </View>
          <Btn id='goto-home' variant='secondary' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>{t({ zh: '回到首页', en: 'Home' })}</Btn>
        </View>
      ) : inv && state ? (
        <View className='stack'>
          <View className='card'>
            <Text className='card__title'>
              <Text id='invite-owner' className='invite-owner'>{inv.ownerDisplayName}</Text>{t({ zh: ' 邀请您加入TA的家庭会员', en: ' invites you to join their lifetime family membership' })}
            </Text>
            <Text className='para'>{t({ zh: '· 加入后终身享受会员折扣（特价项目除外）。', en: '· You get the member discount for life (special-price items excluded).' })}</Text>
            <Text className='para'>{t({ zh: '· 主账户可随时解除绑定；使用主账户奖励金需其同意。', en: "· The owner may unbind you; paying from the owner's balance needs their consent." })}</Text>
            {inv.state === 'open' ? <Text className='muted small'>{t({ zh: `邀请有效期至 ${clinicDate(inv.expiresAt)}`, en: `Valid until ${clinicDate(inv.expiresAt)}` })}</Text> : null}
          </View>
          <View id='invite-state' className={`notice ${inv.state === 'open' ? '' : inv.state === 'expired' || inv.state === 'used' ? 'notice--over' : 'notice--warn'}`}>
            <Text>{t(state)}</Text>
          </View>
          {inv.state === 'open' ? (
            <Btn id='accept-invite' disabled={accepting} onClick={() => void accept()}>
              {accepting ? t({ zh: '提交中…', en: 'Joining…' }) : t({ zh: '接受邀请', en: 'Accept the invitation' })}
            </Btn>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}
