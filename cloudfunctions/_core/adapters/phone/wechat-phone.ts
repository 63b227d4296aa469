/**
 * CloudBase phone proof: WeChat's verified number through wx-server-sdk's cloud call
 * `openapi.phonenumber.getPhoneNumber({ code })` (each code is single-use, valid 5 minutes; the
 * function's config.json must grant `phonenumber.getPhoneNumber`), and text-message codes through
 * the clinic's SMS gateway when it has one. Not run here: no WeChat environment on this machine.
 */
import type { SmsGateway } from '../../ports/notifier'
import type { PhoneVerification } from '../../ports/phone'
import { normalizePhone } from '../../../../src/domain/identity/phone-code'

interface PhoneInfo { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string | number }
export interface WxPhoneSdk {
  DYNAMIC_CURRENT_ENV: symbol
  init(opts: { env: unknown }): void
  openapi: { phonenumber: { getPhoneNumber(o: { code: string }): Promise<{ errCode?: number; errMsg?: string; phoneInfo?: PhoneInfo; phone_info?: PhoneInfo }> } }
}

/** Only a mainland number is a record's phone; anything else is treated as not verified. */
export function phoneOf(res: { errCode?: number; phoneInfo?: PhoneInfo; phone_info?: PhoneInfo }): string | null {
  if (res.errCode && res.errCode !== 0) return null
  const info = res.phoneInfo ?? res.phone_info
  if (!info) return null
  if (info.countryCode !== undefined && String(info.countryCode) !== '86') return null
  return normalizePhone(info.purePhoneNumber ?? info.phoneNumber ?? '')
}

export function wechatPhone(sms: SmsGateway | null, loadSdk: () => WxPhoneSdk = defaultSdk): PhoneVerification {
  return {
    codeChannel: sms ? 'sms' : 'none',
    async sendCode(to, code) {
      if (!sms) throw new Error('no SMS gateway configured')
      const r = await sms.sendText(to.phone, `【牙友口腔】您的验证码是${code}，5分钟内有效，请勿告诉他人。`)
      if (!r.ok) throw new Error(`SMS failed: ${r.error}`)
    },
    async phoneFromWeChat(wxCode) {
      const sdk = loadSdk()
      try {
        return phoneOf(await sdk.openapi.phonenumber.getPhoneNumber({ code: wxCode }))
      } catch (e) {
        // wx-server-sdk throws WeChat's refusals (a used or expired code) as errors with errCode.
        console.warn('[phone] getPhoneNumber failed', (e as { errCode?: number }).errCode ?? e)
        return null
      }
    },
  }
}

function defaultSdk(): WxPhoneSdk {
  // Loaded lazily so that functions which never exchange a phone code never load wx-server-sdk.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as WxPhoneSdk
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud
}
