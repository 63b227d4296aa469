/**
 * Local phone proof: the code goes to the caller's in-app messages (the H5 inbox) and the server log,
 * standing in for the text message a phone would get. WeChat's verified number does not exist off
 * WeChat, so that way is refused here.
 */
import type { Clock } from '../../../../src/domain/clock'
import type { Store } from '../../ports/store'
import type { PhoneVerification } from '../../ports/phone'
import { C, type InboxDoc } from '../../model'
import { newId } from '../../ids'

export function localPhone(store: Store, clock: Clock, log: (line: string) => void = (l) => console.log(l)): PhoneVerification {
  return {
    codeChannel: 'inbox',
    async sendCode(to, code) {
      const doc: InboxDoc = {
        _id: newId('otp'), openid: to.openid, template: 'phone_code', page: 'pages/bind/index', at: clock.now().toISOString(),
        title: { zh: '手机验证码', en: 'Phone verification code' },
        body: { zh: `您的验证码是 ${code}，5分钟内有效。请勿告诉他人。`, en: `Your code is ${code}, valid for 5 minutes. Do not share it.` },
      }
      await store.create(C.inbox, doc)
      log(`[phone] code for ${to.phone.slice(0, 3)}****${to.phone.slice(-4)} (${to.openid}): ${code}`)
    },
    async phoneFromWeChat() { return null },
  }
}
