/**
 * Home, the first tab (首页). `identity.whoami` decides what to show:
 *  - patient → the member home (MemberView): card and badge, the grid of entries, progress to
 *              lifetime, family, spend and bonus apart (M1, M2, M3, M6, R5)
 *  - staff   → the staff desk: the staff pages their role may open (also on 我的)
 *  - guest   → a welcome that explains the programme truthfully, with no treatment data (C2), the
 *              cards a friend gave them (F3), coupons and messages (N3)
 * A tab page stays alive between visits, so it reloads whenever it is shown again.
 */
import { View, Text } from '@tarojs/components'
import type { Family, GuestProgramme, MemberHome, Persona } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { money } from '../../services/chain'
import { discountLabel } from '../../services/format'
import { openPage, useReloadOnShow, useTabBarLanguage } from '../../services/tabs'
import { PageShell } from '../../components/PageShell'
import { Skeleton } from '../../components/Skeleton'
import { usePullRefresh } from '../../components/usePullRefresh'
import { COMMON, useT, type Msg } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { StaffEntries } from '../me/StaffEntries'
import { EntryGrid, type Entry } from './EntryGrid'
import { MemberView } from './MemberView'
import './index.css'

type HomeData =
  | { persona: Extract<Persona, { kind: 'patient' }>; home: MemberHome; family: Family | null }
  | { persona: Extract<Persona, { kind: 'staff' }> }
  | { persona: Extract<Persona, { kind: 'guest' }>; programme?: GuestProgramme }

async function loadHome(): Promise<HomeData> {
  const { persona, programme } = await callFunction('identity', 'whoami', {})
  if (persona.kind === 'patient') {
    // M3: the family is a side panel; if it cannot be loaded the home still shows.
    const [home, family] = await Promise.all([
      callFunction('member', 'home', {}),
      callFunction('family', 'get', {}).catch(() => null),
    ])
    return { persona, home, family }
  }
  return (persona.kind === 'guest' ? { persona, programme } : { persona }) as HomeData
}

export default function Index() {
  const t = useT()
  const [load, reload] = useLoad(loadHome)
  useTabBarLanguage()
  useReloadOnShow(reload)
  usePullRefresh(reload, load.state === 'loading')
  const data = load.state === 'ready' ? load.data : load.state === 'loading' ? load.data : undefined

  return (
    <PageShell title='牙友' subtitle='Yayou'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !data ? <Skeleton cards={3} /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {data ? <HomeBody data={data} /> : null}
    </PageShell>
  )
}

function HomeBody({ data }: { data: HomeData }) {
  switch (data.persona.kind) {
    case 'patient':
      return <MemberView home={(data as { home: MemberHome }).home} family={(data as { family: Family | null }).family} />
    case 'staff':
      return <StaffView staff={data.persona} />
    case 'guest':
      return <GuestView programme={(data as { programme?: GuestProgramme }).programme} />
  }
}

function StaffView({ staff }: { staff: Extract<Persona, { kind: 'staff' }> }) {
  const t = useT()
  return (
    <View className='stack'>
      <View className='card'>
        <Text className='card__title'>{t({ zh: '您好，', en: 'Hello, ' })}<Text id='whoami-name'>{staff.name}</Text></Text>
        <Text className='muted'>{t({ zh: '员工工作台', en: 'Staff desk' })}</Text>
      </View>
      <StaffEntries persona={staff} id='staff-grid' />
    </View>
  )
}

/**
 * M1, M2, M3, M6, R5 as they are, with the chain's own numbers (whoami's `programme`; issue 14):
 * annual membership is bought and lasts its term; lifetime comes only from paid spend reaching the
 * threshold (an annual membership does not turn into it).
 */
function guestBenefits(p: GuestProgramme | undefined): Msg[] {
  const off = p ? discountLabel(p.discountBp) : { zh: '会员折扣', en: 'the member discount' }
  const term = !p ? { zh: '一年', en: 'one year' } : p.annualMonths === 12 ? { zh: '一年', en: 'one year' } : { zh: `${p.annualMonths} 个月`, en: `${p.annualMonths} months` }
  const fee = p ? money(p.annualFeeFen) : ''
  return [
    { zh: `年度会员：到店办理，${fee ? `${fee} ` : ''}${term.zh}，期内享${off.zh}（特价项目除外），到期后需续费。`, en: `Annual membership: ${fee ? `${fee} ` : ''}at the clinic for ${term.en} of ${off.en} (special-price items excluded); renew when it ends.` },
    p
      ? { zh: `终身家庭会员：累计实付消费满 ${money(p.lifetimeThresholdFen)} 时自动成为（亲友卡、奖励金抵扣的部分不计入），终身享${off.zh}。年度会员不会自动转为终身会员。`, en: `Lifetime family membership: yours automatically once the money you paid reaches ${money(p.lifetimeThresholdFen)} (friend card and bonus amounts do not count), with ${off.en} for life. An annual membership does not turn into a lifetime one.` }
      : { zh: '终身家庭会员：累计实付消费达到门槛时自动成为（亲友卡、奖励金抵扣的部分不计入）。年度会员不会自动转为终身会员。', en: 'Lifetime family membership: yours automatically once the money you paid reaches the threshold (friend card and bonus amounts do not count). An annual membership does not turn into a lifetime one.' },
    ...(p && p.familyMax > 0 ? [{ zh: `终身家庭会员可邀请最多 ${p.familyMax} 位家人，家人同意后终身共享会员折扣。`, en: `A lifetime family member can invite up to ${p.familyMax} family members; once they accept, they share the discount for life.` }] : []),
    { zh: '朋友经您推荐并完成就诊付款后，您可获得奖励金，下次就诊可用。', en: 'When a friend you recommend pays for a visit, you get a bonus to use at your next visit.' },
  ]
}

const GUEST_ENTRIES: readonly Entry[] = [
  { id: 'goto-cards', label: { zh: '收到的亲友卡', en: 'Cards I received' }, glyph: { zh: '卡', en: 'C' }, url: '/pages/cards/index' },
  { id: 'goto-coupons', label: { zh: '优惠券', en: 'Coupons' }, glyph: { zh: '券', en: '%' }, url: '/pages/coupon/index' },
  { id: 'goto-inbox', label: { zh: '消息', en: 'Messages' }, glyph: { zh: '信', en: 'M' }, url: '/pages/inbox/index' },
]

/** C2: a guest sees the programme, never anyone's treatment data. C1: no share-to-unlock, no lures. */
function GuestView({ programme }: { programme?: GuestProgramme }) {
  const t = useT()
  return (
    <View className='stack'>
      <View id='guest-welcome' className='card'>
        <Text className='card__title'>{t({ zh: '欢迎来到牙友', en: 'Welcome to Yayou' })}</Text>
        <Text id='whoami-name' className='muted'>{t({ zh: '访客', en: 'Guest' })}</Text>
        <Text className='para'>
          {t({
            zh: '牙友是本连锁口腔诊所的会员与亲友推荐计划。到店就诊登记后即可查看您的会员信息。',
            en: 'Yayou is our clinic chain\'s membership and friends programme. Once you visit and register, your membership appears here.',
          })}
        </Text>
        {/* Issue 10: an existing patient binds their WeChat to their record, with proof. */}
        <Btn id='goto-bind' onClick={() => void openPage('/pages/bind/index')}>
          {t({ zh: '已在诊所就诊过？绑定就诊档案', en: 'Been to our clinic before? Link your record' })}
        </Btn>
      </View>
      <EntryGrid id='home-grid' entries={GUEST_ENTRIES} />
      <View id='guest-benefits' className='card'>
        <Text className='card__title'>{t({ zh: '会员权益', en: 'Membership' })}</Text>
        {guestBenefits(programme).map((b) => <Text key={b.zh} className='para'>· {t(b)}</Text>)}
      </View>
    </View>
  )
}
