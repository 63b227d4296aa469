/**
 * The member home (issue 12, item 3): the member card with the right badge on top (M1, M3), the
 * grid of entries, progress to lifetime while it can still be reached (M1), the family (M3, M4),
 * then spend and the bonus account apart (M6, R5).
 */
import { View, Text } from '@tarojs/components'
import type { Family, MemberHome } from '../../api/contract'
import { showsLifetimeProgress } from '../../domain/membership/badge'
import { money } from '../../services/chain'
import { useT } from '../../i18n'
import { discountLabel, clinicDate } from '../../services/format'
import { AccountHistories } from './AccountHistories'
import { EntryGrid, type Entry } from './EntryGrid'
import { BADGE_LABEL } from './labels'
import './tier.css'

/** What a member can open from home. N3 messages and N4 events are plain entries: no badges or counts (C1). */
const MEMBER_ENTRIES: readonly Entry[] = [
  { id: 'goto-code', label: { zh: '会员码', en: 'Member code' }, glyph: { zh: '码', en: 'QR' }, url: '/pages/member/code/index' },
  { id: 'goto-cards', label: { zh: '亲友卡', en: 'Friend cards' }, glyph: { zh: '卡', en: 'C' }, url: '/pages/cards/index' },
  { id: 'goto-referral', label: { zh: '推荐好友', en: 'Refer a friend' }, glyph: { zh: '荐', en: 'R' }, url: '/pages/referral/card/index' },
  { id: 'goto-coupons', label: { zh: '优惠券', en: 'Coupons' }, glyph: { zh: '券', en: '%' }, url: '/pages/coupon/index' },
  { id: 'goto-family', label: { zh: '家庭成员', en: 'Family' }, glyph: { zh: '家', en: 'F' }, url: '/pages/family/index' },
  { id: 'goto-events', label: { zh: '会员活动', en: 'Events' }, glyph: { zh: '活', en: 'E' }, url: '/pages/events/index' },
  { id: 'goto-inbox', label: { zh: '消息', en: 'Messages' }, glyph: { zh: '信', en: 'M' }, url: '/pages/inbox/index' },
  // C2: what the clinic holds about this member, the export and the consent log.
  { id: 'goto-mydata', label: { zh: '我的数据', en: 'My data' }, glyph: { zh: '数', en: 'D' }, url: '/account/mydata/index' },
]

export function MemberView({ home, family }: { home: MemberHome; family: Family | null }) {
  const t = useT()
  return (
    <View className='stack'>
      <View className='card member-card'>
        <View className='row row--between'>
          <View>
            <Text id='whoami-name' className='member-card__name'>{home.name}</Text>
            <Text className='member-card__record'>{t({ zh: '病历号 ', en: 'Record No. ' })}{home.recordNo}</Text>
          </View>
          <View className={`tier tier--${home.badge}`} data-badge={home.badge}>
            <Text id='member-tier'>{t(BADGE_LABEL[home.badge])}</Text>
          </View>
        </View>
        {(home.tier === 'annual' && home.annualUntil) || home.familyOwnerName ? (
          <Text className='muted small'>
            {[
              home.tier === 'annual' && home.annualUntil ? t({ zh: `年度会员有效至 ${clinicDate(home.annualUntil)}`, en: `Annual membership until ${clinicDate(home.annualUntil)}` }) : '',
              home.familyOwnerName ? t({ zh: `${home.familyOwnerName}的家人`, en: `Family of ${home.familyOwnerName}` }) : '',
            ].filter(Boolean).join(' · ')}
          </Text>
        ) : null}
        <View className='member-card__figures'>
          <View className='figure'>
            <Text id='member-discount' className='figure__value'>{t(home.hasMemberDiscount ? discountLabel(home.discountBp) : { zh: '暂无', en: 'None' })}</Text>
            <Text className='figure__label'>{t({ zh: '会员折扣', en: 'Member discount' })}</Text>
          </View>
          <View className='figure'>
            <Text id='member-spend' className='figure__value'>{money(home.cumulativeSpendFen)}</Text>
            <Text className='figure__label'>{t({ zh: '累计消费', en: 'Total spend' })}</Text>
          </View>
          <View className='figure'>
            <Text id='member-bonus' className='figure__value'>{money(home.bonusBalanceFen)}</Text>
            <Text className='figure__label'>{t({ zh: '奖励金余额', en: 'Bonus balance' })}</Text>
          </View>
        </View>
      </View>

      <EntryGrid id='home-grid' entries={MEMBER_ENTRIES} />

      {showsLifetimeProgress(home.tier) ? <LifetimeProgress home={home} /> : null}

      {family ? <FamilyPanel family={family} me={home.patientId} /> : null}

      <AccountHistories spend={home.spend} bonus={home.bonus} />
    </View>
  )
}

/** M1, M6: money actually paid towards the lifetime family membership; gone once lifetime. */
function LifetimeProgress({ home }: { home: MemberHome }) {
  const t = useT()
  const pct = Math.round(Math.min(1, Math.max(0, home.progress)) * 100)
  const left = Math.max(0, home.lifetimeThresholdFen - home.cumulativeSpendFen)
  return (
    <View className='card'>
      <Text className='card__title'>{t({ zh: '终身家庭会员进度', en: 'Towards lifetime membership' })}</Text>
      <View id='member-progress' className='progress'>
        <View className='progress__track'>
          <View className='progress__fill' style={{ width: `${pct}%` }} />
        </View>
        <Text className='progress__text'>{pct}% · {money(home.cumulativeSpendFen)} / {money(home.lifetimeThresholdFen)}</Text>
      </View>
      <Text className='muted small'>
        {t({
          zh: `再实付消费 ${money(left)} 即自动成为终身家庭会员（亲友卡、奖励金抵扣的部分不计入）。`,
          en: `Pay ${money(left)} more and you become a lifetime family member (friend card and bonus amounts do not count).`,
        })}
      </Text>
    </View>
  )
}

/** M3, M4: who is in the family; the owner sees how many requests wait for a decision. */
function FamilyPanel({ family, me }: { family: Family; me: string }) {
  const t = useT()
  const isOwner = family.owner?.patientId === me
  const pending = isOwner ? family.pending.filter((p) => p.status === 'pending').length : 0
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
    </View>
  )
}
