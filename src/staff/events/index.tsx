/**
 * Member events (N4, staff subpackage). The year's calendar: the suggested events (Valentine's,
 * spring outing, Father's Day, parent-child camp, Double Ninth hike, thanks dinner) — "plan this"
 * fills in the form, the director or an admin fixes date, place and capacity and creates it — and
 * the planned events with how many are coming. Choosing one opens its door list and check-in (Door).
 * Invitations go out by the daily job, to members who subscribed (N1, N3).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { EventPlan, MemberEvent } from '../../api/contract'
import type { EventKind } from '../../domain/events/calendar'
import { can } from '../../domain/permissions'
import { callFunction } from '../../services/cloud'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { StaffPage, type StaffPersona } from '../../components/StaffPage'
import { Door } from './Door'
import { ROLE_LABEL } from '../team/labels'
import { COMMON, useT, type Msg } from '../../i18n'
import './index.css'


interface Draft { kind: EventKind; title: Msg; date: string; place: string; capacity: string }

export default function StaffEventsPage() {
  return (
    <StaffPage title='会员活动' subtitle='Member events'>
      {(staff) => <EventsDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function EventsDesk({ staff }: { staff: StaffPersona }) {
  const t = useT()
  const manager = can(staff, 'events', 'create')
  const [year, setYear] = useState<number | undefined>(undefined)
  const [load, reload] = useLoad<EventPlan>(() => callFunction('events', 'plan', year ? { year } : {}))
  const [error, setError] = useState<BannerMessage | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const plan = load.data ?? null
  const shownYear = year ?? plan?.year

  function go(n: number) {
    if (!shownYear) return
    setYear(shownYear + n)
    setChosen(null)
    reload()
  }

  const planThis = (s: EventPlan['suggestions'][number]) => {
    setError(null)
    setDraft({ kind: s.kind, title: s.title, date: s.date, place: '', capacity: '40' })
  }

  const chosenEvent = plan?.events.find((e) => e.eventId === chosen) ?? null
  return (
    <View className='stack'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      <Text className='muted small'>{staff.name} · {t(ROLE_LABEL[staff.role])}</Text>
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {plan ? (
        <View className='row row--between'>
          <Btn id='year-prev' variant='plain' className='chip' onClick={() => go(-1)}>‹ {shownYear ? shownYear - 1 : ''}</Btn>
          <View id='plan-year' className='plan__year'>
            <Text className='plan__year-zh'>{t({ zh: `${shownYear ?? ''} 年活动`, en: `Events in ${shownYear ?? ''}` })}</Text>
          </View>
          <Btn id='year-next' variant='plain' className='chip' onClick={() => go(1)}>{shownYear ? shownYear + 1 : ''} ›</Btn>
        </View>
      ) : null}
      {plan ? <PlannedList events={plan.events} chosen={chosen} onChoose={setChosen} /> : null}
      {chosenEvent ? <Door key={chosenEvent.eventId} event={chosenEvent} onError={setError} onChanged={reload} /> : null}
      {plan ? (
        <View id='event-plan' className='card'>
          <Text className='card__title'>{t({ zh: '活动日历建议', en: 'Suggested calendar' })}</Text>
          {plan.suggestions.map((s) => {
            const planned = plan.events.some((e) => e.kind === s.kind)
            return (
              <View key={s.kind} id={`suggestion-${s.kind}`} className='row row--between suggestion'>
                <View className='suggestion__text'>
                  <Text className='suggestion__title'>{t(s.title)}</Text>
                  <Text className='muted small'>{t({ zh: `建议 ${s.date}`, en: `Suggested ${s.date}` })}{planned ? t({ zh: ' · 已安排', en: ' · planned' }) : ''}</Text>
                </View>
                {manager ? <Btn id={`plan-${s.kind}`} variant='secondary' className='chip' onClick={() => planThis(s)}>{t({ zh: '安排', en: 'Plan this' })}</Btn> : null}
              </View>
            )
          })}
        </View>
      ) : null}
      {manager && draft ? (
        <CreateForm draft={draft} onChange={setDraft} onError={setError} onCreated={(e) => { setDraft(null); setChosen(e.eventId); reload() }} />
      ) : null}
    </View>
  )
}

function PlannedList({ events, chosen, onChoose }: { events: MemberEvent[]; chosen: string | null; onChoose: (id: string) => void }) {
  const t = useT()
  return (
    <View id='planned-events' className='card'>
      <Text className='card__title'>{t({ zh: '已安排的活动', en: 'Planned events' })}</Text>
      {events.length === 0 ? <Text id='planned-empty' className='muted'>{t({ zh: '这一年还没有安排活动', en: 'Nothing planned for this year yet' })}</Text> : null}
      {events.map((e) => (
        <View key={e.eventId} id={`planned-${e.eventId}`} className={`planned ${chosen === e.eventId ? 'planned--on' : ''}`}>
          <View className='row row--between planned__head'>
            <Text className='planned__title'>{e.date} · {t(e.title)}</Text>
            <Text id={`planned-going-${e.eventId}`} className='planned__going'>{e.going} / {e.capacity}{t({ zh: ' 人', en: ' people' })}</Text>
          </View>
          <Text className='muted small'>{e.place} · {t({ zh: `邀请日 ${e.inviteOn}`, en: `invitations ${e.inviteOn}` })}</Text>
          <Btn id={`choose-${e.eventId}`} variant={chosen === e.eventId ? 'primary' : 'secondary'} onClick={() => onChoose(e.eventId)}>
            {t({ zh: '名单与签到', en: 'Attendees & check-in' })}
          </Btn>
        </View>
      ))}
    </View>
  )
}

const VALIDATION = (zh: string, en: string): BannerMessage => ({ zh, en, code: 'VALIDATION' })

/** Director/admin: date, place and capacity of an event of the suggested kind. */
function CreateForm({ draft, onChange, onError, onCreated }: {
  draft: Draft
  onChange: (d: Draft | null) => void
  onError: (e: BannerMessage | null) => void
  onCreated: (e: MemberEvent) => void
}) {
  const t = useT()
  const { busy: saving, run } = useSingleFlight()

  async function create() {
    const date = draft.date.trim()
    const place = draft.place.trim()
    const capacity = Number(draft.capacity.trim())
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return onError(VALIDATION('日期格式为 YYYY-MM-DD', 'A date is YYYY-MM-DD'))
    if (place.length < 2) return onError(VALIDATION('请填写活动地点', 'Enter the place'))
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 2000) return onError(VALIDATION('人数上限为 1–2000 的整数', 'Capacity is a whole number from 1 to 2000'))
    await run(async () => {
      onError(null)
      onCreated(await callFunction('events', 'create', { kind: draft.kind, date, place, capacity }))
    }, { onError })
  }

  return (
    <View id='event-form' className='card'>
      <Text className='card__title'>{t({ zh: '安排活动', en: 'Plan an event' })}</Text>
      <Text id='event-kind' className='para'>{t(draft.title)}</Text>
      <Text className='field-label'>{t({ zh: '日期（YYYY-MM-DD）', en: 'Date (YYYY-MM-DD)' })}</Text>
      <TextField id='event-date' value={draft.date} onChange={(v) => onChange({ ...draft, date: v })} placeholder='YYYY-MM-DD' />
      <Text className='field-label'>{t({ zh: '地点', en: 'Place' })}</Text>
      <TextField id='event-place' value={draft.place} onChange={(v) => onChange({ ...draft, place: v })} placeholder={t({ zh: '例如 静安店三楼', en: 'e.g. 3rd floor, Jing’an clinic' })} />
      <Text className='field-label'>{t({ zh: '人数上限（含同行）', en: 'Capacity (people, guests included)' })}</Text>
      <TextField id='event-capacity' kind='decimal' value={draft.capacity} onChange={(v) => onChange({ ...draft, capacity: v })} placeholder='40' />
      <View className='row'>
        <Btn id='event-create' className='grow' disabled={saving} onClick={() => void create()}>{saving ? t({ zh: '保存中…', en: 'Saving…' }) : t({ zh: '创建活动', en: 'Create' })}</Btn>
        <Btn id='event-cancel' variant='plain' onClick={() => { onError(null); onChange(null) }}>{t({ zh: '取消', en: 'Cancel' })}</Btn>
      </View>
      <Text className='muted small'>{t({ zh: '每日任务在邀请日向已订阅的会员发送邀请。', en: 'Invitations go out on the invitation day, to members who subscribed.' })}</Text>
    </View>
  )
}
