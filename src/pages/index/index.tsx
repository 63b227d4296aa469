/**
 * Home. `identity.whoami` decides what to show:
 *  - patient → member home (M1 tier and progress to lifetime, M2 discount, M6 spend, R5 bonus, ledger)
 *  - staff   → the way to reception (S1–S3), friend cards (S4), the birthday gift list (N2),
 *              member events (N4) and the outbox (N3), all in the staff subpackage
 *  - guest   → a welcome that explains the programme, with no treatment data (C2), the cards
 *              a friend gave them (F3) and their messages (N3)
 * Patients and guests both reach "my friend cards"; a patient's given cards appear there only once
 * staff issued one (F1), so the link itself promises nothing.
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ActionOf, Family, FnName, MemberHome, Persona } from '../../api/contract'
import { can } from '../../domain/permissions'
import { formatFen } from '../../domain/money'
import { callFunction } from '../../services/cloud'
import { TIER_LABEL, ENTRY_LABEL, zhe, clinicDate } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import './index.css'

type HomeData =
  | { persona: Extract<Persona, { kind: 'patient' }>; home: MemberHome; family: Family | null }
  | { persona: Extract<Persona, { kind: 'staff' }> }
  | { persona: Extract<Persona, { kind: 'guest' }> }

async function loadHome(): Promise<HomeData> {
  const { persona } = await callFunction('identity', 'whoami', {})
  if (persona.kind === 'patient') {
    // M3: the family is a side panel; if it cannot be loaded the home still shows.
    const [home, family] = await Promise.all([
      callFunction('member', 'home', {}),
      callFunction('family', 'get', {}).catch(() => null),
    ])
    return { persona, home, family }
  }
  return { persona } as HomeData
}

export default function Index() {
  const [load, reload] = useLoad(loadHome)

  return (
    <PageShell title='牙友' subtitle='Yayou · 口腔诊所会员与亲友推荐'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' ? <View className='muted'>加载中… Loading…</View> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>重试 Retry</Btn> : null}
      {load.state === 'ready' ? <HomeBody data={load.data} /> : null}
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
      return <GuestView />
  }
}

function MemberView({ home, family }: { home: MemberHome; family: Family | null }) {
  const pct = Math.round(Math.min(1, Math.max(0, home.progress)) * 100)
  const left = Math.max(0, home.lifetimeThresholdFen - home.cumulativeSpendFen)
  return (
    <View className='stack'>
      <View className='card member-card'>
        <View className='row row--between'>
          <View>
            <Text id='whoami-name' className='member-card__name'>{home.name}</Text>
            <Text className='member-card__record'>病历号 Record No. {home.recordNo}</Text>
          </View>
          <View className={`tier tier--${home.tier}`}>
            <Text id='member-tier'>{TIER_LABEL[home.tier].zh}</Text>
          </View>
        </View>
        <Text className='muted small'>{TIER_LABEL[home.tier].en}
          {home.tier === 'annual' && home.annualUntil ? ` · 有效至 ${clinicDate(home.annualUntil)}` : ''}
          {home.familyOwnerName ? ` · 家庭成员（${home.familyOwnerName}）Family of ${home.familyOwnerName}` : ''}
        </Text>
        <View className='kv'>
          <Text className='kv__k'>会员折扣 Member discount</Text>
          <Text id='member-discount' className='kv__v'>{home.hasMemberDiscount ? zhe(home.discountBp) : '暂无 None'}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>累计消费 Cumulative spend</Text>
          <Text id='member-spend' className='kv__v'>{formatFen(home.cumulativeSpendFen)}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>奖励金余额 Bonus balance</Text>
          <Text id='member-bonus' className='kv__v'>{formatFen(home.bonusBalanceFen)}</Text>
        </View>
      </View>

      {/* M1: cumulative paid spend towards the lifetime family membership threshold. */}
      <View className='card'>
        <Text className='card__title'>终身家庭会员进度 Lifetime membership</Text>
        <View id='member-progress' className='progress'>
          <View className='progress__track'>
            <View className='progress__fill' style={{ width: `${pct}%` }} />
          </View>
          <Text className='progress__text'>
            {pct}% · {formatFen(home.cumulativeSpendFen)} / {formatFen(home.lifetimeThresholdFen)}
          </Text>
        </View>
        <Text className='muted small'>
          {home.tier === 'lifetime'
            ? '您已是终身家庭会员，可绑定最多 3 位家人共享折扣。You are a lifetime family member.'
            : `再消费 ${formatFen(left)} 即自动成为终身家庭会员。${formatFen(left)} more to become a lifetime member.`}
        </Text>
      </View>

      {family ? <FamilyPanel family={family} me={home.patientId} /> : null}

      <Btn id='goto-code' onClick={() => void Taro.navigateTo({ url: '/pages/member/code/index' })}>
        我的会员码 My member code
      </Btn>
      <Btn id='goto-cards' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/cards/index' })}>
        我的亲友卡 My friend cards
      </Btn>
      <Btn id='goto-referral' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/referral/card/index' })}>
        推荐朋友 Refer a friend
      </Btn>
      <Btn id='goto-coupons' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/coupon/index' })}>
        我的优惠券 My coupons
      </Btn>
      {/* N4 events and N3 messages: plain links, no badges or unread counts (C1). */}
      <Btn id='goto-events' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/events/index' })}>
        会员活动 Member events
      </Btn>
      <Btn id='goto-inbox' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>
        消息 Messages
      </Btn>
      {/* C2: what the clinic holds about this member, the export and the consent log. */}
      <Btn id='goto-mydata' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/mydata/index' })}>
        我的数据
      </Btn>

      <View className='card'>
        <Text className='card__title'>账户明细 History</Text>
        <View id='ledger-list' className='ledger'>
          {home.ledger.length === 0 ? <Text className='muted'>暂无记录 No entries yet</Text> : null}
          {home.ledger.map((l) => (
            <View key={l.id} className='ledger__row'>
              <View className='ledger__left'>
                <Text className='ledger__kind'>{ENTRY_LABEL[l.kind] ?? l.kind}</Text>
                <Text className='ledger__date'>{clinicDate(l.at)}{l.memo ? ` · ${l.memo}` : ''}</Text>
                {l.billId ? (
                  <Text id={`rate-${l.billId}`} className='ledger__rate' onClick={() => void Taro.navigateTo({ url: `/pages/rate/index?billId=${encodeURIComponent(l.billId!)}` })}>
                    评价这次就诊 Rate this visit ›
                  </Text>
                ) : null}
              </View>
              <View className='ledger__right'>
                <Text className={`ledger__amount ${l.amountFen < 0 ? 'neg' : 'pos'}`}>
                  {l.amountFen > 0 ? '+' : ''}{formatFen(l.amountFen)}
                </Text>
                <Text className='ledger__balance'>余额 {formatFen(l.balanceAfterFen)}</Text>
              </View>
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}

/** M3, M4: who is in the family; the owner sees requests waiting for a decision. */
function FamilyPanel({ family, me }: { family: Family; me: string }) {
  const isOwner = family.owner?.patientId === me
  const pending = isOwner ? family.pending.filter((p) => p.status === 'pending').length : 0
  // Nothing to show for a patient who is neither in a family nor able to invite (no members yet).
  return (
    <View id='family-panel' className='card'>
      <View className='row row--between'>
        <Text className='card__title'>我的家庭 My family</Text>
        {pending > 0 ? <Text id='family-pending-badge' className='badge'>{pending} 待同意 pending</Text> : null}
      </View>
      {family.owner && !isOwner ? (
        <View className='kv'><Text className='kv__k'>主账户 Owner</Text><Text id='family-owner' className='kv__v'>{family.owner.name}</Text></View>
      ) : null}
      <View id='family-members' className='family-list'>
        {family.members.length === 0
          ? <Text className='muted small'>尚未绑定家人 No family members yet</Text>
          : family.members.map((m) => <Text key={m.patientId} className='family-list__name'>{m.name}{m.patientId === me ? '（我 me）' : ''}</Text>)}
      </View>
      {isOwner ? <Text className='muted small'>{family.members.length} / {family.max}</Text> : null}
      <Btn id='goto-family' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/family/index' })}>
        家庭成员管理 Family
      </Btn>
    </View>
  )
}

/**
 * The staff pages, each with the action it is for: a page shows only to staff whose role may call
 * that action in the permissions table (src/domain/permissions.ts), which the server enforces too.
 */
type PageAction = { [F in FnName]: [F, ActionOf<F>] }[FnName]
const STAFF_PAGES: Array<{ id: string; page: string; label: string; main: PageAction }> = [
  { id: 'goto-staff-cards', page: 'cards', label: '亲友卡管理 Friend cards', main: ['friendcard', 'issue'] },
  { id: 'goto-staff-referral', page: 'referral', label: '转介绍 Referrals · sheets, payouts', main: ['referral', 'daySheet'] },
  { id: 'goto-staff-membership', page: 'membership', label: '会员到期提醒 Membership renewals', main: ['membership', 'reminders'] },
  { id: 'goto-staff-birthdays', page: 'birthdays', label: '会员生日礼物 Birthday gifts', main: ['membership', 'birthdays'] },
  { id: 'goto-staff-events', page: 'events', label: '会员活动 Member events · check-in', main: ['events', 'plan'] },
  { id: 'goto-staff-outbox', page: 'outbox', label: '消息发送记录 Message outbox', main: ['notify', 'outbox'] },
  { id: 'goto-staff-team', page: 'team', label: '员工管理', main: ['team', 'list'] },
  { id: 'goto-staff-import', page: 'import', label: '患者导入', main: ['records', 'importPatients'] },
]

function StaffView({ staff }: { staff: Extract<Persona, { kind: 'staff' }> }) {
  return (
    <View className='stack'>
      <View className='card'>
        <Text className='card__title'>您好，<Text id='whoami-name'>{staff.name}</Text></Text>
        <Text className='muted'>员工工作台 Staff desk</Text>
      </View>
      {can(staff, 'reception', 'scan') ? (
        <Btn id='goto-reception' onClick={() => void Taro.navigateTo({ url: '/staff/reception/index' })}>
          前台收款 Reception
        </Btn>
      ) : null}
      {STAFF_PAGES.filter(({ main: [fn, action] }) => can(staff, fn, action as never)).map((p) => (
        <Btn key={p.id} id={p.id} variant='secondary' onClick={() => void Taro.navigateTo({ url: `/staff/${p.page}/index` })}>
          {p.label}
        </Btn>
      ))}
    </View>
  )
}

/** C2: a guest sees the programme, never anyone's treatment data. C1: no share-to-unlock, no lures. */
function GuestView() {
  return (
    <View className='stack'>
      <View id='guest-welcome' className='card'>
        <Text className='card__title'>欢迎来到牙友 Welcome</Text>
        <Text id='whoami-name' className='muted'>访客 Guest</Text>
        <Text className='para'>
          牙友是本连锁口腔诊所的会员与亲友推荐计划。到店就诊登记后即可查看您的会员信息。
        </Text>
        <Text className='para small muted'>
          Yayou is our clinic chain's membership and friends programme. Once you visit and register,
          your membership appears here.
        </Text>
      </View>
      <View className='card'>
        <Text className='card__title'>会员权益 Membership</Text>
        <Text className='para'>· 年度会员或累计消费满 ¥30,000 自动成为终身家庭会员，享 88 折（特价项目除外）。</Text>
        <Text className='para'>· 终身家庭会员可绑定最多 3 位家人，共享会员折扣。</Text>
        <Text className='para'>· 朋友经您推荐并完成就诊付款后，您可获得奖励金，下次就诊可用。</Text>
        <Text className='para small muted'>
          Annual members, and everyone whose paid spend reaches ¥30,000, get 12% off (special-price
          items excluded). Referral rewards follow a friend's paid visit only.
        </Text>
      </View>
      {/* Issue 10: an existing patient binds their WeChat to their record, with proof. */}
      <Btn id='goto-bind' onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
        已在诊所就诊过？绑定就诊档案
      </Btn>
      <Btn id='goto-cards' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/cards/index' })}>
        我收到的亲友卡 Cards I received
      </Btn>
      <Btn id='goto-coupons' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/coupon/index' })}>
        我的优惠券 My coupons
      </Btn>
      <Btn id='goto-inbox' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>
        消息 Messages
      </Btn>
    </View>
  )
}
