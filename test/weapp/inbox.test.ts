/**
 * The compiled mini-program's messages page (dist/pages/inbox/index), rendered by
 * miniprogram-simulate. What a member and a friend see (N3): the messages delivered to them,
 * newest first, at clinic time, each opening its page; the consents left per message; and, with
 * no template ids in this build, no WeChat subscribe dialog at all (C1, C2: consent is never
 * assumed, and nothing is asked that cannot be sent).
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { ConsentCounts, InboxItem, Persona, Result } from '../../src/api/contract'
import { loadMiniProgram, renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const INBOX = 'pages/inbox/index'
const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const MEMBER: Persona = { kind: 'patient', patientId: 'pat_lifetime', name: '李明' }
const ITEMS: InboxItem[] = [
  {
    id: 'hol:2026-10-01:pat_lifetime', template: 'holiday', page: 'pages/index/index', at: '2026-10-01T00:05:00.000Z',
    title: { zh: '国庆节快乐', en: 'Happy National Day' }, body: { zh: '李明，牙友口腔祝您国庆节快乐！', en: 'Li Ming, Yayou Dental wishes you a happy National Day!' },
  },
  {
    id: 'ev:ev_thanks_dinner_20261213:pat_lifetime', template: 'event_invite', page: 'pages/events/index', at: '2026-11-29T02:00:00.000Z',
    title: { zh: '会员活动邀请：年终感恩晚宴', en: 'Member event: Thanks dinner' },
    body: { zh: '2026-12-13 静安店三楼，欢迎您和家人参加，请在小程序内报名。', en: '2026-12-13 at 3rd floor. You and your family are welcome; reply in the mini-program.' },
  },
]

function cloud(persona: Persona, items: InboxItem[], counts: ConsentCounts['counts']): CloudHandler {
  return (name, event) => {
    if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-1', persona })
    if (name === 'notify' && event.action === 'inbox') return ok(items)
    if (name === 'notify' && event.action === 'consents') return ok({ counts })
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
  }
}

type Wx = { navigateTo: (o: { url: string }) => unknown; requestSubscribeMessage?: (o: unknown) => unknown }
const wx = () => (globalThis as unknown as { wx: Wx }).wx

let page: RenderedPage | undefined
let subscribeDialog: jest.Mock
beforeAll(() => { loadMiniProgram() }) // installs `wx`
beforeEach(() => {
  subscribeDialog = jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }))
  wx().requestSubscribeMessage = subscribeDialog
})
afterEach(() => {
  page?.close()
  page = undefined
})

describe('messages on the compiled mini-program (N3)', () => {
  test('a member sees the messages newest first at clinic time, and the consents left per reminder', async () => {
    page = await renderPage(INBOX, cloud(MEMBER, ITEMS, { event_invite: 0, birthday: 1 }))
    const p = page
    await p.waitFor(() => p.byId('inbox-list') !== null, 'the message list')

    const first = p.textOf('inbox-item-0') ?? ''
    expect(first).toContain('会员活动邀请：年终感恩晚宴')
    expect(first).toContain('2026-11-29 10:00') // 02:00 UTC is 10:00 in the clinic's zone
    expect(first).not.toContain('Member event: Thanks dinner') // one language on screen (issue 12)
    expect(p.textOf('inbox-item-1')).toContain('国庆节快乐')
    expect(p.textOf('inbox-item-1')).toContain('2026-10-01 08:05')

    // The member's reminders, with what is left of each one-time consent.
    expect(p.textOf('consent-count-birthday')).toContain('可接收 1 条')
    expect(p.textOf('consent-count-birthday')).not.toContain('left')
    expect(p.textOf('consent-count-event_invite')).toContain('可接收 0 条')
    expect(p.textOf('consent-count-membership_expiry')).toContain('可接收 0 条')
    expect(p.byId('consent-count-card_expiry')).toBeNull()

    // This build has no template ids: nothing to ask WeChat about, so no button and no dialog.
    expect(p.byId('subscribe-btn')).toBeNull()
    expect(p.textOf('subscribe-unavailable')).toContain('暂未开通消息订阅')
    expect(p.byId('subscribe-choices')).toBeNull() // the H5 tick boxes are not the mini-program's way
    expect(subscribeDialog).not.toHaveBeenCalled()
    expect(p.calls.map((c) => `${c.name}.${String(c.data.action)}`).sort()).toEqual(['identity.whoami', 'notify.consents', 'notify.inbox'])
  })

  test('a message opens the page it is about (the invitation opens the events page)', async () => {
    page = await renderPage(INBOX, cloud(MEMBER, ITEMS, {}))
    const p = page
    await p.waitFor(() => p.byId('inbox-open-0') !== null, 'the first message')
    const navigateTo = jest.spyOn(wx(), 'navigateTo')
    try {
      await p.tap('inbox-open-0')
      await p.waitFor(() => navigateTo.mock.calls.length > 0, 'wx.navigateTo')
      expect(navigateTo.mock.calls[0][0]).toMatchObject({ url: '/pages/events/index' })
    } finally {
      navigateTo.mockRestore()
    }
  })

  test('a friend with no messages sees the empty state and only the card expiry reminder (F6)', async () => {
    page = await renderPage(INBOX, cloud({ kind: 'guest' }, [], { card_expiry: 1 }))
    const p = page
    await p.waitFor(() => p.byId('inbox-empty') !== null, 'the empty state')
    expect(p.textOf('inbox-empty')).toContain('暂无消息')
    expect(p.textOf('consent-count-card_expiry')).toContain('可接收 1 条')
    for (const t of ['birthday', 'event_invite', 'membership_expiry']) expect(p.byId(`consent-count-${t}`)).toBeNull()
    expect(p.byId('inbox-list')).toBeNull()
  })

  test('a failed call shows the error banner, not a blank page', async () => {
    page = await renderPage(INBOX, (name, event) =>
      name === 'notify' && event.action === 'inbox'
        ? { ok: false, error: { code: 'INTERNAL', message: { zh: '系统繁忙，请稍后再试', en: 'Something went wrong; please try again later' } } }
        : cloud(MEMBER, ITEMS, {})(name, event),
    )
    const p = page
    await p.waitFor(() => p.byId('error-banner') !== null, 'the error banner')
    expect(p.textOf('error-banner')).toContain('系统繁忙，请稍后再试')
    expect(p.byId('inbox-list')).toBeNull()
  })
})
