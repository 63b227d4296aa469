/**
 * My family (M3, M4): `family.get`.
 *  - Owner (a lifetime member, or anyone who is not someone else's family member): the members with
 *    unbind and a standing permission to pay from the owner's balance each; requests waiting for a
 *    decision (approve / decline); the invite action, "x / 3".
 *    weapp: a `Button openType="share"`; the page's share handler asks `family.invite` for the honest
 *    title and the acceptance path. H5: the same call, then the link to copy.
 *  - Member: who the owner is, and the family.
 * Unbinding and answering a request are asked first, by name and amount (Taro.showModal); the page
 * refreshes by pulling down (issue 12).
 */
import { useEffect, useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import type { BalanceRequest, Family, MemberHome } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction, toApiError, type ApiError } from '../../services/cloud'
import { BALANCE_REQUEST_LABEL, TIER_LABEL, clinicDate, h5Link } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn, CheckField } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { Cell, Cells } from '../../components/Cells'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { usePullRefresh } from '../../components/usePullRefresh'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

interface FamilyData { home: MemberHome | null; family: Family; me: string | null }

async function loadFamily(): Promise<FamilyData> {
  const { persona } = await callFunction('identity', 'whoami', {})
  if (persona.kind !== 'patient') return { home: null, family: { owner: null, members: [], max: 3, pending: [] }, me: null }
  const [home, family] = await Promise.all([callFunction('member', 'home', {}), callFunction('family', 'get', {})])
  return { home, family, me: persona.patientId }
}

export default function FamilyPage() {
  const t = useT()
  const [load, reload] = useLoad(loadFamily)
  usePullRefresh(reload, load.state === 'loading')
  const [error, setError] = useState<ApiError | null>(null)
  /** The family as the last action returned it (fresher than the load). */
  const [updated, setUpdated] = useState<Family | null>(null)
  const [link, setLink] = useState<string | null>(null)
  /** M4: what the owner decided here (the server lists only requests still waiting). */
  const [decided, setDecided] = useState<Array<BalanceRequest & { approved: boolean }>>([])
  const { busy, busyKey, held, run } = useSingleFlight<string>()

  const data = load.data ?? null
  // A fresh load (reload, another persona) replaces what the last action returned.
  useEffect(() => { setUpdated(null) }, [load.data])
  const family = updated ?? data?.family ?? null

  // weapp: WeChat asks the page what to share when the owner taps the invite button.
  useShareAppMessage((res) => {
    const fallback = { title: t({ zh: '牙友 · 口腔诊所会员与亲友推荐', en: 'Yayou · dental clinic members and friends' }), path: '/pages/index/index' }
    if (res.from !== 'button') return fallback
    const promise = callFunction('family', 'invite', {}).then(
      (inv) => ({ title: inv.title, path: inv.path }),
      (e: unknown) => {
        setError(toApiError(e))
        return fallback
      },
    )
    return { ...fallback, promise }
  })

  async function act(key: string, change: () => Promise<Family>) {
    await run(async () => {
      setError(null)
      setUpdated(await change())
    }, { key, onError: setError })
  }

  /** M4: both answers are asked first, naming the family member and the amount (issue 12). */
  async function decide(r: BalanceRequest, approve: boolean) {
    if (held()) return
    const ask = approve ? CONFIRM.approveBalance(r.memberName, r.amountFen) : CONFIRM.declineBalance(r.memberName, r.amountFen)
    if (!(await confirmAction(ask))) return
    void act(`${approve ? 'approve' : 'decline'}-${r.requestId}`, async () => {
      const next = await callFunction('family', 'decide', { requestId: r.requestId, approve })
      setDecided((xs) => [{ ...r, approved: approve }, ...xs.filter((x) => x.requestId !== r.requestId)])
      return next
    })
  }

  /** M3: the member loses the family discount: asked first, by name. */
  async function unbind(m: Family['members'][number]) {
    if (held() || !(await confirmAction(CONFIRM.unbind(m.name)))) return
    void act(`unbind-${m.patientId}`, () => callFunction('family', 'unbind', { patientId: m.patientId }))
  }

  async function inviteOnH5() {
    await run(async () => {
      setError(null)
      const inv = await callFunction('family', 'invite', {})
      setLink(h5Link(inv.path))
    }, { key: 'invite', onError: setError })
  }

  const isOwner = !!family && !!data?.me && family.owner?.patientId === data.me
  const full = !!family && family.members.length >= family.max

  return (
    <PageShell title='我的家庭' subtitle='My family'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {load.state === 'loading' && !data ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {data && !data.me ? (
        <View id='family-none' className='card'>
          <Text className='muted'>{t({ zh: '到店就诊登记后即可使用家庭会员。', en: 'The family membership is for registered patients.' })}</Text>
        </View>
      ) : null}
      {data?.me && family ? (
        <View className='stack'>
          {!isOwner && family.owner ? (
            <View id='family-member-view' className='card'>
              <Text className='card__title'>{t({ zh: '家庭主账户', en: 'Family owner' })}</Text>
              <Text id='family-owner' className='family-member__name'>{family.owner.name}</Text>
              <Text className='muted small'>{t({ zh: `您是 ${family.owner.name} 的家庭成员，终身享受会员折扣。`, en: `You are in ${family.owner.name}'s family and get the member discount for life.` })}</Text>
            </View>
          ) : null}

          <Cells
            id='family-members'
            title={<>{t({ zh: '家庭成员', en: 'Members' })} · <Text id='family-count' className='family-count'>{family.members.length} / {family.max}</Text></>}
          >
            {family.members.length === 0 ? <Cell label={<Text className='muted'>{t({ zh: '尚未绑定家人', en: 'No family members yet' })}</Text>} /> : null}
            {family.members.map((m) => (
              <Cell
                key={m.patientId}
                id={`member-${m.patientId}`}
                label={<Text className='family-member__name'>{m.name}</Text>}
                hint={m.boundSince ? t({ zh: `${clinicDate(m.boundSince)} 加入`, en: `Joined ${clinicDate(m.boundSince)}` }) : undefined}
              >
                {isOwner ? (
                  <>
                    <CheckField
                      id={`standing-${m.patientId}`}
                      checked={m.standingConsent}
                      onChange={(allowed) => void act(`standing-${m.patientId}`, () => callFunction('family', 'setStanding', { patientId: m.patientId, allowed }))}
                    >
                      {t({ zh: '允许随时使用我的奖励金余额', en: 'May always pay from my balance' })}
                    </CheckField>
                    <Btn id={`unbind-${m.patientId}`} variant='plain' disabled={busy} onClick={() => void unbind(m)}>
                      {t({ zh: '解除绑定', en: 'Unbind' })}
                    </Btn>
                  </>
                ) : null}
              </Cell>
            ))}
          </Cells>

          {isOwner ? (
            <Cells id='family-pending' title={t({ zh: '待同意的付款请求', en: 'Requests to pay from my balance' })}>
              {data.home ? <Cell label={t({ zh: '我的奖励金余额', en: 'My balance' })} value={money(data.home.bonusBalanceFen)} /> : null}
              {family.pending.length === 0 ? <Cell label={<Text className='muted'>{t({ zh: '暂无待处理的请求', en: 'No requests waiting' })}</Text>} /> : null}
              {decided.map((r) => (
                <Cell key={`d-${r.requestId}`} id={`decided-${r.requestId}`} label={r.memberName} hint={t(BALANCE_REQUEST_LABEL[r.approved ? 'approved' : 'declined'])} value={money(r.amountFen)} />
              ))}
              {family.pending.map((r) => (
                <Cell key={r.requestId} id={`request-${r.requestId}`} label={r.memberName} hint={t(BALANCE_REQUEST_LABEL[r.status])} value={money(r.amountFen)}>
                  {r.status === 'pending' ? (
                    <View className='row'>
                      <Btn id={`approve-${r.requestId}`} className='grow' disabled={busy} onClick={() => void decide(r, true)}>
                        {t({ zh: '同意', en: 'Approve' })}
                      </Btn>
                      <Btn id={`decline-${r.requestId}`} className='grow' variant='secondary' disabled={busy} onClick={() => void decide(r, false)}>
                        {t({ zh: '拒绝', en: 'Decline' })}
                      </Btn>
                    </View>
                  ) : null}
                </Cell>
              ))}
            </Cells>
          ) : null}

          {isOwner ? (
            <View id='family-invite-box' className='card'>
              <Text className='card__title'>{t({ zh: '邀请家人', en: 'Invite a family member' })}</Text>
              {data.home && data.home.tier !== 'lifetime' ? (
                <Text className='muted small'>
                  {t({
                    zh: `成为终身家庭会员后可绑定最多 ${family.max} 位家人（当前：${TIER_LABEL[data.home.tier].zh}）。`,
                    en: `Lifetime members can bind up to ${family.max} family members (you: ${TIER_LABEL[data.home.tier].en}).`,
                  })}
                </Text>
              ) : (
                <Text className='muted small'>
                  {t({ zh: '家人接受邀请后终身享受会员折扣；邀请只能由一位家人使用。', en: 'A family member who accepts gets the member discount for life; each invitation is for one person.' })}
                </Text>
              )}
              {full ? <Text id='family-full' className='para muted'>{t({ zh: `已满 ${family.max} 位`, en: 'The family is full' })}</Text> : null}
              {!full && data.home?.tier === 'lifetime' ? (
                isWeapp ? (
                  <Button id='family-invite' className='btn btn--primary' openType='share'>{t({ zh: '邀请家人', en: 'Invite' })}</Button>
                ) : (
                  <Btn id='family-invite' disabled={busyKey === 'invite'} onClick={() => void inviteOnH5()}>
                    {busyKey === 'invite' ? t({ zh: '生成链接…', en: 'Preparing…' }) : t({ zh: '邀请家人', en: 'Invite' })}
                  </Btn>
                )
              ) : null}
              {!isWeapp && link ? (
                <View className='share-link'>
                  <Text className='field-label'>{t({ zh: '复制链接发给家人', en: 'Copy the link and send it to your family member' })}</Text>
                  <textarea id='invite-link' className='field invite-link' readOnly value={link} rows={3} onFocus={(e) => e.currentTarget.select()} />
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}
