/**
 * Issue 14: a policy setting as a person reads it — its label and its value in the chain's money,
 * percent, days or category names — for the history's differences and the preset preview. No
 * field paths or codes reach the screen.
 */
import type { Msg } from '../../i18n'
import { CATEGORY_LABEL, type Category, type Currency, type Policy } from '../../domain/policy'
import { POLICY_FIELDS } from '../../domain/policy-fields'
import { CURRENCY_LABEL, formatMoney } from '../../domain/policy-money'

const OTHER: Msg = { zh: '其他设置', en: 'Another setting' }
const NONE: Msg = { zh: '无', en: 'none' }

export const fieldLabel = (path: string): Msg => POLICY_FIELDS.find((f) => f.path === path)?.label ?? OTHER

const same = (s: string): Msg => ({ zh: s, en: s })

/** The value of the setting at `path`, amounts in `currency`. */
export function showValue(path: string, value: unknown, currency: Currency): Msg {
  const f = POLICY_FIELDS.find((x) => x.path === path)
  if (!f || value === undefined) return same(value === undefined ? '—' : JSON.stringify(value))
  switch (f.kind) {
    case 'money': return same(formatMoney(value as number, currency))
    case 'bp': return same(`${(value as number) / 100}%`)
    case 'int': return { zh: `${String(value)} ${f.unit.zh}`, en: `${String(value)} ${f.unit.en}` }
    case 'dayList': {
      const list = value as number[]
      return list.length ? { zh: `${list.join('、')} ${f.unit.zh}`, en: `${list.join(', ')} ${f.unit.en}` } : NONE
    }
    case 'categories': {
      const list = (value as Category[]).map((c) => CATEGORY_LABEL[c] ?? same(c))
      return list.length ? { zh: list.map((l) => l.zh).join('、'), en: list.map((l) => l.en).join(', ') } : NONE
    }
    case 'bool': return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' }
    case 'holidays': {
      const list = value as Policy['notify']['holidays']
      return list.length ? { zh: list.map((h) => `${h.date} ${h.name.zh}`).join('、'), en: list.map((h) => `${h.date} ${h.name.en}`).join(', ') } : NONE
    }
    case 'currency': return CURRENCY_LABEL[value as Currency] ?? same(String(value))
    case 'template': return value ? same(`“${String(value)}”`) : { zh: '系统默认文字', en: 'the app’s own text' }
    default: return same(String(value))
  }
}

/** "亲友卡面值：¥600.00 → ¥800.00"; each side in its own version's currency. */
export function showChange(c: { path: string; before: unknown; after: unknown }, currency: Currency, beforeCurrency: Currency = currency): Msg {
  const label = fieldLabel(c.path)
  const before = showValue(c.path, c.before, beforeCurrency)
  const after = showValue(c.path, c.after, currency)
  return { zh: `${label.zh}：${before.zh} → ${after.zh}`, en: `${label.en}: ${before.en} → ${after.en}` }
}
