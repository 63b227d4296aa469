/**
 * Issue 14 item 5: "what if?" — the numbers in the form above (or the chosen preset) replayed over a
 * period of the chain's real bills, beside what happened: a table and bars for each figure. Nothing
 * is saved by simulating; the server checks the numbers as a save would.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PolicySimulation, SimulationOutcome } from '../../api/contract'
import type { Policy } from '../../domain/policy'
import { formatMoney } from '../../domain/policy-money'
import type { PresetKey } from '../../domain/policy-presets'
import type { PolicyProblem } from '../../domain/policy-validate'
import { DateField } from '../../components/DateField'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { useT, type Msg } from '../../i18n'

type Figure = Exclude<keyof SimulationOutcome, 'bills'>

/** The figures, in the order a director reads them; `cost` marks what the programme gives away. */
const FIGURES: ReadonlyArray<{ key: Figure; label: Msg; cost?: true }> = [
  { key: 'grossFen', label: { zh: '项目原价合计', en: 'Gross before discounts' } },
  { key: 'memberDiscountFen', label: { zh: '会员折扣', en: 'Member discounts' }, cost: true },
  { key: 'couponFen', label: { zh: '首诊券抵扣', en: 'First-visit coupons' }, cost: true },
  { key: 'cardRedeemedFen', label: { zh: '亲友卡抵扣', en: 'Friend card value redeemed' }, cost: true },
  { key: 'bonusUsedFen', label: { zh: '奖励金抵扣', en: 'Bonus spent' }, cost: true },
  { key: 'paidFen', label: { zh: '实收金额', en: 'Money paid' } },
  { key: 'referredRevenueFen', label: { zh: '推荐与亲友卡带来的实收', en: 'Paid by referred friends and card holders' } },
  { key: 'rewardBonusFen', label: { zh: '推荐奖励金', en: 'Referral rewards' }, cost: true },
  { key: 'shareFen', label: { zh: '消费分成', en: 'Spend shares' }, cost: true },
  { key: 'payoutFen', label: { zh: '外部发放', en: 'External payouts' }, cost: true },
  { key: 'netFen', label: { zh: '净收入（实收减奖励与发放）', en: 'Net (paid less rewards and payouts)' } },
]

interface Props {
  /** The form's numbers as a proposed policy, with anything that must be fixed first. */
  proposal: () => { policy: Policy; problems: PolicyProblem[] }
  preset: PresetKey | null
  currency: Policy['currency']
}

/** A bound for the pickers only; the server decides the clinic's day. */
const today = () => clinicDate(new Date().toISOString())

export function SimulationPanel({ proposal, preset, currency }: Props) {
  const t = useT()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [result, setResult] = useState<PolicySimulation | null>(null)
  const [error, setError] = useState<BannerMessage | null>(null)
  const [busy, setBusy] = useState(false)

  async function run() {
    if (busy) return
    setError(null)
    const body: { preset?: PresetKey; policy?: Policy } = {}
    if (preset) body.preset = preset
    else {
      const p = proposal()
      if (p.problems.some((x) => x.path !== 'reason')) return setError({ zh: '有设置需要修改，请看字段下方的提示', en: 'Some settings need a change; see the notes under them' })
      body.policy = p.policy
    }
    setBusy(true)
    try {
      setResult(await callFunction('team', 'policySimulate', { ...body, ...(from ? { from } : {}), ...(to ? { to } : {}) }))
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }

  const money = (fen: number) => formatMoney(fen, result?.currency ?? currency)
  return (
    <View id='policy-simulation' className='card'>
      <Text className='card__title'>{t({ zh: '规则模拟', en: 'Simulate' })}</Text>
      <Text className='muted small'>{t({ zh: '用上面的规则（或所选预设）重算所选期间的真实账单，与实际结果对比；不会保存任何修改。不填日期即为最近 30 天。', en: 'Recomputes the real bills of the period under the settings above (or the chosen preset), beside what happened; nothing is saved. Without dates: the last 30 days.' })}</Text>
      <View className='row'>
        <View className='grow'><Text className='field-label'>{t({ zh: '开始日期', en: 'From' })}</Text><DateField id='sim-from' value={from} start='2020-01-01' end={to || today()} onChange={setFrom} /></View>
        <View className='grow'><Text className='field-label'>{t({ zh: '结束日期', en: 'To' })}</Text><DateField id='sim-to' value={to} start={from || '2020-01-01'} end={today()} onChange={setTo} /></View>
      </View>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Btn id='sim-run' variant='secondary' disabled={busy} onClick={() => void run()}>{busy ? t({ zh: '计算中…', en: 'Working…' }) : t({ zh: '开始模拟', en: 'Run the simulation' })}</Btn>
      {result ? (
        <View id='sim-result' data-from={result.from} data-to={result.to}>
          <Text id='sim-period' className='muted small'>{t({ zh: `${result.from} 至 ${result.to}，共 ${result.happened.bills} 张账单`, en: `${result.from} to ${result.to}, ${result.happened.bills} bills` })}</Text>
          <View className='sim-legend'>
            <Text className='sim-key sim-key--happened'>{t({ zh: '实际', en: 'Happened' })}</Text>
            <Text className='sim-key sim-key--proposed'>{t({ zh: '模拟', en: 'Simulated' })}</Text>
          </View>
          {FIGURES.map((f) => <FigureRow key={f.key} figure={f} result={result} money={money} />)}
        </View>
      ) : null}
    </View>
  )
}

function FigureRow({ figure: f, result, money }: { figure: (typeof FIGURES)[number]; result: PolicySimulation; money: (fen: number) => string }) {
  const t = useT()
  const a = result.happened[f.key]
  const b = result.proposed[f.key]
  const d = result.difference[f.key]
  const scale = Math.max(Math.abs(a), Math.abs(b), 1)
  const bar = (v: number, kind: string) => <View className={`sim-bar sim-bar--${kind}`} style={{ width: `${Math.round((Math.abs(v) / scale) * 100)}%` }} />
  // Better for the clinic: more paid or net, less given away.
  const better = d === 0 ? '' : (d > 0) !== Boolean(f.cost) ? 'up' : 'down'
  return (
    <View id={`sim-${f.key}`} className='sim-row' data-happened={a} data-proposed={b} data-difference={d}>
      <View className='row row--between'>
        <Text className='sim-row__label'>{t(f.label)}</Text>
        <Text className={`sim-row__diff ${better ? `sim-row__diff--${better}` : ''}`}>{d === 0 ? t({ zh: '无变化', en: 'No change' }) : `${d > 0 ? '+' : ''}${money(d)}`}</Text>
      </View>
      {bar(a, 'happened')}
      {bar(b, 'proposed')}
      <Text className='muted small'>{t({ zh: `实际 ${money(a)} · 模拟 ${money(b)}`, en: `Happened ${money(a)} · simulated ${money(b)}` })}</Text>
    </View>
  )
}
