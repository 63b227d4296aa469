/** The WeChat phone exchange against the shapes wx-server-sdk answers with (network stubbed). */
import { phoneOf, wechatPhone, type WxPhoneSdk } from './wechat-phone'

const sdk = (answer: () => Promise<unknown>): WxPhoneSdk => ({
  DYNAMIC_CURRENT_ENV: Symbol('env'), init() {},
  openapi: { phonenumber: { getPhoneNumber: answer as WxPhoneSdk['openapi']['phonenumber']['getPhoneNumber'] } },
})

test('a mainland number WeChat verified is the phone; other countries and refusals are not', () => {
  expect(phoneOf({ errCode: 0, phoneInfo: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' } })).toBe('13912345678')
  expect(phoneOf({ phone_info: { purePhoneNumber: '13912345678', countryCode: 86 } })).toBe('13912345678')
  expect(phoneOf({ phoneInfo: { purePhoneNumber: '2025550100', countryCode: '1' } })).toBeNull()
  expect(phoneOf({ errCode: 40029 })).toBeNull()
})

test('a used or expired code (WeChat throws with errCode) answers null, never a phone', async () => {
  const p = wechatPhone(null, () => sdk(() => Promise.reject(Object.assign(new Error('invalid code'), { errCode: 40029 }))))
  jest.spyOn(console, 'warn').mockImplementation(() => {})
  await expect(p.phoneFromWeChat('used-code')).resolves.toBeNull()
  expect(p.codeChannel).toBe('none')
  await expect(p.sendCode({ openid: 'o', phone: '13912345678' }, '123456', new Date())).rejects.toThrow('no SMS gateway')
})

test('with a clinic\'s SMS gateway the code goes out as a text', async () => {
  const sent: string[] = []
  const p = wechatPhone({ async sendText(phone, text) { sent.push(`${phone}:${text}`); return { ok: true } } }, () => sdk(async () => ({})))
  await p.sendCode({ openid: 'o', phone: '13912345678' }, '654321', new Date())
  expect(p.codeChannel).toBe('sms')
  expect(sent[0]).toMatch(/^13912345678:.*654321/)
})
