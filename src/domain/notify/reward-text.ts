/**
 * R4: the referral reward message as the chain writes it (a policy setting, issue 14 item 4). Seed
 * 003's regulation has its own SMS text naming both amounts, the clinic and its phone; a chain types
 * such a text with named placeholders, filled when the message is rendered. An empty text means the
 * app's own bilingual message (messages.ts).
 *
 * A custom text is shown exactly as written, in either language setting: the member reads it as the
 * clinic wrote it (seed 003's is Russian), never translated.
 */
import type { ErrorMessage } from '../errors'

/** The placeholders a reward text may use, and what each becomes. */
export const REWARD_PLACEHOLDERS = ['bonus', 'payout', 'clinic', 'clinicPhone'] as const
export type RewardPlaceholder = (typeof REWARD_PLACEHOLDERS)[number]

export const REWARD_PLACEHOLDER_LABEL: Record<RewardPlaceholder, ErrorMessage> = {
  bonus: { zh: '存入院内账户的奖励金', en: 'the bonus credited to the internal account' },
  payout: { zh: '外部奖励（如话费）', en: 'the external payout (e.g. phone top-up)' },
  clinic: { zh: '朋友就诊的诊所名称', en: 'the name of the clinic the friend came to' },
  clinicPhone: { zh: '该诊所电话', en: "that clinic's phone number" },
}

/** Every `{…}` token, and any brace left over (a typo such as "{bonus" or "payout}"). */
const TOKEN = /\{([^{}]*)\}/g

/** The reasons a message text cannot be stored: unknown placeholders by name, a stray brace. */
export function placeholderProblems(text: string, allowed: readonly string[] = REWARD_PLACEHOLDERS): ErrorMessage[] {
  const out: ErrorMessage[] = []
  const unknown = [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]).filter((name) => !allowed.includes(name)))]
  if (unknown.length) {
    const names = unknown.map((n) => `{${n}}`).join(' ')
    const known = allowed.map((n) => `{${n}}`).join(' ')
    out.push({ zh: `不认识的占位符：${names}；可用的有 ${known}`, en: `Unknown placeholder ${names}; the ones that exist are ${known}` })
  }
  if (/[{}]/.test(text.replace(TOKEN, ''))) {
    out.push({ zh: '花括号只用于占位符，如 {bonus}', en: 'Braces are only for placeholders, e.g. {bonus}' })
  }
  return out
}

/** The text with each placeholder replaced by its value (a value missing here leaves an empty string). */
export function fillRewardText(text: string, values: Partial<Record<RewardPlaceholder, string>>): string {
  return text.replace(TOKEN, (whole, name: string) => ((REWARD_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as RewardPlaceholder] ?? '' : whole))
}
