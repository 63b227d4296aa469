/**
 * Member events (N4, main package): the upcoming events of the yearly calendar (`events.list`),
 * each with how many are coming against the capacity and this person's reply. A member (annual,
 * lifetime or family, M1, M3) attends or declines and says how many guests come along (0–3).
 * Others see the events with a note that they are for members and their families. The event
 * invitation message opens this page.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MemberEvent } from '../../api/contract'
import { callFunction, type ApiError } from '../../services/cloud'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import './index.css'

const MAX_GUESTS = 3

type EventsData = { patient: true; member: boolean; events: MemberEvent[] } | { patient: false }

async function loadEvents(): Promise<EventsData> {
  const { persona } = await callFunction('identity', 'whoami', {})
  if (persona.kind !== 'patient') return { patient: false }
  const [events, home] = await Promise.all([callFunction('events', 'list', {}), callFunction('member', 'home', {})])
  return { patient: true, member: home.hasMemberDiscount, events }
}

export default function EventsPage() {
  const t = useT()
  const [load, reload] = useLoad(loadEvents)
  const data = load.data ?? null
  return (
    <PageShell title='会员活动' subtitle='Member events'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !data ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {data && !data.patient ? <MembersOnly /> : null}
      {data && data.patient ? <EventList events={data.events} member={data.member} /> : null}
    </PageShell>
  )
}

function MembersOnly() {
  const t = useT()
  return (
    <View id='events-members-only' className='card'>
      <Text className='para'>
        {t({
          zh: '会员活动仅限会员及家人参加。年度会员、终身家庭会员及其绑定的家人可在这里报名。',
          en: 'Member events are for members and their families. Annual and lifetime members and their bound family reply here.',
        })}
      </Text>
    </View>
  )
}

function EventList({ events, member }: { events: MemberEvent[]; member: boolean }) {
  const t = useT()
  const [replied, setReplied] = useState<Record<string, MemberEvent>>({})
  const [guests, setGuests] = useState<Record<string, number>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const { busy, run } = useSingleFlight()

  async function reply(e: MemberEvent, attending: boolean) {
    await run(async () => {
      setError(null)
      const n = guests[e.eventId] ?? e.myGuests ?? 0
      const next = await callFunction('events', 'rsvp', { eventId: e.eventId, attending, ...(attending ? { guests: n } : {}) })
      setReplied((r) => ({ ...r, [e.eventId]: next }))
    }, { onError: setError })
  }

  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {member ? null : <MembersOnly />}
      {events.length === 0 ? (
        <View id='events-empty' className='card'><Text className='muted'>{t({ zh: '暂无即将举行的活动', en: 'No upcoming events' })}</Text></View>
      ) : null}
      {events.map((original) => {
        const e = replied[original.eventId] ?? original
        const n = guests[e.eventId] ?? e.myGuests ?? 0
        const setN = (v: number) => setGuests((g) => ({ ...g, [e.eventId]: Math.min(MAX_GUESTS, Math.max(0, v)) }))
        return (
          <View key={e.eventId} id={`event-${e.eventId}`} className='card event'>
            <Text className='card__title event__title'>{t(e.title)}</Text>
            <View className='kv'><Text className='kv__k'>{t({ zh: '日期', en: 'Date' })}</Text><Text className='kv__v'>{e.date}</Text></View>
            <View className='kv'><Text className='kv__k'>{t({ zh: '地点', en: 'Place' })}</Text><Text className='kv__v event__place'>{e.place}</Text></View>
            <View className='kv'>
              <Text className='kv__k'>{t({ zh: '报名人数', en: 'Going' })}</Text>
              <Text id={`event-going-${e.eventId}`} className='kv__v'>{e.going} / {e.capacity}</Text>
            </View>
            <Text id={`event-answer-${e.eventId}`} className={`notice ${e.myAnswer === 'yes' ? '' : 'notice--over'} event__answer`}>{t(answerText(e))}</Text>
            {member && !e.checkedIn ? (
              <View className='event__reply'>
                <View className='row row--between'>
                  <Text className='kv__k'>{t({ zh: `同行家人或朋友（0–${MAX_GUESTS}）`, en: `Guests (0–${MAX_GUESTS})` })}</Text>
                  <View className='stepper'>
                    <Btn id={`guests-minus-${e.eventId}`} variant='plain' className='stepper__btn' disabled={n <= 0} onClick={() => setN(n - 1)}>−</Btn>
                    <Text id={`guests-${e.eventId}`} className='stepper__value'>{n}</Text>
                    <Btn id={`guests-plus-${e.eventId}`} variant='plain' className='stepper__btn' disabled={n >= MAX_GUESTS} onClick={() => setN(n + 1)}>+</Btn>
                  </View>
                </View>
                <View className='row'>
                  <Btn id={`attend-${e.eventId}`} className='grow' disabled={busy} onClick={() => void reply(e, true)}>
                    {e.myAnswer === 'yes' ? t({ zh: '更新报名', en: 'Update' }) : t({ zh: '报名', en: 'Attend' })}
                  </Btn>
                  <Btn id={`decline-${e.eventId}`} variant='secondary' disabled={busy || e.myAnswer === 'no'} onClick={() => void reply(e, false)}>
                    {t({ zh: '不参加', en: 'Decline' })}
                  </Btn>
                </View>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

function answerText(e: MemberEvent): Msg {
  if (e.checkedIn) return { zh: '已签到，欢迎光临', en: 'Checked in, welcome' }
  const n = e.myGuests ?? 0
  if (e.myAnswer === 'yes') return { zh: `已报名：本人及 ${n} 位同行`, en: `Going, with ${n} guest${n === 1 ? '' : 's'}` }
  if (e.myAnswer === 'no') return { zh: '已回复不参加', en: 'Not going' }
  return { zh: '尚未回复', en: 'No reply yet' }
}
