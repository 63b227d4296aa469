import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { FollowUpTask } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { LoadFailed, type SectionProps } from './shared'

/** Q1: follow-up tasks from detractors' ratings; staff close them with a note. */
export function TasksSection({ onError }: SectionProps) {
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
