/**
 * N3, C2: consent to reminder messages, asked at the person's own tap (WeChat only lets the
 * subscribe dialog open from a tap) and recorded by the server only when given.
 *
 * The subscribe-message template ids come from the build (config/index.ts `defineConstants`):
 * `CARD_REMINDER_TEMPLATE` for the friend card expiry reminder (F6) and `SUBSCRIBE_TEMPLATES`, one
 * id per message. A message without an id is never asked for on weapp: the answer is "no".
 */
import Taro from '@tarojs/taro'
import type { TemplateKey } from '../domain/notify/messages'

declare const CARD_REMINDER_TEMPLATE: string | undefined
declare const SUBSCRIBE_TEMPLATES: Partial<Record<TemplateKey, string>> | undefined

/** WeChat shows at most 3 templates in one subscribe dialog. */
export const MAX_PER_DIALOG = 3

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

/** N3: the WeChat template id of a message, or '' when the build defines none. */
export function templateId(key: TemplateKey): string {
  const ids = (typeof SUBSCRIBE_TEMPLATES === 'undefined' ? undefined : SUBSCRIBE_TEMPLATES) ?? {}
  const id = typeof ids[key] === 'string' ? ids[key]!.trim() : ''
  return id || (key === 'card_expiry' ? cardReminderTemplate() : '')
}

/** The messages of `keys` WeChat can be asked about in this build (those with an id), at most 3. */
export function askableTemplates(keys: readonly TemplateKey[]): TemplateKey[] {
  return keys.filter((k) => templateId(k) !== '').slice(0, MAX_PER_DIALOG)
}

/**
 * weapp: WeChat's subscribe dialog for up to 3 messages (N3, C1, C2). Call it straight from the
 * person's tap, before anything is awaited, or WeChat will not open it. Returns the messages the
 * person allowed; "reject", "ban", "filter", a closed dialog or an error all mean no consent.
 */
export async function askSubscribe(keys: readonly TemplateKey[]): Promise<TemplateKey[]> {
  const asked = askableTemplates(keys)
  if (process.env.TARO_ENV !== 'weapp' || asked.length === 0) return []
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: asked.map(templateId) } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
    return asked.filter((k) => res[templateId(k)] === 'accept')
  } catch {
    return []
  }
}
