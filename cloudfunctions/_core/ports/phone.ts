/**
 * Proving a phone (issue 10). Two ways, one port:
 * - a one-time code sent to the phone: SMS through the clinic's gateway; locally the person's in-app
 *   messages and the server log (there is no phone here);
 * - on weapp, WeChat's own verified number: the `getPhoneNumber` button gives a code that only the
 *   server can exchange (wx-server-sdk `openapi.phonenumber.getPhoneNumber`).
 */
export interface PhoneVerification {
  /** Which way the code goes; `none` means this deployment cannot send codes (WeChat's number only). */
  readonly codeChannel: 'sms' | 'inbox' | 'none'
  sendCode(to: { openid: string; phone: string }, code: string, now: Date): Promise<void>
  /** The phone WeChat verified for this user, or null if the code was refused. */
  phoneFromWeChat(wxCode: string): Promise<string | null>
}
