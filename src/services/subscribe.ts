/**
 * N3, C2: consent to reminder messages, asked at the friend's own tap (WeChat only lets the
 * subscribe dialog open from a tap) and recorded by the server only when given.
 *
 * The subscribe-message template for the friend card expiry reminder (F6) comes from the build:
 * `defineConstants.CARD_REMINDER_TEMPLATE` (config/index.ts). Without it, nothing is asked and the
 * answer is "no reminders".
 */
import Taro from '@tarojs/taro'

declare const CARD_REMINDER_TEMPLATE: string | undefined

/** The template id, or '' when the build defines none. */
export function cardReminderTemplate(): string {
  return typeof CARD_REMINDER_TEMPLATE === 'string' ? CARD_REMINDER_TEMPLATE.trim() : ''
}

/**
 * weapp: WeChat's own subscribe dialog for the card reminder. True only when the person chose
 * "allow" for this template; refusal, a ban, an error or no template all mean false.
 */
export async function askCardReminderConsent(): Promise<boolean> {
  const tmpl = cardReminderTemplate()
  if (process.env.TARO_ENV !== 'weapp' || !tmpl) return false
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [tmpl] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
    return res[tmpl] === 'accept'
  } catch {
    return false // the dialog was closed or the call failed: no consent
  }
}
