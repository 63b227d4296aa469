/**
 * N3 on CloudBase, against the real wx-server-sdk: only the network is stubbed (a local stand-in
 * for CloudBase's cloud-call gateway, ./wechat-channel.gateway.ts), so every answer below has the
 * shape the SDK really produces — including the negative errCodes of a lost request.
 */
import { render } from '../../../../src/domain/notify/messages'
import { DEFAULT_POLICY } from '../../../../src/domain/policy'
import type { OutboxMessage } from '../../../../src/domain/notify/messages'
import type { OutgoingMessage } from '../../ports/notifier'
import { LocalClock, LocalCloud } from '../../../_local/local-cloud'
import { readFailure, templatesFromEnv, wechatChannel, type TemplateConfig } from './wechat-channel'
import { startGateway, type Gateway } from './wechat-channel.gateway'
import { smsChannel } from './sms-channel'

const data = { giver: '李明', balanceFen: 60_000, days: 14, expiresOn: '2027-02-22' }
const msg: OutgoingMessage = { key: 'fc:1:expiry:14', openid: 'o_friend', template: 'card_expiry', data, rendered: render('card_expiry', data, DEFAULT_POLICY) }
const cfg: TemplateConfig = { id: 'TPL_EXPIRY', fields: { thing1: 'title', thing2: 'body', amount3: 'balanceFen', date4: 'expiresOn', phrase5: '=即将到期' } }
// One channel for the file: wx-server-sdk is initialised once per process (a short timeout here).
const channel = wechatChannel({ card_expiry: cfg, birthday: { id: 'TPL_BDAY', fields: { name1: 'name', time2: 'date' } } }, { timeoutMs: 1_000 })

let gw: Gateway
beforeAll(async () => { gw = await startGateway() })
afterAll(() => gw.close())
beforeEach(() => { gw.calls.length = 0; gw.answer({ wechat: { errcode: 0, errmsg: 'ok' } }) })

test('a send reaches WeChat with the person, the template, the page, and each value shaped for its keyword', async () => {
  expect(await channel.send(msg)).toEqual({ ok: true })
  expect(gw.calls).toHaveLength(1)
  expect(gw.calls[0]).toEqual({
    apiName: 'subscribeMessage.send',
    params: {
      touser: 'o_friend', template_id: 'TPL_EXPIRY', page: 'pages/cards/index', miniprogram_state: 'formal',
      data: {
        thing1: { value: '亲友卡即将到期' },
        thing2: { value: '李明送您的亲友卡余额¥600.00，还…' }, // cut to 20 characters
        amount3: { value: '¥600.00' }, // fen, not "60000"
        date4: { value: '2027年2月22日' },
        phrase5: { value: '即将到期' }, // fixed text from YAYOU_TEMPLATES
      },
    },
  })
})

describe('a request that may have reached WeChat is uncertain, never a retry (negative errCode)', () => {
  test('the connection dropped: -501001', async () => {
    gw.answer('drop')
    const r = await channel.send(msg)
    expect(r).toMatchObject({ ok: false, retryable: false, uncertain: true })
    expect(r.ok === false && r.error).toMatch(/^未确认送达（-501001）/)
  })
  test('no answer before the timeout: -501001', async () => {
    gw.answer('silence')
    const started = Date.now()
    expect(await channel.send(msg)).toMatchObject({ ok: false, retryable: false, uncertain: true, error: expect.stringContaining('-501001') })
    expect(Date.now() - started).toBeLessThan(5_000) // the channel's own timeout, not the SDK's 15 s
  })
  test('CloudBase answers with its own error: -501001', async () => {
    gw.answer({ cloudbaseError: { code: 'SYS_ERR', message: 'internal error' } })
    expect(await channel.send(msg)).toMatchObject({ ok: false, uncertain: true, error: expect.stringContaining('-501001') })
  })
  test('WeChat\'s "system busy" (-1) says nothing for sure either', async () => {
    gw.answer({ wechat: { errcode: -1, errmsg: 'system error' } })
    expect(await channel.send(msg)).toMatchObject({ ok: false, retryable: false, uncertain: true })
  })
  test('an error with no code at all (never produced by the SDK, but possible) is uncertain too', () => {
    expect(readFailure(new Error('socket hang up'))).toMatchObject({ ok: false, retryable: false, uncertain: true, error: '未确认送达（无错误码）：socket hang up' })
  })
})

describe('WeChat\'s own errcodes (positive) are definite answers', () => {
  const answer = async (errcode: number, errmsg: string) => { gw.answer({ wechat: { errcode, errmsg } }); return channel.send(msg) }
  test('43101: the person refused or has no subscription left — no consent, not retried', async () => {
    expect(await answer(43101, 'user refuse to accept the msg')).toMatchObject({ ok: false, retryable: false, noConsent: true, error: expect.stringMatching(/^43101 用户拒收/) })
  })
  test('47003: a value broke its keyword\'s rules — dead, with WeChat\'s reason naming the field', async () => {
    const r = await answer(47003, 'argument invalid! data.thing2.value invalid')
    expect(r).toMatchObject({ ok: false, retryable: false })
    expect(r.ok === false && r.error).toContain('data.thing2.value invalid')
    expect(r).not.toHaveProperty('uncertain')
  })
  test('40037: the template id is wrong — dead', async () => {
    expect(await answer(40037, 'invalid template_id')).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('YAYOU_TEMPLATES') })
  })
  test('45009 and 45011: quotas — worth a later try', async () => {
    expect(await answer(45009, 'reach max api daily quota limit')).toMatchObject({ ok: false, retryable: true })
    expect(await answer(45011, 'api minute-quota reach limit')).toMatchObject({ ok: false, retryable: true })
  })
})

test('a value that cannot be shaped is never sent: dead, with the reason', async () => {
  const bday: OutgoingMessage = { key: 'bday:p:2026', openid: 'o_x', template: 'birthday', data: { name: '王芳', date: '2026-12-01' }, rendered: render('birthday', { name: '王芳' }, DEFAULT_POLICY) }
  expect(await channel.send(bday)).toEqual({ ok: false, retryable: false, error: '未发送：time2「2026-12-01」：时间字段需要 24 小时制时刻（只有日期时请配成 date 字段）' })
  expect(await channel.send({ ...bday, data: { name: '王芳', date: '2026-12-01 09:00' } })).toEqual({ ok: true })
  expect(gw.calls).toHaveLength(1) // only the second one went out
  expect(await wechatChannel({}).send(msg)).toEqual({ ok: false, retryable: false, error: 'no template configured for card_expiry' })
})

describe('through the outbox (N3: sent once, the outbox says why)', () => {
  let cloud: LocalCloud
  const clock = new LocalClock()
  const at = '2026-12-01T02:00:00.000Z' // 10:00 in Shanghai, outside quiet hours
  beforeEach(async () => {
    clock.pin(new Date(at))
    cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 's'.repeat(64), channel: () => channel })
    await cloud.store.set('outbox', { _id: 'm1', to: { openid: 'o_friend' }, template: 'card_expiry', data, createdAt: at, status: 'queued', notBefore: at, attempts: 0 })
    await cloud.store.set('consents', { _id: 'o_friend', counts: { card_expiry: 1, birthday: 1 }, log: [] })
  })
  afterEach(() => cloud.close())
  const message = async (id = 'm1') => (await cloud.store.get<OutboxMessage>('outbox', id))!
  const consent = async (t: string) => (await cloud.store.get<{ _id: string; counts: Record<string, number> }>('consents', 'o_friend'))!.counts[t]

  test('a lost answer leaves the message interrupted and the consent spent; later passes never send it again', async () => {
    gw.answer('drop')
    await cloud.deliver()
    expect(await message()).toMatchObject({ status: 'interrupted', attempts: 1, lastError: expect.stringContaining('-501001') })
    expect(await consent('card_expiry')).toBe(0)
    gw.answer({ wechat: { errcode: 0, errmsg: 'ok' } })
    clock.pin(new Date(Date.parse(at) + 3 * 3_600_000))
    await cloud.deliver()
    expect(gw.calls).toHaveLength(1)
  })

  test('47003 ends it dead with WeChat\'s reason, and the consent WeChat did not use is given back', async () => {
    gw.answer({ wechat: { errcode: 47003, errmsg: 'argument invalid! data.phrase5.value invalid' } })
    await cloud.deliver()
    expect(await message()).toMatchObject({ status: 'dead', lastError: expect.stringContaining('data.phrase5.value invalid') })
    expect(await consent('card_expiry')).toBe(1)
  })

  test('a value that cannot be shaped: dead before any call, the reason in the outbox, the consent kept', async () => {
    await cloud.store.set('outbox', { _id: 'b1', to: { openid: 'o_friend' }, template: 'birthday', data: { name: '王芳', date: '2026-12-01' }, createdAt: at, status: 'queued', notBefore: at, attempts: 0 })
    await cloud.store.set('outbox', { ...(await message()), status: 'sent' }) // only the birthday is due
    await cloud.deliver()
    expect(gw.calls).toHaveLength(0)
    expect(await message('b1')).toMatchObject({ status: 'dead', lastError: expect.stringContaining('time2「2026-12-01」') })
    expect(await consent('birthday')).toBe(1)
  })
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

test('an SMS the chain wrote itself (R4, seed 003) goes out exactly as written, without our signature', async () => {
  const texts: string[] = []
  const ch = smsChannel({ sendText: async (_phone, text) => { texts.push(text); return { ok: true } } }, async () => '79161234567')
  const policy = { ...DEFAULT_POLICY, currency: 'RUB' as const, notify: { ...DEFAULT_POLICY.notify, referralRewardText: 'Вам зачислены {bonus}. Спасибо. {clinic}' } }
  const rendered = render('referral_reward', { bonusFen: 10_000, clinic: 'Улыбка' }, policy)
  expect(await ch.send({ ...msg, template: 'referral_reward', rendered })).toEqual({ ok: true })
  expect(texts).toEqual(['Вам зачислены 100.00 ₽. Спасибо. Улыбка'])
})

test('YAYOU_TEMPLATES may be base64 (the CLI manifest cannot carry JSON in a placeholder)', () => {
  const json = JSON.stringify({ card_expiry: { id: 'tmpl-1', fields: { thing1: 'title' } } })
  expect(templatesFromEnv(Buffer.from(json).toString('base64'))).toEqual(templatesFromEnv(json))
})
