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
import { TIER_LABEL, ENTRY_KIND_LABEL, discountLabel, clinicDate } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
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
  const t = useT()
  const [load, reload] = useLoad(loadHome)

  return (
    <PageShell title='牙友' subtitle='Yayou'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
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
  const t = useT()
  const pct = Math.round(Math.min(1, Math.max(0, home.progress)) * 100)
  const left = Math.max(0, home.lifetimeThresholdFen - home.cumulativeSpendFen)
  return (
    <View className='stack'>
      <View className='card member-card'>
        <View className='row row--between'>
          <View>
            <Text id='whoami-name' className='member-card__name'>{home.name}</Text>
            <Text className='member-card__record'>{t({ zh: '病历号 ', en: 'Record No. ' })}{home.recordNo}</Text>
          </View>
          <View className={`tier tier--${home.tier}`}>
            <Text id='member-tier'>{t(TIER_LABEL[home.tier])}</Text>
          </View>
        </View>
        {(home.tier === 'annual' && home.annualUntil) || home.familyOwnerName ? (
          <Text className='muted small'>
            {[
              home.tier === 'annual' && home.annualUntil ? t({ zh: `有效至 ${clinicDate(home.annualUntil)}`, en: `Valid until ${clinicDate(home.annualUntil)}` }) : '',
              home.familyOwnerName ? t({ zh: `家庭成员（${home.familyOwnerName}）`, en: `Family of ${home.familyOwnerName}` }) : '',
            ].filter(Boolean).join(' · ')}
          </Text>
        ) : null}
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '会员折扣', en: 'Member discount' })}</Text>
          <Text id='member-discount' className='kv__v'>{t(home.hasMemberDiscount ? discountLabel(home.discountBp) : { zh: '暂无', en: 'None' })}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '累计消费', en: 'Cumulative spend' })}</Text>
          <Text id='member-spend' className='kv__v'>{formatFen(home.cumulativeSpendFen)}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '奖励金余额', en: 'Bonus balance' })}</Text>
          <Text id='member-bonus' className='kv__v'>{formatFen(home.bonusBalanceFen)}</Text>
        </View>
      </View>

      {/* M1: cumulative paid spend towards the lifetime family membership threshold. */}
      <View className='card'>
        <Text className='card__title'>{t({ zh: '终身家庭会员进度', en: 'Towards lifetime membership' })}</Text>
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
            ? t({ zh: '您已是终身家庭会员，可绑定最多 3 位家人共享折扣。', en: 'You are a lifetime family member: up to 3 family members can share your discount.' })
            : t({ zh: `再消费 ${formatFen(left)} 即自动成为终身家庭会员。`, en: `${formatFen(left)} more and you become a lifetime family member.` })}
        </Text>
      </View>

      {family ? <FamilyPanel family={family} me={home.patientId} /> : null}

      <Btn id='goto-code' onClick={() => void Taro.navigateTo({ url: '/pages/member/code/index' })}>
        {t({ zh: '我的会员码', en: 'My member code' })}
      </Btn>
      <Btn id='goto-cards' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/cards/index' })}>
        {t({ zh: '我的亲友卡', en: 'My friend cards' })}
      </Btn>
      <Btn id='goto-referral' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/referral/card/index' })}>
        {t({ zh: '推荐朋友', en: 'Refer a friend' })}
      </Btn>
      <Btn id='goto-coupons' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/coupon/index' })}>
        {t({ zh: '我的优惠券', en: 'My coupons' })}
      </Btn>
      {/* N4 events and N3 messages: plain links, no badges or unread counts (C1). */}
      <Btn id='goto-events' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/events/index' })}>
        {t({ zh: '会员活动', en: 'Member events' })}
      </Btn>
      <Btn id='goto-inbox' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>
        {t({ zh: '消息', en: 'Messages' })}
      </Btn>
      {/* C2: what the clinic holds about this member, the export and the consent log. */}
      <Btn id='goto-mydata' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/mydata/index' })}>
        {t({ zh: '我的数据', en: 'My data' })}
      </Btn>

      <View className='card'>
        <Text className='card__title'>{t({ zh: '账户明细', en: 'History' })}</Text>
        <View id='ledger-list' className='ledger'>
          {home.ledger.length === 0 ? <Text className='muted'>{t({ zh: '暂无记录', en: 'No entries yet' })}</Text> : null}
          {home.ledger.map((l) => (
            <View key={l.id} className='ledger__row'>
              <View className='ledger__left'>
                <Text className='ledger__kind'>{ENTRY_KIND_LABEL[l.kind] ? t(ENTRY_KIND_LABEL[l.kind]) : ''}</Text>
                {/* The stored memo is bilingual server text; the kind and date say what it was (issue 12). */}
                <Text className='ledger__date'>{clinicDate(l.at)}</Text>
                {l.billId ? (
                  <Text id={`rate-${l.billId}`} className='ledger__rate' onClick={() => void Taro.navigateTo({ url: `/pages/rate/index?billId=${encodeURIComponent(l.billId!)}` })}>
                    {t({ zh: '评价这次就诊 ›', en: 'Rate this visit ›' })}
                  </Text>
                ) : null}
              </View>
              <View className='ledger__right'>
                <Text className={`ledger__amount ${l.amountFen < 0 ? 'neg' : 'pos'}`}>
                  {l.amountFen > 0 ? '+' : ''}{formatFen(l.amountFen)}
                </Text>
                <Text className='ledger__balance'>{t({ zh: '余额 ', en: 'Balance ' })}{formatFen(l.balanceAfterFen)}</Text>
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
  const t = useT()
  const isOwner = family.owner?.patientId === me
  const pending = isOwner ? family.pending.filter((p) => p.status === 'pending').length : 0
  // Nothing to show for a patient who is neither in a family nor able to invite (no members yet).
  return (
    <View id='family-panel' className='card'>
      <View className='row row--between'>
        <Text className='card__title'>{t({ zh: '我的家庭', en: 'My family' })}</Text>
        {pending > 0 ? <Text id='family-pending-badge' className='badge'>{t({ zh: `${pending} 待同意`, en: `${pending} waiting` })}</Text> : null}
      </View>
      {family.owner && !isOwner ? (
        <View className='kv'><Text className='kv__k'>{t({ zh: '主账户', en: 'Owner' })}</Text><Text id='family-owner' className='kv__v'>{family.owner.name}</Text></View>
      ) : null}
      <View id='family-members' className='family-list'>
        {family.members.length === 0
          ? <Text className='muted small'>{t({ zh: '尚未绑定家人', en: 'No family members yet' })}</Text>
          : family.members.map((m) => <Text key={m.patientId} className='family-list__name'>{m.name}{m.patientId === me ? t({ zh: '（我）', en: ' (me)' }) : ''}</Text>)}
      </View>
      {isOwner ? <Text className='muted small'>{family.members.length} / {family.max}</Text> : null}
      <Btn id='goto-family' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/family/index' })}>
        {t({ zh: '家庭成员管理', en: 'Manage my family' })}
      </Btn>
    </View>
  )
}

/**
 * The staff pages, each with the action it is for: a page shows only to staff whose role may call
 * that action in the permissions table (src/domain/permissions.ts), which the server enforces too.
 */
type PageAction = { [F in FnName]: [F, ActionOf<F>] }[FnName]
const STAFF_PAGES: Array<{ id: string; page: string; label: Msg; main: PageAction }> = [
  { id: 'goto-staff-cards', page: 'cards', label: { zh: '亲友卡管理', en: 'Friend cards' }, main: ['friendcard', 'issue'] },
  { id: 'goto-staff-referral', page: 'referral', label: { zh: '转介绍：日表与发放', en: 'Referrals: day sheets and payouts' }, main: ['referral', 'daySheet'] },
  { id: 'goto-staff-membership', page: 'membership', label: { zh: '会员到期提醒', en: 'Membership renewals' }, main: ['membership', 'reminders'] },
  { id: 'goto-staff-birthdays', page: 'birthdays', label: { zh: '会员生日礼物', en: 'Birthday gifts' }, main: ['membership', 'birthdays'] },
  { id: 'goto-staff-events', page: 'events', label: { zh: '会员活动与签到', en: 'Member events and check-in' }, main: ['events', 'plan'] },
  { id: 'goto-staff-outbox', page: 'outbox', label: { zh: '消息发送记录', en: 'Messages sent' }, main: ['notify', 'outbox'] },
  { id: 'goto-staff-team', page: 'team', label: { zh: '员工管理', en: 'Staff' }, main: ['team', 'list'] },
  { id: 'goto-staff-import', page: 'import', label: { zh: '患者导入', en: 'Import patients' }, main: ['records', 'importPatients'] },
]

function StaffView({ staff }: { staff: Extract<Persona, { kind: 'staff' }> }) {
  const t = useT()
  return (
    <View className='stack'>
      <View className='card'>
        <Text className='card__title'>{t({ zh: '您好，', en: 'Hello, ' })}<Text id='whoami-name'>{staff.name}</Text></Text>
        <Text className='muted'>{t({ zh: '员工工作台', en: 'Staff desk' })}</Text>
      </View>
      {can(staff, 'reception', 'scan') ? (
        <Btn id='goto-reception' onClick={() => void Taro.navigateTo({ url: '/staff/reception/index' })}>
          {t({ zh: '前台收款', en: 'Reception' })}
        </Btn>
      ) : null}
      {STAFF_PAGES.filter(({ main: [fn, action] }) => can(staff, fn, action as never)).map((p) => (
        <Btn key={p.id} id={p.id} variant='secondary' onClick={() => void Taro.navigateTo({ url: `/staff/${p.page}/index` })}>
          {t(p.label)}
        </Btn>
      ))}
    </View>
  )
}

const GUEST_BENEFITS: Msg[] = [
  { zh: '年度会员或累计消费满 ¥30,000 自动成为终身家庭会员，享 88 折（特价项目除外）。', en: 'Annual members, and everyone whose paid spend reaches ¥30,000 (then a lifetime family member), get 12% off; special-price items excluded.' },
  { zh: '终身家庭会员可绑定最多 3 位家人，共享会员折扣。', en: 'A lifetime family member can add up to 3 family members, who share the discount.' },
  { zh: '朋友经您推荐并完成就诊付款后，您可获得奖励金，下次就诊可用。', en: 'When a friend you recommend pays for a visit, you get a bonus to use at your next visit.' },
]

/** C2: a guest sees the programme, never anyone's treatment data. C1: no share-to-unlock, no lures. */
function GuestView() {
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
      </View>
      <View className='card'>
        <Text className='card__title'>{t({ zh: '会员权益', en: 'Membership' })}</Text>
        {GUEST_BENEFITS.map((b) => <Text key={b.zh} className='para'>· {t(b)}</Text>)}
      </View>
      {/* Issue 10: an existing patient binds their WeChat to their record, with proof. */}
      <Btn id='goto-bind' onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
        {t({ zh: '已在诊所就诊过？绑定就诊档案', en: 'Been to our clinic before? Link your record' })}
      </Btn>
      <Btn id='goto-cards' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/cards/index' })}>
        {t({ zh: '我收到的亲友卡', en: 'Cards I received' })}
      </Btn>
      <Btn id='goto-coupons' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/coupon/index' })}>
        {t({ zh: '我的优惠券', en: 'My coupons' })}
      </Btn>
      <Btn id='goto-inbox' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>
        {t({ zh: '消息', en: 'Messages' })}
      </Btn>
    </View>
  )
}
