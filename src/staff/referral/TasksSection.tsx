import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { FollowUpTask } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { LoadFailed, type SectionProps } from './shared'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

/** Q1: follow-up tasks from detractors' ratings; staff close them with a note. */
export function TasksSection({ onError }: SectionProps) {
  const t = useT()
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
      <Text className='card__title'>{t({ zh: '回访任务', en: 'Follow-up tasks' })}</Text>
      <Text className='muted small'>{t({ zh: '评分较低的患者需要回访，不要请他们推荐。', en: 'Patients who rated low get a call back, never an ask to refer.' })}</Text>
      {closed ? (
        <View id='task-closed' className='notice'>
          <Text>{t({ zh: `已完成回访：${closed.patientName}`, en: `Follow-up closed: ${closed.patientName}` })}</Text>
        </View>
      ) : null}
      <View id='tasks'>
        {!tasks ? <Loading /> : null}
        {tasks && tasks.length === 0 ? <Text className='muted'>{t({ zh: '暂无', en: 'None' })}</Text> : null}
        {tasks?.map((task) => (
          <View key={task.taskId} id={`task-${task.taskId}`} className='sheet-row'>
            <View className='row row--between'>
              <Text className='sheet-row__who'>{task.patientName} · {t({ zh: `${task.score} 分`, en: `score ${task.score}` })}</Text>
              <Text className={`ref-pill ${task.status === 'done' ? 'ref-pill--used' : 'ref-pill--claimed'}`}>{task.status === 'done' ? t({ zh: '已完成', en: 'Done' }) : t({ zh: '待回访', en: 'Open' })}</Text>
            </View>
            <Text className='sheet-row__nums'>{clinicDate(task.createdAt)}{task.comment ? ` · “${task.comment}”` : ''}</Text>
            {task.status === 'open' ? (
              <View className='row'>
                <TextField id={`task-note-${task.taskId}`} className='grow' value={note[task.taskId] ?? ''} onChange={(v) => setNote((s) => ({ ...s, [task.taskId]: v }))} placeholder={t({ zh: '回访记录', en: 'What was done' })} />
                <Btn id={`close-task-${task.taskId}`} variant='secondary' disabled={busy === task.taskId} onClick={() => void close(task.taskId)}>{t({ zh: '完成', en: 'Close' })}</Btn>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
