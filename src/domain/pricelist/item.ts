/**
 * The chain's price list (收费项目, issue 13 item 1): what reception bills from. An item's category
 * is fixed by the catalogue, so a special-price item can never be typed as a treatment and pick up
 * the member discount (M2) or be paid by a friend card (F4). Deactivated items stay in the store for
 * the bills that named them; they are only no longer offered.
 */
import { DomainError } from '../errors'
import type { Fen } from '../money'
import { CATEGORIES, type Category, type Currency, type Policy } from '../policy'
import { formatMoney } from '../policy-money'

/** An item as the catalogue holds it. `initials`: pinyin initials of the name (lower case), for search. */
export interface CatalogueItem {
  id: string
  name: string
  category: Category
  priceFen: Fen
  active: boolean
  initials: string
}

/** What staff send to create or change an item. */
export interface PriceItemInput { name: string; category: string; priceFen: number; active: boolean }

export type PriceField = 'name' | 'category' | 'priceFen'

/** ¥1,000,000 for one item: above any dental treatment; more is a typo (the bill schema's cap too). */
export const MAX_PRICE_FEN: Fen = 100_000_000
export const MAX_NAME = 40
/** One read of the catalogue is one store page (≤ 1000 documents); the chain's list stays under it. */
export const MAX_ITEMS = 1000

export const FIELD_LABEL: Record<PriceField, { zh: string; en: string }> = {
  name: { zh: '名称', en: 'Name' },
  category: { zh: '类别', en: 'Category' },
  priceFen: { zh: '价格', en: 'Price' },
}

export const REASON = {
  nameRequired: { zh: '名称不能为空', en: 'The name is required' },
  nameFormat: { zh: `名称最长 ${MAX_NAME} 个字，且不能含控制字符`, en: `A name has at most ${MAX_NAME} characters and no control characters` },
  category: { zh: '类别须为：治疗、特价项目、口腔护理产品、会员费 之一', en: 'The category must be one of: treatment, special-price item, oral-care product, membership fee' },
  priceFormat: { zh: '价格应为金额，最多两位小数，如 280 或 99.50', en: 'The price must be an amount with at most 2 decimals, e.g. 280 or 99.50' },
  priceZero: { zh: '价格必须大于 0', en: 'The price must be more than zero' },
  priceTooLarge: { zh: '价格超过 1,000,000，请核对', en: 'The price is above 1,000,000; please check it' },
  // Issue 14: in the chain's currency (¥ or ₽).
  membershipFee: (fen: Fen, currency: Currency) => ({
    zh: `会员费项目的价格须等于政策中的年度会员费 ${formatMoney(fen, currency)}`,
    en: `A membership fee item must cost the policy's annual fee, ${formatMoney(fen, currency)}`,
  }),
  duplicate: { zh: '价目表中已有同名项目', en: 'The price list already has an item with this name' },
} as const

export type Reason = { zh: string; en: string }
export interface FieldProblem { field: PriceField; reason: Reason }

const CONTROL = /[\u0000-\u001f\u007f]/

/** The name as staff mean it: NFKC (full-width letters → half), spaces collapsed, trimmed. */
export const cleanName = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim()

/** Two names that are the same item: case and spacing do not make a new one. */
export const nameKey = (name: string): string => cleanName(name).toLowerCase().replace(/ /g, '')

export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v)

/** Every problem of one input (empty when it is a valid item). M1: membership priced as the policy says. */
export function priceItemProblems(input: PriceItemInput, policy: Pick<Policy, 'membership' | 'currency'>): FieldProblem[] {
  const out: FieldProblem[] = []
  const name = typeof input.name === 'string' ? cleanName(input.name) : ''
  if (!name) out.push({ field: 'name', reason: REASON.nameRequired })
  else if (name.length > MAX_NAME || CONTROL.test(name)) out.push({ field: 'name', reason: REASON.nameFormat })
  if (!isCategory(input.category)) out.push({ field: 'category', reason: REASON.category })
  const p = input.priceFen
  if (!Number.isSafeInteger(p)) out.push({ field: 'priceFen', reason: REASON.priceFormat })
  else if (p <= 0) out.push({ field: 'priceFen', reason: REASON.priceZero })
  else if (p > MAX_PRICE_FEN) out.push({ field: 'priceFen', reason: REASON.priceTooLarge })
  else if (input.category === 'membership_fee' && p !== policy.membership.annualFeeFen) {
    out.push({ field: 'priceFen', reason: REASON.membershipFee(policy.membership.annualFeeFen, policy.currency) })
  }
  return out
}

/** The input as an item's fields, or PRICE_ITEM_INVALID naming the first bad field (all in `details.problems`). */
export function validatePriceItem(input: PriceItemInput, policy: Pick<Policy, 'membership' | 'currency'>): { name: string; category: Category; priceFen: Fen; active: boolean } {
  const problems = priceItemProblems(input, policy)
  if (problems.length) {
    const first = problems[0]
    throw new DomainError('PRICE_ITEM_INVALID', { field: first.field, problems }, {
      zh: `${FIELD_LABEL[first.field].zh}：${first.reason.zh}`,
      en: `${FIELD_LABEL[first.field].en}: ${first.reason.en}`,
    })
  }
  return { name: cleanName(input.name), category: input.category as Category, priceFen: input.priceFen, active: input.active !== false }
}

/** "280" / "¥1,280.50" / "99.5元" / "1,280.50 ₽" → minor units (fen, kopecks), exactly (no floating point); a reason when it is not a price. */
export function parsePriceYuan(cell: string): { ok: true; fen: Fen } | { ok: false; reason: Reason } {
  const v = cell.normalize('NFKC').trim().replace(/^[¥￥₽]/, '').replace(/[,\s]/g, '').replace(/(元|卢布|₽)$/, '')
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v)
  if (!m) return { ok: false, reason: REASON.priceFormat }
  const whole = m[1].replace(/^0+(?=\d)/, '')
  if (whole.length > 7) return { ok: false, reason: REASON.priceTooLarge }
  const fen = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  if (fen === 0) return { ok: false, reason: REASON.priceZero }
  return fen > MAX_PRICE_FEN ? { ok: false, reason: REASON.priceTooLarge } : { ok: true, fen }
}
