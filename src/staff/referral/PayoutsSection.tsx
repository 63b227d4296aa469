import { useRef, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import type { PayoutView } from '../../api/contract'
import { formatFen } from '../../domain/money'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { isH5, LoadFailed, PAYOUT_STATUS, type SectionProps } from './shared'

type Method = 'phone_topup' | 'wechat' | 'bank' | 'cash'

const METHODS: Array<{ value: Method; label: string }> = [
  { value: 'phone_topup', label: '话费充值 Phone top-up' },
  { value: 'wechat', label: '微信转账 WeChat' },
  { value: 'bank', label: '银行转账 Bank' },
  { value: 'cash', label: '现金 Cash' },
]
const METHOD_LABEL = Object.fromEntries(METHODS.map((m) => [m.value, m.label])) as Record<string, string>

/** A method chooser: a real <select> on H5, WeChat's picker on weapp. */
function MethodSelect({ id, value, onChange }: { id: string; value: Method; onChange: (m: Method) => void }) {
  if (isH5) {
    return (
      <select id={id} className='pay-select' value={value} onChange={(e) => onChange(e.target.value as Method)}>
        {METHODS.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
      </select>
    )
  }
  const index = Math.max(0, METHODS.findIndex((m) => m.value === value))
  return (
    <Picker mode='selector' range={METHODS.map((m) => m.label)} value={index} onChange={(e) => onChange(METHODS[Number(e.detail.value)]?.value ?? 'phone_topup')}>
      <View id={id} className='pay-select'>{METHODS[index].label}</View>
    </Picker>
  )
}

/** R3: external payouts, due until staff mark them paid with the method and a reference. */
export function PayoutsSection({ onError }: SectionProps) {
  // The server lists one status at a time (default: due); the paid ones show below, most recent last.
  const [load, reload] = useLoad(async () => {
    const [due, paid] = await Promise.all([callFunction('referral', 'payouts', { status: 'due' }), callFunction('referral', 'payouts', { status: 'paid' })])
    return { due, paid }
  })
  const [method, setMethod] = useState<Record<string, Method>>({})
  const [reference, setReference] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [done, setDone] = useState<PayoutView | null>(null)
  const lock = useRef(false)

  async function markPaid(p: PayoutView) {
    if (lock.current) return
    const ref = (reference[p.payoutId] ?? '').trim()
    if (ref.length < 2) {
      onError({ zh: '请填写发放凭证号（至少 2 个字符）', en: 'Enter the payment reference (at least 2 characters)', code: 'VALIDATION' })
      return
    }
    lock.current = true
    setBusy(p.payoutId)
    onError(null)
    try {
      setDone(await callFunction('referral', 'markPaid', { payoutId: p.payoutId, method: method[p.payoutId] ?? 'phone_topup', reference: ref }))
      reload()
    } catch (e) {
      onError(toApiError(e))
      reload()
    } finally {
      lock.current = false
      setBusy(null)
    }
  }

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const all = load.data ?? null
  const due = all?.due ?? []
  const paid = all?.paid ?? []
  return (
    <>
      <View id='payouts-due' className='card'>
        <Text className='card__title'>待发放 Payouts due</Text>
        {!all ? <Text className='muted'>加载中… Loading…</Text> : null}
        {all && due.length === 0 ? <Text id='payouts-none' className='muted'>暂无待发放 Nothing due</Text> : null}
        {done ? (
          <View id='markpaid-done' className='notice'>
            <Text>已标记发放：{done.referrerName} {formatFen(done.amountFen)} · {METHOD_LABEL[done.method ?? ''] ?? done.method} · {done.reference}</Text>
          </View>
        ) : null}
        {due.map((p) => (
          <View key={p.payoutId} id={`payout-${p.payoutId}`} className='sheet-row'>
            <View className='row row--between'>
              <Text className='sheet-row__who'>{p.referrerName}</Text>
              <Text className='kv__v'>{formatFen(p.amountFen)}</Text>
            </View>
            <View className='pay-form'>
              <Text className='field-label'>发放方式 Method</Text>
              <MethodSelect id={`method-${p.payoutId}`} value={method[p.payoutId] ?? 'phone_topup'} onChange={(m) => setMethod((s) => ({ ...s, [p.payoutId]: m }))} />
              <Text className='field-label'>凭证号 Reference</Text>
              <TextField
                id={`reference-${p.payoutId}`}
                value={reference[p.payoutId] ?? ''}
                onChange={(v) => setReference((s) => ({ ...s, [p.payoutId]: v }))}
                placeholder='如 充值单号 top-up order number'
              />
              <Btn id={`markpaid-${p.payoutId}`} disabled={busy === p.payoutId} onClick={() => void markPaid(p)}>
                {busy === p.payoutId ? '提交中… Saving…' : '标记已发放 Mark paid'}
              </Btn>
            </View>
          </View>
        ))}
      </View>
      {paid.length > 0 ? (
        <View id='payouts-paid' className='card'>
          <Text className='card__title'>已发放 Paid</Text>
          {paid.map((p) => (
            <View key={p.payoutId} id={`paid-${p.payoutId}`} className='sheet-row'>
              <View className='row row--between'>
                <Text className='sheet-row__who'>{p.referrerName} · {formatFen(p.amountFen)}</Text>
                <Text className={`ref-pill ref-pill--${p.status}`}>{PAYOUT_STATUS[p.status]}</Text>
              </View>
              <Text className='sheet-row__nums'>{METHOD_LABEL[p.method ?? ''] ?? p.method ?? ''} · {p.reference ?? ''}{p.paidAt ? ` · ${clinicDate(p.paidAt)}` : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </>
  )
}
