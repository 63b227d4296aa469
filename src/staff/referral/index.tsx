/**
 * Staff: referral programme (R3, R7–R10, Q1, S4; staff subpackage). Sections as tabs:
 *  - 日结 end-of-day sheet (`referral.daySheet`, R9): a date, the rows (referrer number, masked
 *    phone, friend, rewards), the payouts to make, the CSV to copy (and on H5 to download).
 *  - 待发放 payouts due (`referral.payouts`, `referral.markPaid`, R3): each external payout is
 *    recorded as due until staff mark it paid with the method and a reference.
 *  - 主动转介绍名录 active referrers (`referral.leaderboard`, R8).
 *  - 回访 follow-up tasks from unhappy ratings (`referral.tasks`, `referral.closeTask`, Q1).
 *  - Director/admin: the weekly audit (`referral.audit`, R9) with anomalies and its CSV.
 *  - Consultant/director/admin: partners (`partner.list`, R10).
 * Phones are masked by the server (C2); the page never shows more.
 */
import { useMemo, useRef, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import type { AuditReport, DaySheet, FollowUpTask, Persona, PayoutView } from '../../api/contract'
import { formatFen } from '../../domain/money'
import { can } from '../../domain/permissions'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { CopyBox } from '../../pages/referral/shared'
import './index.css'
import { StaffPage } from '../../components/StaffPage'

type Staff = Extract<Persona, { kind: 'staff' }>
type Tab = 'sheet' | 'payouts' | 'leaders' | 'tasks' | 'audit' | 'partners'
type Method = 'phone_topup' | 'wechat' | 'bank' | 'cash'

const isH5 = process.env.TARO_ENV === 'h5'

const TAB_LABEL: Record<Tab, string> = {
  sheet: '日结 Day sheet',
  payouts: '待发放 Payouts',
  leaders: '名录 Referrers',
  tasks: '回访 Follow-ups',
  audit: '周审计 Audit',
  partners: '合作伙伴 Partners',
}

const METHODS: Array<{ value: Method; label: string }> = [
  { value: 'phone_topup', label: '话费充值 Phone top-up' },
  { value: 'wechat', label: '微信转账 WeChat' },
  { value: 'bank', label: '银行转账 Bank' },
  { value: 'cash', label: '现金 Cash' },
]
const METHOD_LABEL = Object.fromEntries(METHODS.map((m) => [m.value, m.label])) as Record<string, string>
const PAYOUT_STATUS: Record<PayoutView['status'], string> = { due: '待发放 Due', paid: '已发放 Paid', void: '已作废 Void' }

/** The audit's `to` is the end of the week (exclusive): show the last day it covers. */
const lastDay = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : clinicDate(new Date(Date.parse(iso) - 1).toISOString()))
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s.trim())
const DATE_ERROR: BannerMessage = { zh: '日期格式为 YYYY-MM-DD', en: 'A date is YYYY-MM-DD', code: 'VALIDATION' }

export default function StaffReferralPage() {
  return (
    <StaffPage title='推荐管理' subtitle='Referrals · day sheet, payouts, referrers, audit'>
      {(staff) => <ReferralDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function ReferralDesk({ staff }: { staff: Staff }) {
  const [error, setError] = useState<BannerMessage | null>(null)
  const [tab, setTab] = useState<Tab>('sheet')
  const tabs = useMemo(() => {
    const t: Tab[] = ['sheet', 'payouts', 'leaders', 'tasks']
    if (can(staff, 'referral', 'audit')) t.push('audit')
    if (can(staff, 'partner', 'list')) t.push('partners')
    return t
  }, [staff])
  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='muted small'>{staff.name} · {staff.role}</Text>
      <View className='tabs'>
        {tabs.map((t) => (
          <Btn key={t} id={`tab-${t}`} variant={tab === t ? 'primary' : 'plain'} className={`chip ${tab === t ? 'chip--on' : ''}`} onClick={() => { setError(null); setTab(t) }}>
            {TAB_LABEL[t]}
          </Btn>
        ))}
      </View>
      {tab === 'sheet' ? <SheetSection onError={setError} /> : null}
      {tab === 'payouts' ? <PayoutsSection onError={setError} /> : null}
      {tab === 'leaders' ? <LeadersSection /> : null}
      {tab === 'tasks' ? <TasksSection onError={setError} /> : null}
      {tab === 'audit' ? <AuditSection onError={setError} /> : null}
      {tab === 'partners' ? <PartnersSection /> : null}
    </View>
  )
}

/** H5: a link that saves the CSV as a file (a Blob URL). Not on weapp, where the copy box serves. */
function CsvDownload({ id, csv, filename }: { id: string; csv: string; filename: string }) {
  const url = useMemo(() => {
    if (!isH5 || typeof Blob === 'undefined' || typeof URL === 'undefined' || !URL.createObjectURL) return ''
    // A BOM so spreadsheet programs read the Chinese names as UTF-8.
    return URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }))
  }, [csv])
  if (!url) return null
  return <a id={id} className='download' href={url} download={filename}>下载 CSV · Download {filename}</a>
}

function LoadFailed({ error, onRetry }: { error: BannerMessage; onRetry: () => void }) {
  return (
    <View className='card'>
      <ErrorBanner error={error} />
      <Btn variant='secondary' onClick={onRetry}>重试 Retry</Btn>
    </View>
  )
}

/** R9: the end-of-day sheet. The first load asks for the server's today; then any date. */
function SheetSection({ onError }: { onError: (e: BannerMessage | null) => void }) {
  const [asked, setAsked] = useState<string | undefined>(undefined)
  const [date, setDate] = useState('')
  const [load, reload] = useLoad<DaySheet>(() => callFunction('referral', 'daySheet', asked ? { date: asked } : {}))
  const sheet = load.data ?? null
  const shownDate = date || sheet?.date || ''

  function show() {
    const d = shownDate.trim()
    if (!isDate(d)) {
      onError(DATE_ERROR)
      return
    }
    onError(null)
    setAsked(d)
    reload()
  }

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  return (
    <View id='day-sheet' className='card'>
      <Text className='card__title'>推荐日结单 End-of-day referral sheet</Text>
      <View className='row'>
        <TextField id='sheet-date' className='grow' value={shownDate} onChange={setDate} placeholder='YYYY-MM-DD' onConfirm={show} />
        <Btn id='sheet-load' variant='secondary' onClick={show}>查看 Show</Btn>
      </View>
      {!sheet ? <Text className='muted'>加载中… Loading…</Text> : (
        <>
          <Text id='sheet-title' className='muted small'>{sheet.date} · {sheet.rows.length} 条 rows</Text>
          <View id='sheet-rows' className='sheet-table'>
            {sheet.rows.length === 0 ? <Text className='muted'>当日无推荐付款 No referred payments that day</Text> : null}
            {sheet.rows.map((r, i) => (
              <View key={`${r.billId}-${i}`} id={`sheet-row-${i}`} className='sheet-row'>
                <View className='row row--between'>
                  <Text className='sheet-row__who'>{r.referrerCode} {r.referrerName} · {r.maskedPhone}</Text>
                  {r.payoutStatus ? <Text className={`ref-pill ref-pill--${r.payoutStatus}`}>{PAYOUT_STATUS[r.payoutStatus]}</Text> : null}
                </View>
                <Text className='sheet-row__nums'>
                  朋友 Friend {r.friendName} · 实付 Paid {formatFen(r.paidFen)}
                </Text>
                <Text className='sheet-row__nums'>
                  奖励金 Bonus {formatFen(r.bonusFen)} · 分成 Share {formatFen(r.shareFen)} · 外部发放 Payout {formatFen(r.payoutFen)}
                </Text>
              </View>
            ))}
          </View>
          <View className='kv kv--due'>
            <Text className='kv__k'>今日待发放 Payouts to make</Text>
            <Text id='sheet-total' className='kv__v'>{formatFen(sheet.payoutsToMakeFen)}</Text>
          </View>
          <CopyBox id='sheet-csv' text={sheet.csv} label='CSV（复制到表格）CSV to paste into a spreadsheet' rows={5} />
          <CsvDownload id='sheet-download' csv={sheet.csv} filename={`referral-sheet-${sheet.date}.csv`} />
        </>
      )}
    </View>
  )
}

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
function PayoutsSection({ onError }: { onError: (e: BannerMessage | null) => void }) {
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

/** R8: referrers ranked by valid referrals, then referred revenue; recognition as well as reward. */
function LeadersSection() {
  const [load, reload] = useLoad(() => callFunction('referral', 'leaderboard', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const rows = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>主动转介绍名录 Active referrers</Text>
      <Text className='muted small'>按有效推荐人数、推荐消费额排序 Ranked by valid referrals, then referred revenue</Text>
      <View id='leaderboard'>
        {!rows ? <Text className='muted'>加载中… Loading…</Text> : null}
        {rows && rows.length === 0 ? <Text className='muted'>暂无 None yet</Text> : null}
        {rows?.map((r) => (
          <View key={r.code} id={`leader-${r.code}`} className='sheet-row'>
            <Text className='sheet-row__who'><Text className='rank'>#{r.rank}</Text>{r.referrerName} · {r.code}</Text>
            <Text className='sheet-row__nums'>有效推荐 Valid referrals {r.validReferrals} · 推荐消费 Referred revenue {formatFen(r.referredRevenueFen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** Q1: follow-up tasks from detractors' ratings; staff close them with a note. */
function TasksSection({ onError }: { onError: (e: BannerMessage | null) => void }) {
  const [load, reload] = useLoad(() => callFunction('referral', 'tasks', {}))
  const [note, setNote] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [closed, setClosed] = useState<FollowUpTask | null>(null)

  async function close(taskId: string) {
    const n = (note[taskId] ?? '').trim()
    if (n.length < 2) {
      onError({ zh: '请填写回访记录（至少 2 个字）', en: 'Write what was done (at least 2 characters)', code: 'VALIDATION' })
      return
    }
    setBusy(taskId)
    onError(null)
    try {
      setClosed(await callFunction('referral', 'closeTask', { taskId, note: n }))
      reload()
    } catch (e) {
      onError(toApiError(e))
    } finally {
      setBusy(null)
    }
  }

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const tasks = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>回访任务 Follow-up tasks</Text>
      <Text className='muted small'>评分较低的患者需要回访，不要请他们推荐。Patients who rated low get a call back, never an ask to refer.</Text>
      {closed ? (
        <View id='task-closed' className='notice'>
          <Text>已完成回访：{closed.patientName} · Follow-up closed</Text>
        </View>
      ) : null}
      <View id='tasks'>
        {!tasks ? <Text className='muted'>加载中… Loading…</Text> : null}
        {tasks && tasks.length === 0 ? <Text className='muted'>暂无 None</Text> : null}
        {tasks?.map((t) => (
          <View key={t.taskId} id={`task-${t.taskId}`} className='sheet-row'>
            <View className='row row--between'>
              <Text className='sheet-row__who'>{t.patientName} · {t.score} 分</Text>
              <Text className={`ref-pill ${t.status === 'done' ? 'ref-pill--used' : 'ref-pill--claimed'}`}>{t.status === 'done' ? '已完成 Done' : '待回访 Open'}</Text>
            </View>
            <Text className='sheet-row__nums'>{clinicDate(t.createdAt)}{t.comment ? ` · “${t.comment}”` : ''}</Text>
            {t.status === 'open' ? (
              <View className='row'>
                <TextField id={`task-note-${t.taskId}`} className='grow' value={note[t.taskId] ?? ''} onChange={(v) => setNote((s) => ({ ...s, [t.taskId]: v }))} placeholder='回访记录 what was done' />
                <Btn id={`close-task-${t.taskId}`} variant='secondary' disabled={busy === t.taskId} onClick={() => void close(t.taskId)}>完成 Close</Btn>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}

/** R9: the director's weekly audit of referral rewards and payments, anomalies flagged. */
function AuditSection({ onError }: { onError: (e: BannerMessage | null) => void }) {
  const [asked, setAsked] = useState<string | undefined>(undefined)
  const [weekOf, setWeekOf] = useState('')
  const [load, reload] = useLoad<AuditReport>(() => callFunction('referral', 'audit', asked ? { weekOf: asked } : {}))
  const report = load.data ?? null

  function show() {
    const d = weekOf.trim()
    if (!isDate(d)) {
      onError(DATE_ERROR)
      return
    }
    onError(null)
    setAsked(d)
    reload()
  }

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  return (
    <View id='audit' className='card'>
      <Text className='card__title'>每周审计 Weekly audit</Text>
      <View className='row'>
        <TextField id='audit-week' className='grow' value={weekOf || (report ? clinicDate(report.from) : '')} onChange={setWeekOf} placeholder='该周任一天 YYYY-MM-DD' onConfirm={show} />
        <Btn id='audit-load' variant='secondary' onClick={show}>查看 Show</Btn>
      </View>
      {!report ? <Text className='muted'>加载中… Loading…</Text> : (
        <>
          <Text id='audit-range' className='muted small'>{clinicDate(report.from)} — {lastDay(report.to)}</Text>
          <View className='kv'><Text className='kv__k'>奖励记录 Reward entries</Text><Text id='audit-rewards' className='kv__v'>{report.rewards.length}</Text></View>
          <View className='kv'><Text className='kv__k'>推荐付款 Referred payments</Text><Text id='audit-payments' className='kv__v'>{report.payments.length}</Text></View>
          <Text className='field-label'>异常 Anomalies</Text>
          <View id='anomalies'>
            {report.anomalies.length === 0 ? <Text id='anomalies-none' className='muted'>未发现异常 No anomalies</Text> : null}
            {report.anomalies.map((a, i) => (
              <View key={i} className='anomaly'>
                <Text>{a.zh}</Text>
                <Text className='muted small'> {a.en} ({a.kind})</Text>
              </View>
            ))}
          </View>
          <CopyBox id='audit-csv' text={report.csv} label='审计 CSV Audit CSV' rows={5} />
          <CsvDownload id='audit-download' csv={report.csv} filename={`referral-audit-${clinicDate(report.from)}.csv`} />
        </>
      )}
    </View>
  )
}

/** R10: partners bound to a consultant, with their deals and commission. */
function PartnersSection() {
  const [load, reload] = useLoad(() => callFunction('partner', 'list', {}))
  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  const list = load.data ?? null
  return (
    <View className='card'>
      <Text className='card__title'>合作伙伴 Partners</Text>
      <View id='partners'>
        {!list ? <Text className='muted'>加载中… Loading…</Text> : null}
        {list && list.length === 0 ? <Text className='muted'>暂无合作伙伴 No partners yet</Text> : null}
        {list?.map((p) => (
          <View key={p.partnerId} id={`partner-${p.partnerId}`} className='sheet-row'>
            <Text className='sheet-row__who'>{p.name} · {p.code}</Text>
            <Text className='sheet-row__nums'>顾问 Consultant {p.consultantName} · 成交 Deals {p.deals}</Text>
            <Text className='sheet-row__nums'>待付佣金 Due {formatFen(p.commissionDueFen)} · 已付 Paid {formatFen(p.commissionPaidFen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
