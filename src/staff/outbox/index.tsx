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
import { TEMPLATE_LABEL, clinicDateTime } from '../../services/format'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { StaffPage } from '../../components/StaffPage'
import { STATUSES, STATUS_LABEL, explain } from './labels'
import './index.css'

export default function StaffOutboxPage() {
  return (
    <StaffPage title='消息发送记录' subtitle='Message outbox · 发送状态与原因 (N3)'>
      {(staff) => (can(staff, 'notify', 'outbox') ? <OutboxDesk key={staff.staffId} /> : (
        <View id='outbox-managers-only' className='card'>
          <Text className='muted'>仅限院长和管理员查看 For the director and admins only</Text>
        </View>
      ))}
    </StaffPage>
  )
}

function OutboxDesk() {
  const [status, setStatus] = useState<OutboxStatus | undefined>(undefined)
  const [load, reload] = useLoad(() => callFunction('notify', 'outbox', status ? { status } : {}))
  const report = load.data ?? null
  const pick = (s: OutboxStatus | undefined) => { setStatus(s); reload() }

  return (
    <View className='stack'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>重试 Retry</Btn> : null}
      {report ? (
        <View id='outbox-counts' className='card'>
          <Text className='card__title'>各状态数量 By state</Text>
          <View className='ob-counts'>
            {STATUSES.map((s) => (
              <View key={s} className='ob-counts__cell'>
                <Text id={`outbox-count-${s}`} className='ob-counts__n'>{report.counts[s] ?? 0}</Text>
                <Text className='ob-counts__label'>{STATUS_LABEL[s].zh} {STATUS_LABEL[s].en}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <View className='tabs'>
        <Btn id='filter-all' variant={status ? 'plain' : 'primary'} className={`chip ${status ? '' : 'chip--on'}`} onClick={() => pick(undefined)}>全部 All</Btn>
        {STATUSES.map((s) => (
          <Btn key={s} id={`filter-${s}`} variant={status === s ? 'primary' : 'plain'} className={`chip ${status === s ? 'chip--on' : ''}`} onClick={() => pick(s)}>
            {STATUS_LABEL[s].zh}
          </Btn>
        ))}
      </View>
      {load.state === 'loading' && !report ? <Text className='muted'>加载中… Loading…</Text> : null}
      {report ? (
        <View id='outbox-list' className='card'>
          <Text className='card__title'>最近 {report.recent.length} 条 Latest records</Text>
          {report.recent.length === 0 ? <Text id='outbox-empty' className='muted'>没有记录 No records</Text> : null}
          {report.recent.map((r, i) => {
            const why = explain(r)
            return (
              <View key={r.id} id={`outbox-row-${i}`} className='outbox-row' data-status={r.status}>
                <View className='row row--between outbox-row__head'>
                  <Text className='outbox-row__what'>{TEMPLATE_LABEL[r.template].zh} → {r.toName}</Text>
                  <Text id={`outbox-status-${i}`} className={`outbox-row__status outbox-row__status--${r.status}`}>{STATUS_LABEL[r.status].zh} {STATUS_LABEL[r.status].en}</Text>
                </View>
                <Text className='muted small'>{TEMPLATE_LABEL[r.template].en}</Text>
                {why ? (
                  <View id={`outbox-reason-${i}`} className='outbox-row__why'>
                    <Text className='outbox-row__why-zh'>{why.zh}</Text>
                    <Text className='outbox-row__why-en'>{why.en}</Text>
                  </View>
                ) : null}
                <Text className='outbox-row__times'>
                  创建 created {clinicDateTime(r.createdAt)}
                  {r.sentAt ? ` · 送达 sent ${clinicDateTime(r.sentAt)}` : ''}
                  {r.attempts > 0 ? ` · 尝试 attempts ${r.attempts}` : ''}
                </Text>
                {r.lastError ? <Text className='outbox-row__times'>最后错误 last error: {r.lastError}</Text> : null}
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}
