/**
 * The compiled mini-program's member events page (dist/pages/events/index), rendered by
 * miniprogram-simulate (N4): a member sees the event with going/capacity, picks guests (0–3) and
 * attends; a patient who is not a member sees the events and a note, with no reply buttons.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { MemberEvent, MemberHome, Persona, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const EVENTS = 'pages/events/index'
const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const ID = 'ev_thanks_dinner_20261213'

const DINNER: MemberEvent = {
  eventId: ID, kind: 'thanks_dinner', title: { zh: '年终感恩晚宴', en: 'Thanks dinner' }, date: '2026-12-13',
  place: '静安店三楼', capacity: 40, inviteOn: '2026-11-29', going: 5,
}

function cloud(member: boolean, rsvps: Record<string, unknown>[]): CloudHandler {
  return (name, event) => {
    if (name === 'identity') return ok({ openid: 'o-1', persona: { kind: 'patient', patientId: 'pat_1', name: '李明' } satisfies Persona })
    if (name === 'events' && event.action === 'list') return ok([DINNER])
    if (name === 'member' && event.action === 'home') return ok({ hasMemberDiscount: member } as MemberHome)
    if (name === 'events' && event.action === 'rsvp') {
      rsvps.push(event)
      const guests = Number(event.guests ?? 0)
      return ok({ ...DINNER, going: DINNER.going + 1 + guests, myAnswer: 'yes', myGuests: guests } satisfies MemberEvent)
    }
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
  }
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

test('a member picks one guest and attends: the reply and the count of people coming update (N4)', async () => {
  const rsvps: Record<string, unknown>[] = []
  page = await renderPage(EVENTS, cloud(true, rsvps))
  const p = page
  await p.waitFor(() => p.byId(`attend-${ID}`) !== null, 'the attend button')
  expect(p.textOf(`event-going-${ID}`)).toBe('5 / 40')
  expect(p.textOf(`event-answer-${ID}`)).toContain('尚未回复')
  expect(p.textOf(`event-answer-${ID}`)).not.toContain('No reply yet') // one language on screen (issue 12)

  await p.tap(`guests-plus-${ID}`)
  await p.waitFor(() => p.textOf(`guests-${ID}`) === '1', 'one guest')
  await p.tap(`attend-${ID}`)
  await p.waitFor(() => p.textOf(`event-going-${ID}`) === '7 / 40', 'the new count')

  expect(rsvps).toEqual([{ action: 'rsvp', eventId: ID, attending: true, guests: 1 }])
  expect(p.textOf(`event-answer-${ID}`)).toContain('已报名：本人及 1 位同行')
})

test('a patient who is not a member sees the event and a note, and cannot reply', async () => {
  page = await renderPage(EVENTS, cloud(false, []))
  const p = page
  await p.waitFor(() => p.byId(`event-${ID}`) !== null, 'the event')
  expect(p.textOf('events-members-only')).toContain('会员活动仅限会员及家人参加')
  expect(p.byId(`attend-${ID}`)).toBeNull()
  expect(p.byId(`guests-plus-${ID}`)).toBeNull()
})
