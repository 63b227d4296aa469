import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import type { PayoutView } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { isH5, LoadFailed, PAYOUT_STATUS, type SectionProps } from './shared'
import { ExportButtons } from '../export/ExportButtons'
import { PAYOUTS_EXPORT, PAYOUT_METHOD_LABEL } from '../export/reports'
import { Loading } from '../../components/PageShell'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { useT, type Msg } from '../../i18n'

type Method = 'phone_topup' | 'wechat' | 'bank' | 'cash'

const METHODS: Array<{ value: Method; label: Msg }> = (['phone_topup', 'wechat', 'bank', 'cash'] as const).map((value) => ({ value, label: PAYOUT_METHOD_LABEL[value] as Msg }))
const METHOD_LABEL = PAYOUT_METHOD_LABEL
/** The server answers the latest 100 paid payouts, newest first (issue 14). */
const PAID_SHOWN = 100
/** A method in words; an unknown one (none today) shows nothing rather than its key. */
const methodText = (t: (m: Msg) => string, method?: string) => { const l = METHOD_LABEL[method ?? '']; return l ? t(l) : '' }

/** A method chooser: a real <select> on H5, WeChat's picker on weapp. */
function MethodSelect({ id, value, onChange }: { id: string; value: Method; onChange: (m: Method) => void }) {
  const t = useT()
  if (isH5) {
    return (
      <select id={id} className='pay-select' value={value} onChange={(e) => onChange(e.target.value as Method)}>
        {METHODS.map((m) => <option key={m.value} value={m.value}>{t(m.label)}</option>)}
      </select>
    )
  }
  const index = Math.max(0, METHODS.findIndex((m) => m.value === value))
  return (
    <Picker mode='selector' range={METHODS.map((m) => t(m.label))} value={index} onChange={(e) => onChange(METHODS[Number(e.detail.value)]?.value ?? 'phone_topup')}>
      <View id={id} className='pay-select'>{t(METHODS[index].label)}</View>
    </Picker>
  )
}

/** R3: external payouts, due until staff mark them paid with the method and a reference. */
export function PayoutsSection({ onError }: SectionProps) {
  // The server lists one status at a time (default: due); the latest paid ones show below, newest first.
  const [load, reload] = useLoad(async () => {
    const [due, paid] = await Promise.all([callFunction('referral', 'payouts', { status: 'due' }), callFunction('referral', 'payouts', { status: 'paid' })])
    return { due, paid }
  })
  const t = useT()
  const [method, setMethod] = useState<Record<string, Method>>({})
  const [reference, setReference] = useState<Record<string, string>>({})
  const [done, setDone] = useState<PayoutView | null>(null)
  const { busyKey: busy, held, run } = useSingleFlight<string>()

  async function markPaid(p: PayoutView) {
    if (held()) return
    const ref = (reference[p.payoutId] ?? '').trim()
    if (ref.length < 2) {
      onError({ zh: '请填写发放凭证号（至少 2 个字符）', en: 'Enter the payment reference (at least 2 characters)', code: 'VALIDATION' })
      return
    }
    onError(null)
    await run(async () => {
      setDone(await callFunction('referral', 'markPaid', { payoutId: p.payoutId, method: method[p.payoutId] ?? 'phone_topup', reference: ref }))
      reload()
    }, {
      key: p.payoutId,
      // Issue 12: money leaves the clinic; asked first, naming the referrer and the amount.
      confirm: () => confirmAction(CONFIRM.markPaid(p.referrerName, p.amountFen)),
      onError: (e) => {
        onError(e)
        reload()
      },
    })
  }

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const all = load.data ?? null
  const due = all?.due ?? []
  const paid = all?.paid ?? []
  return (
    <>
      <View id='payouts-due' className='card'>
        <Text className='card__title'>{t({ zh: '待发放', en: 'Payouts due' })}</Text>
        {!all ? <Loading /> : null}
        {all && due.length === 0 ? <Text id='payouts-none' className='muted'>{t({ zh: '暂无待发放', en: 'Nothing due' })}</Text> : null}
        {done ? (
          <View id='markpaid-done' className='notice'>
            <Text>{t({ zh: '已标记发放：', en: 'Marked paid: ' })}{done.referrerName} {money(done.amountFen)} · {methodText(t, done.method)} · {done.reference}</Text>
          </View>
        ) : null}
        {due.map((p) => (
          <View key={p.payoutId} id={`payout-${p.payoutId}`} className='sheet-row'>
            <View className='row row--between'>
              <Text className='sheet-row__who'>{p.referrerName}</Text>
              <Text className='kv__v'>{money(p.amountFen)}</Text>
            </View>
            <View className='pay-form'>
              <Text className='field-label'>{t({ zh: '发放方式', en: 'Method' })}</Text>
              <MethodSelect id={`method-${p.payoutId}`} value={method[p.payoutId] ?? 'phone_topup'} onChange={(m) => setMethod((s) => ({ ...s, [p.payoutId]: m }))} />
              <Text className='field-label'>{t({ zh: '凭证号', en: 'Reference' })}</Text>
              <TextField
                id={`reference-${p.payoutId}`}
                value={reference[p.payoutId] ?? ''}
                onChange={(v) => setReference((s) => ({ ...s, [p.payoutId]: v }))}
                placeholder={t({ zh: '如 充值单号', en: 'e.g. the top-up order number' })}
              />
              <Btn id={`markpaid-${p.payoutId}`} disabled={busy === p.payoutId} onClick={() => void markPaid(p)}>
                {busy === p.payoutId ? t({ zh: '提交中…', en: 'Saving…' }) : t({ zh: '标记已发放', en: 'Mark paid' })}
              </Btn>
            </View>
          </View>
        ))}
      </View>
      {paid.length > 0 ? (
        <View id='payouts-paid' className='card'>
          <Text className='card__title'>{t({ zh: '已发放', en: 'Paid' })}</Text>
          <Text id='payouts-paid-note' className='muted small'>{t({ zh: `最近 ${PAID_SHOWN} 条，新的在前`, en: `The latest ${PAID_SHOWN}, newest first` })}</Text>
          {paid.map((p) => (
            <View key={p.payoutId} id={`paid-${p.payoutId}`} className='sheet-row'>
              <View className='row row--between'>
                <Text className='sheet-row__who'>{p.referrerName} · {money(p.amountFen)}</Text>
                <Text className={`ref-pill ref-pill--${p.status}`}>{t(PAYOUT_STATUS[p.status])}</Text>
              </View>
              <Text className='sheet-row__nums'>{methodText(t, p.method)} · {p.reference ?? ''}{p.paidAt ? ` · ${clinicDate(p.paidAt)}` : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {due.length + paid.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>{t({ zh: '导出发放记录', en: 'Export payouts' })}</Text>
          <ExportButtons id='payouts-export' report={PAYOUTS_EXPORT} rows={[...due, ...paid]} stamp={clinicDate(new Date().toISOString())} onError={onError} />
        </View>
      ) : null}
    </>
  )
}
