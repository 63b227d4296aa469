/**
 * 绑定就诊档案 on the compiled mini-program (dist/pages/bind/index), issue 10 items 2 and 3: a
 * WeChat user binds to their patient record only with proof — WeChat's own phone number (the
 * `getPhoneNumber` button's one-time code, exchanged by the server), then the record they pick and
 * confirm; or the desk's one-time code, scanned in the app or opened by WeChat's camera (`b`).
 * Cloud calls are answered with canned `Result`s; `wx.scanCode` and `wx.reLaunch` are stubbed.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { Persona, Result, VerifiedPhone } from '../../src/api/contract'
import { loadMiniProgram, renderPage, type CloudHandler, type RenderedPage } from './harness'
import { findById } from './rendered-page'

jest.setTimeout(30_000)

const BIND = 'pages/bind/index'
const WX_CODE = 'wx-phone-code-0123456789'
const DESK_TOKEN = 'YY1.B.pat_new_1.1795000000.abcDEF0123456789_-xyzXYZ'

const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const refuse = (code: string, zh: string) => ({ ok: false, error: { code, message: { zh, en: code } } })

const PARENT: Persona = { kind: 'patient', patientId: 'pat_mum', name: '罗丽' }
const TWO_RECORDS: VerifiedPhone = {
  maskedPhone: '131****4040',
  validUntil: '2026-11-22T02:10:00.000Z',
  records: [
    { patientId: 'pat_mum', name: '罗丽', birthYear: '1986', clinicName: '牙友口腔 · 静安店', yours: false },
    { patientId: 'pat_child', name: '罗朵朵', birthYear: '2016', clinicName: '牙友口腔 · 静安店', yours: false },
  ],
}

/** A WeChat user the clinic does not know yet, plus whatever `more` answers. */
const guestCloud = (more: CloudHandler = () => undefined): CloudHandler => (name, event) => {
  if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-new', persona: { kind: 'guest' } satisfies Persona })
  return more(name, event) ?? refuse('UNKNOWN_ACTION', `unexpected ${name}.${String(event.action)}`)
}

type Callback = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }
type Wx = { reLaunch: (o: { url: string } & Callback) => unknown; scanCode: (o: Callback) => unknown }
const wx = () => (globalThis as unknown as { wx: Wx }).wx

/** What WeChat does when the person answers its phone-number dialog: a `getphonenumber` event on the button. */
async function answerPhoneDialog(p: RenderedPage, detail: Record<string, unknown>): Promise<void> {
  const button = findById(p.component, 'bind-wechat-phone')
  if (!button) throw new Error(`No #bind-wechat-phone.\nPage text: ${p.text()}`)
  button.dispatchEvent('getphonenumber', { detail })
  await new Promise((r) => setTimeout(r, 0))
}

const actions = (p: RenderedPage) => p.calls.map((c) => `${c.name}.${String(c.data.action)}`)

let page: RenderedPage | undefined
let reLaunch: jest.Mock
beforeAll(() => { loadMiniProgram() }) // installs `wx`
beforeEach(() => {
  reLaunch = jest.fn((o: Callback) => { o.success?.({ errMsg: 'reLaunch:ok' }); o.complete?.({}) })
  wx().reLaunch = reLaunch
})
afterEach(() => {
  page?.close()
  page = undefined
})

describe('binding by WeChat\'s verified phone', () => {
  test('two records on the phone: the person picks theirs, confirms, is bound and lands on the member home', async () => {
    const binds: Record<string, unknown>[] = []
    page = await renderPage(BIND, guestCloud((name, event) => {
      if (name === 'identity' && event.action === 'verifyWeChatPhone') return ok(TWO_RECORDS)
      if (name === 'identity' && event.action === 'bindVerified') {
        binds.push(event)
        return ok({ persona: PARENT })
      }
      return undefined
    }))
    const p = page
    await p.waitFor(() => p.byId('bind-wechat-phone') !== null, 'the WeChat phone button')
    expect(p.textOf('bind-wechat-phone')).toContain('使用微信手机号验证')
    expect(p.textOf('bind-wechat-phone')).not.toContain('WeChat') // one language on screen (issue 12)
    expect(p.byId('bind-phone')).toBeNull() // the text message form only on request

    await answerPhoneDialog(p, { errMsg: 'getPhoneNumber:ok', code: WX_CODE })
    await p.waitFor(() => p.byId('bind-record-1') !== null, 'the records on the phone')
    expect(p.textOf('bind-verified')).toContain('131****4040')
    expect(p.textOf('bind-record-0')).toContain('罗丽')
    expect(p.textOf('bind-record-0')).toContain('1986')
    expect(p.textOf('bind-record-1')).toContain('罗朵朵')
    expect(p.textOf('bind-record-1')).toContain('2016')
    // Two records: nothing is chosen for the person, and nothing is bound yet.
    expect(p.byId('bind-confirm')).toBeNull()
    expect(binds).toEqual([])

    await p.tap('bind-record-0')
    await p.waitFor(() => p.byId('bind-confirm') !== null, 'the confirmation')
    expect(p.textOf('bind-confirm-box')).toContain('罗丽')
    await p.tap('bind-confirm')
    await p.waitFor(() => reLaunch.mock.calls.length > 0, 'wx.reLaunch to the member home')

    expect(reLaunch.mock.calls[0][0]).toMatchObject({ url: '/pages/index/index' })
    expect(p.textOf('bind-done')).toContain('罗丽')
    expect(binds).toEqual([{ action: 'bindVerified', patientId: 'pat_mum' }])
    // The button's one-time code went to the server as is; no text message code was asked for.
    expect(p.calls.find((c) => c.data.action === 'verifyWeChatPhone')?.data).toEqual({ action: 'verifyWeChatPhone', wxCode: WX_CODE })
    expect(actions(p)).toEqual(['identity.whoami', 'identity.verifyWeChatPhone', 'identity.bindVerified'])
  })

  test('the person declines WeChat\'s dialog: nothing is sent, the text message way opens instead', async () => {
    page = await renderPage(BIND, guestCloud())
    const p = page
    await p.waitFor(() => p.byId('bind-wechat-phone') !== null, 'the WeChat phone button')
    await answerPhoneDialog(p, { errMsg: 'getPhoneNumber:fail user deny' })
    await p.waitFor(() => p.byId('error-banner') !== null, 'the error banner')

    expect(p.textOf('error-banner')).toContain('您未允许使用微信手机号')
    expect(p.byId('bind-phone')).not.toBeNull()
    expect(p.byId('bind-send-code')).not.toBeNull()
    expect(actions(p)).toEqual(['identity.whoami'])
    expect(reLaunch).not.toHaveBeenCalled()
  })

  test('no record on the phone: says to ask at the desk and offers the desk code way', async () => {
    page = await renderPage(BIND, guestCloud((name, event) =>
      name === 'identity' && event.action === 'verifyWeChatPhone' ? ok({ ...TWO_RECORDS, records: [] }) : undefined))
    const p = page
    await p.waitFor(() => p.byId('bind-wechat-phone') !== null, 'the WeChat phone button')
    await answerPhoneDialog(p, { errMsg: 'getPhoneNumber:ok', code: WX_CODE })
    await p.waitFor(() => p.byId('bind-no-records') !== null, 'the no-record answer')

    expect(p.textOf('bind-no-records')).toContain('没有找到该手机号的就诊档案，请到前台办理')
    expect(p.byId('bind-confirm')).toBeNull()
    await p.tap('bind-goto-desk')
    await p.waitFor(() => p.byId('bind-scan') !== null, 'the desk code way')
    expect(actions(p)).toEqual(['identity.whoami', 'identity.verifyWeChatPhone'])
  })
})

describe('binding by the desk\'s one-time code', () => {
  test('scanned with the in-app scanner: the code goes to the server and the member home opens', async () => {
    const scanCode = jest.fn((o: Callback) => { o.success?.({ errMsg: 'scanCode:ok', result: DESK_TOKEN, scanType: 'QR_CODE' }) })
    wx().scanCode = scanCode
    page = await renderPage(BIND, guestCloud((name, event) =>
      name === 'identity' && event.action === 'bindByDeskCode' ? ok({ persona: { kind: 'patient', patientId: 'pat_new_1', name: '黄蕾' } }) : undefined))
    const p = page
    await p.waitFor(() => p.byId('bind-tab-desk') !== null, 'the two ways')
    await p.tap('bind-tab-desk')
    await p.waitFor(() => p.byId('bind-scan') !== null, 'the scan button')
    await p.tap('bind-scan')
    await p.waitFor(() => reLaunch.mock.calls.length > 0, 'wx.reLaunch to the member home')

    expect(scanCode).toHaveBeenCalledTimes(1)
    expect(scanCode.mock.calls[0][0]).toMatchObject({ onlyFromCamera: true })
    expect(p.calls.find((c) => c.data.action === 'bindByDeskCode')?.data).toEqual({ action: 'bindByDeskCode', token: DESK_TOKEN })
    expect(reLaunch.mock.calls[0][0]).toMatchObject({ url: '/pages/index/index' })
    expect(p.textOf('bind-done')).toContain('黄蕾')
  })

  test('opened by WeChat\'s camera with the code as `b`: one tap to confirm; a used code is refused and nothing opens', async () => {
    page = await renderPage(BIND, guestCloud((name, event) =>
      name === 'identity' && event.action === 'bindByDeskCode' ? refuse('CODE_USED', '该码已被使用') : undefined), { b: encodeURIComponent(DESK_TOKEN) })
    const p = page
    await p.waitFor(() => p.byId('bind-desk-from-link') !== null, 'the code read from the link')
    expect(p.byId('bind-wechat-phone')).toBeNull() // the desk way is open, not the phone way
    expect(actions(p)).toEqual(['identity.whoami']) // nothing is bound by merely opening the link

    await p.tap('bind-desk-submit')
    await p.waitFor(() => p.byId('error-banner') !== null, 'the refusal')
    expect(p.textOf('error-banner')).toContain('该码已被使用')
    expect(p.calls.find((c) => c.data.action === 'bindByDeskCode')?.data).toEqual({ action: 'bindByDeskCode', token: DESK_TOKEN })
    expect(p.byId('bind-done')).toBeNull()
    expect(reLaunch).not.toHaveBeenCalled()
  })
})

test('someone already bound sees whose record it is and no way to bind again', async () => {
  page = await renderPage(BIND, (name, event) =>
    name === 'identity' && event.action === 'whoami' ? ok({ openid: 'o-1', persona: PARENT }) : refuse('UNKNOWN_ACTION', 'unexpected'))
  const p = page
  await p.waitFor(() => p.byId('bind-already') !== null, 'the bound state')
  expect(p.textOf('bind-already')).toContain('罗丽')
  for (const id of ['bind-tab-phone', 'bind-tab-desk', 'bind-wechat-phone', 'bind-scan']) expect(p.byId(id)).toBeNull()
  expect(actions(p)).toEqual(['identity.whoami'])
})
