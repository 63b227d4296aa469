/**
 * Message outbox (N3, staff subpackage; director and admin): how many messages are in each state,
 * and the latest records — which message, to whom, its state and why (not subscribed, no WeChat,
 * quiet hours, retries), with the times. Filter by state.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { OutboxStatus } from '../../domain/notify/messages'
import { can } from '../../domain/permissions'
import { callFunction } from '../../services/cloud'
import { TEMPLATE_LABEL, clinicDate, clinicDateTime } from '../../services/format'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { usePullRefresh } from '../../components/usePullRefresh'
import { StaffPage } from '../../components/StaffPage'
import { STATUSES, STATUS_LABEL, explain } from './labels'
import { Loading } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import { ExportButtons } from '../export/ExportButtons'
import { OUTBOX_EXPORT } from '../export/reports'
import './index.css'

/** Issue 14: the server counts these over the last 30 days (`countsSince`); the others in full. */
const RECENT_COUNTED: readonly OutboxStatus[] = ['sent', 'skipped', 'dead']

export default function StaffOutboxPage() {
  const t = useT()
  return (
    <StaffPage title='消息发送记录' subtitle='Message outbox'>
      {(staff) => (can(staff, 'notify', 'outbox') ? <OutboxDesk key={staff.staffId} /> : (
        <View id='outbox-managers-only' className='card'>
          <Text className='muted'>{t({ zh: '仅限院长和管理员查看', en: 'For the director and administrators only' })}</Text>
        </View>
      ))}
    </StaffPage>
  )
}

function OutboxDesk() {
  const t = useT()
  const [status, setStatus] = useState<OutboxStatus | undefined>(undefined)
  const [load, reload] = useLoad(() => callFunction('notify', 'outbox', status ? { status } : {}))
  const report = load.data ?? null
  const pick = (s: OutboxStatus | undefined) => { setStatus(s); reload() }
  usePullRefresh(reload, load.state === 'loading') // issue 12: pull down for what was sent since

  return (
    <View className='stack'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {report ? (
        <View id='outbox-counts' className='card'>
          <Text className='card__title'>{t({ zh: '各状态数量', en: 'By state' })}</Text>
          <View className='ob-counts'>
            {STATUSES.map((s) => (
              <View key={s} className='ob-counts__cell'>
                <Text id={`outbox-count-${s}`} className='ob-counts__n'>{report.counts[s] ?? 0}</Text>
                <Text className='ob-counts__label'>{t(STATUS_LABEL[s])}</Text>
                {report.countsSince && RECENT_COUNTED.includes(s) ? <Text className='ob-counts__window muted small' data-window={s}>{t({ zh: '近 30 天', en: 'last 30 days' })}</Text> : null}
              </View>
            ))}
          </View>
          {report.countsSince ? (
            <Text id='outbox-counts-since' className='muted small'>
              {t({ zh: `已发送、未发送、已放弃为近 30 天的数量（${clinicDate(report.countsSince)} 起）`, en: `Sent, not sent and gave up count the last 30 days (since ${clinicDate(report.countsSince)})` })}
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className='tabs'>
        <Btn id='filter-all' variant={status ? 'plain' : 'primary'} className={`chip ${status ? '' : 'chip--on'}`} onClick={() => pick(undefined)}>{t({ zh: '全部', en: 'All' })}</Btn>
        {STATUSES.map((s) => (
          <Btn key={s} id={`filter-${s}`} variant={status === s ? 'primary' : 'plain'} className={`chip ${status === s ? 'chip--on' : ''}`} onClick={() => pick(s)}>
            {t(STATUS_LABEL[s])}
          </Btn>
        ))}
      </View>
      {load.state === 'loading' && !report ? <Loading /> : null}
      {report ? (
        <View id='outbox-list' className='card'>
          <Text className='card__title'>{t({ zh: `最近 ${report.recent.length} 条`, en: `Latest ${report.recent.length} records` })}</Text>
          {report.recent.length === 0 ? <Text id='outbox-empty' className='muted'>{t({ zh: '没有记录', en: 'No records' })}</Text> : null}
          {report.recent.map((r, i) => {
            const why = explain(r)
            return (
              <View key={r.id} id={`outbox-row-${i}`} className='outbox-row' data-status={r.status} data-last-error={r.lastError}>
                <View className='row row--between outbox-row__head'>
                  <Text className='outbox-row__what'>{t(TEMPLATE_LABEL[r.template])} → {r.toName}</Text>
                  <Text id={`outbox-status-${i}`} className={`outbox-row__status outbox-row__status--${r.status}`}>{t(STATUS_LABEL[r.status])}</Text>
                </View>
                {why ? (
                  <View id={`outbox-reason-${i}`} className='outbox-row__why'>
                    <Text className='outbox-row__why-zh'>{t(why)}</Text>
                  </View>
                ) : null}
                <Text className='outbox-row__times'>
                  {t({ zh: `创建 ${clinicDateTime(r.createdAt)}`, en: `Created ${clinicDateTime(r.createdAt)}` })}
                  {r.sentAt ? t({ zh: ` · 送达 ${clinicDateTime(r.sentAt)}`, en: ` · sent ${clinicDateTime(r.sentAt)}` }) : ''}
                  {r.attempts > 0 ? t({ zh: ` · 尝试 ${r.attempts} 次`, en: ` · ${r.attempts} attempts` }) : ''}
                </Text>
                {/* The raw last error (codes) stays in data-last-error; `why` says it in words. */}
              </View>
            )
          })}
          {report.recent.length > 0 ? <ExportButtons id='outbox-export' report={OUTBOX_EXPORT} rows={report.recent} stamp={clinicDate(new Date().toISOString())} /> : null}
        </View>
      ) : null}
    </View>
  )
}
