/**
 * 经营看板 (issue 14 item 1; staff subpackage, director and admin): one period and a clinic at a
 * glance — the referral funnel (R2/R3), the friend card funnel and its ROI (F7), bills and money per
 * week, members by tier (M1), the top referrers (R8) and the messages sent or skipped and why (N3).
 * One column on the phone, a grid on a desktop browser. Days are the clinic's (the server decides).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Dashboard, DashboardRequest } from '../../api/contract'
import { can } from '../../domain/permissions'
import { formatMoney } from '../../domain/policy-money'
import { DateField } from '../../components/DateField'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/PageShell'
import { useLoad } from '../../components/hooks'
import { StaffPage } from '../../components/StaffPage'
import { Btn } from '../../components/controls'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { useT } from '../../i18n'
import { Bars, Columns, Funnel } from './Charts'
import { CARD_STEPS, REFERRAL_STEPS, SKIP_REASONS, STATUSES, TIERS } from './labels'
import './index.css'

export default function DashboardPage() {
  const t = useT()
  return (
    <StaffPage title='经营看板' subtitle='Dashboard'>
      {(staff) => (can(staff, 'team', 'dashboard')
        ? <DashboardDesk key={staff.staffId} />
        : <View id='dashboard-forbidden' className='card'><Text className='muted'>{t({ zh: '仅院长和管理员可以查看经营看板。', en: 'Only the director and administrators see the dashboard.' })}</Text></View>)}
    </StaffPage>
  )
}

const today = () => clinicDate(new Date().toISOString()) // a bound for the picker in the chain's zone; the server decides the clinic's day

function DashboardDesk() {
  const t = useT()
  const [asked, setAsked] = useState<DashboardRequest>({})
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  // useLoad runs its latest fetcher on reload(): the new request and the reload land in one render.
  const [load, reload] = useLoad(() => callFunction('team', 'dashboard', asked))
  const ask = (next: DashboardRequest) => { setAsked(next); reload() }
  const d = load.data
  const choose = (clinicId?: string) => ask({ ...asked, clinicId })
  return (
    <View className='stack'>
      <View id='dash-filters' className='card dash-filters'>
        <Text className='card__title'>{t({ zh: '门店与期间', en: 'Clinic and period' })}</Text>
        {d && (d.chainWide || d.clinics.length > 1) ? (
          <View className='row' style={{ flexWrap: 'wrap' }}>
            <Btn id='dash-clinic-all' variant='secondary' className={`chip ${!asked.clinicId ? 'chip--on' : ''}`} onClick={() => choose(undefined)}>{t({ zh: d.chainWide ? '全部门店' : '我的门店', en: d.chainWide ? 'All clinics' : 'My clinics' })}</Btn>
            {d.clinics.map((c) => (
              <Btn key={c.clinicId} id={`dash-clinic-${c.clinicId}`} variant='secondary' className={`chip ${asked.clinicId === c.clinicId ? 'chip--on' : ''}`} onClick={() => choose(c.clinicId)}>{c.name}</Btn>
            ))}
          </View>
        ) : d ? <Text id='dash-clinic-own' className='muted'>{d.clinics[0]?.name ?? ''}</Text> : null}
        <View className='row'>
          <View className='grow'><Text className='field-label'>{t({ zh: '开始日期', en: 'From' })}</Text><DateField id='dash-from' value={from} start='2020-01-01' end={to || today()} onChange={setFrom} /></View>
          <View className='grow'><Text className='field-label'>{t({ zh: '结束日期', en: 'To' })}</Text><DateField id='dash-to' value={to} start={from || '2020-01-01'} end={today()} onChange={setTo} /></View>
        </View>
        <Btn id='dash-apply' variant='secondary' onClick={() => ask({ clinicId: asked.clinicId, ...(from ? { from } : {}), ...(to ? { to } : {}) })}>{t({ zh: '查看', en: 'Show' })}</Btn>
        {d ? <Text id='dash-period' className='muted small' data-from={d.from} data-to={d.to}>{t({ zh: `${d.from} 至 ${d.to}（不选日期即为最近 30 天）`, en: `${d.from} to ${d.to} (without dates: the last 30 days)` })}</Text> : null}
      </View>
      {load.state === 'error' ? <ErrorBanner error={load.error} /> : null}
      {!d && load.state === 'loading' ? <Loading /> : null}
      {d ? <Figures d={d} /> : null}
    </View>
  )
}

function Figures({ d }: { d: Dashboard }) {
  const t = useT()
  const money = (fen: number) => formatMoney(fen, d.currency)
  const weekLabel = (day: string) => day.slice(5).replace('-', '/')
  const sent = d.messages.byStatus.reduce((s, m) => s + m.count, 0)
  return (
    <View id='dash-grid' className='dash-grid' data-clinic={d.clinicId ?? ''}>
      <View id='dash-referral' className='card'>
        <Text className='card__title'>{t({ zh: '转介绍漏斗', en: 'Referral funnel' })}</Text>
        <Text className='muted small'>{t({ zh: '本期领取的首诊券走到了哪一步', en: 'How far the coupons taken in the period went' })}</Text>
        <Funnel id='dash-referral-funnel' steps={d.referral} labels={REFERRAL_STEPS} />
      </View>
      <View id='dash-cards' className='card' data-roi={d.cards.roi ?? ''}>
        <Text className='card__title'>{t({ zh: '亲友卡漏斗与回报', en: 'Friend cards: funnel and return' })}</Text>
        <View className='dash-figures'>
          <View className='dash-figures__item'><Text className='muted small'>{t({ zh: '亲友实付', en: 'Friends paid' })}</Text><Text id='dash-cards-paid' className='dash-figure'>{money(d.cards.friendsPaidFen)}</Text></View>
          <View className='dash-figures__item'><Text className='muted small'>{t({ zh: '卡值抵扣', en: 'Card value redeemed' })}</Text><Text id='dash-cards-redeemed' className='dash-figure'>{money(d.cards.redeemedFen)}</Text></View>
          <View className='dash-figures__item'><Text className='muted small'>{t({ zh: '投入产出比', en: 'Return (ROI)' })}</Text><Text id='dash-cards-roi' className='dash-figure'>{d.cards.roi === null ? t({ zh: '暂无抵扣', en: 'Nothing redeemed' }) : `${d.cards.roi.toFixed(2)}×`}</Text></View>
        </View>
        <Funnel id='dash-card-funnel' steps={d.cards.steps} labels={CARD_STEPS} />
      </View>
      <View id='dash-weeks' className='card dash-wide'>
        <Text className='card__title'>{t({ zh: '每周趋势', en: 'Weekly trend' })}</Text>
        <Text className='muted small'>{t({ zh: '账单数（按周一所在周）', en: 'Bills (weeks from Monday)' })}</Text>
        <Columns id='dash-weeks-bills' columns={d.weeks.map((w) => ({ key: w.weekStart, label: weekLabel(w.weekStart), value: w.bills, shown: String(w.bills) }))} />
        <Text className='muted small'>{t({ zh: '实收金额', en: 'Money paid' })}</Text>
        <Columns id='dash-weeks-paid' columns={d.weeks.map((w) => ({ key: w.weekStart, label: weekLabel(w.weekStart), value: w.paidFen, shown: money(w.paidFen) }))} />
      </View>
      <View id='dash-tiers' className='card'>
        <Text className='card__title'>{t({ zh: '会员构成', en: 'Members by tier' })}</Text>
        <Bars id='dash-tier-bars' rows={d.tiers.map((x) => ({ key: x.tier, label: t(TIERS[x.tier]), value: x.count }))} />
      </View>
      <View id='dash-leaders' className='card'>
        <Text className='card__title'>{t({ zh: '推荐之星', en: 'Top referrers' })}</Text>
        {d.topReferrers.length === 0 ? <Text className='muted'>{t({ zh: '暂无有效推荐', en: 'No valid referrals yet' })}</Text> : null}
        {d.topReferrers.map((r) => (
          <View key={r.rank} className='row row--between dash-list-row' data-rank={r.rank}>
            <Text>{`${r.rank}. ${r.name}`}</Text>
            <Text className='muted'>{t({ zh: `${r.validReferrals} 位好友 · ${money(r.referredRevenueFen)}`, en: `${r.validReferrals} friends · ${money(r.referredRevenueFen)}` })}</Text>
          </View>
        ))}
      </View>
      <View id='dash-messages' className='card'>
        <Text className='card__title'>{t({ zh: '消息发送', en: 'Messages' })}</Text>
        {sent === 0 ? <Text className='muted'>{t({ zh: '本期没有消息', en: 'No messages in the period' })}</Text> : null}
        <Bars id='dash-message-bars' rows={d.messages.byStatus.map((m) => ({ key: m.status, label: t(STATUSES[m.status]), value: m.count }))} />
        {d.messages.skipped.length ? <Text className='muted small'>{t({ zh: '未发送的原因', en: 'Why some were not sent' })}</Text> : null}
        <Bars id='dash-skip-bars' rows={d.messages.skipped.map((m) => ({ key: m.reason, label: t(SKIP_REASONS[m.reason]), value: m.count }))} />
      </View>
    </View>
  )
}
