/**
 * N3 on CloudBase: how a message becomes a subscribe-message call, and how WeChat's answers are
 * read. wx-server-sdk is not installed here (CloudBase installs it), so a stand-in records calls.
 */
import { render } from '../../../../src/domain/notify/messages'
import type { OutgoingMessage } from '../../ports/notifier'
import { templateData, templatesFromEnv, wechatChannel } from './wechat-channel'
import { smsChannel } from './sms-channel'

const send = jest.fn()
jest.mock('wx-server-sdk', () => ({ DYNAMIC_CURRENT_ENV: Symbol('env'), init: jest.fn(), openapi: { subscribeMessage: { send: (o: unknown) => send(o) } } }), { virtual: true })

const data = { giver: '李明', balanceFen: 60_000, days: 14, expiresOn: '2027-02-22' }
const msg: OutgoingMessage = { key: 'fc:1:expiry:14', openid: 'o_friend', template: 'card_expiry', data, rendered: render('card_expiry', data) }
const cfg = { id: 'TPL_EXPIRY', fields: { thing1: 'title', thing2: 'body', time3: 'expiresOn' } }

beforeEach(() => send.mockReset())

test('fields come from the title, the body or the data; thing fields are cut to 20 characters', () => {
  const d = templateData(msg, cfg)
  expect(d.thing1.value).toBe('亲友卡即将到期')
  expect([...d.thing2.value]).toHaveLength(20)
  expect(d.thing2.value.endsWith('…')).toBe(true)
  expect(d.time3.value).toBe('2027-02-22')
})

test('a send goes to the person, with the template and the page to open', async () => {
  send.mockResolvedValue({ errCode: 0 })
  expect(await wechatChannel({ card_expiry: cfg }).send(msg)).toEqual({ ok: true })
  expect(send).toHaveBeenCalledWith(expect.objectContaining({ touser: 'o_friend', templateId: 'TPL_EXPIRY', page: 'pages/cards/index', miniprogramState: 'formal' }))
})

test('system busy is worth a retry; a refused subscription is not; a lost answer is uncertain; no template is said plainly', async () => {
  const ch = wechatChannel({ card_expiry: cfg })
  send.mockResolvedValueOnce({ errCode: -1, errMsg: 'system busy' })
  expect(await ch.send(msg)).toMatchObject({ ok: false, retryable: true })
  send.mockRejectedValueOnce(Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 }))
  expect(await ch.send(msg)).toMatchObject({ ok: false, retryable: false, noConsent: true })
  send.mockRejectedValueOnce(new Error('ESOCKETTIMEDOUT'))
  expect(await ch.send(msg)).toMatchObject({ ok: false, retryable: false, uncertain: true })
  expect(await wechatChannel({}).send(msg)).toEqual({ ok: false, retryable: false, error: 'no template configured for card_expiry' })
})

test('YAYOU_TEMPLATES must give each template an id and fields', () => {
  expect(templatesFromEnv(undefined)).toEqual({})
  expect(templatesFromEnv(JSON.stringify({ card_expiry: cfg }))).toEqual({ card_expiry: cfg })
  expect(() => templatesFromEnv(JSON.stringify({ card_expiry: { id: 'x' } }))).toThrow('YAYOU_TEMPLATES.card_expiry needs { id, fields }')
})

test('an SMS gateway as a channel: the number on record, the clinic\'s signature; no number, no message', async () => {
  const texts: string[] = []
  const ch = smsChannel({ sendText: async (phone, text) => { texts.push(`${phone} ${text}`); return { ok: true } } }, async (o) => (o === 'o_friend' ? '13600001234' : undefined))
  expect(await ch.send(msg)).toEqual({ ok: true })
  expect(texts[0]).toMatch(/^13600001234 【牙友口腔】亲友卡即将到期：李明送您的亲友卡/)
  expect(await ch.send({ ...msg, openid: 'nobody' })).toMatchObject({ ok: false, retryable: false })
})
