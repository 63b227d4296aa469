/**
 * The bill's lines as the desk holds them (issue 13 item 1; M2, F4): a price list item and how many,
 * or — for the director and admin only — a one-off typed line. What is sent is the line as the server
 * reads it (`{ itemId, quantity }` or free text); what is shown (name, category, amount) is the
 * catalogue's, so the receptionist never chooses a category.
 */
import type { BillLineInput } from '../../api/contract'
import type { PriceItemView } from '../../api/pricelist'
import type { Category } from '../../domain/policy'
import { MAX_QUANTITY } from '../../domain/pricelist/resolve'
import type { Msg } from '../../i18n'

export type DeskLine =
  | { kind: 'item'; itemId: string; name: string; category: Category; priceFen: number; quantity: number }
  | { kind: 'text'; name: string; category: Category; amountFen: number }

export const fromPriceItem = (p: PriceItemView): DeskLine =>
  ({ kind: 'item', itemId: p.itemId, name: p.name, category: p.category, priceFen: p.priceFen, quantity: 1 })

export const lineAmount = (l: DeskLine): number => (l.kind === 'item' ? l.priceFen * l.quantity : l.amountFen)

/** The line as the bill request carries it. */
export const lineInput = (l: DeskLine): BillLineInput =>
  (l.kind === 'item' ? { itemId: l.itemId, quantity: l.quantity } : { name: l.name, category: l.category, amountFen: l.amountFen })

const ONE_FEE: Msg = { zh: '每张账单只能有一项会员费', en: 'One membership fee per bill' }
const TOO_MANY: Msg = { zh: `同一项目数量最多 ${MAX_QUANTITY}`, en: `At most ${MAX_QUANTITY} of one item` }

/**
 * The lines with one more: picking an item already on the bill adds one to its quantity rather than
 * a second line; M1 allows one membership fee per bill. A refusal says why.
 */
export function addLine(lines: readonly DeskLine[], add: DeskLine): { ok: true; lines: DeskLine[] } | { ok: false; message: Msg } {
  if (add.category === 'membership_fee' && lines.some((l) => l.category === 'membership_fee')) return { ok: false, message: ONE_FEE }
  const at = add.kind === 'item' ? lines.findIndex((l) => l.kind === 'item' && l.itemId === add.itemId) : -1
  if (at < 0) return { ok: true, lines: [...lines, add] }
  return withQuantity(lines, at, (lines[at] as Extract<DeskLine, { kind: 'item' }>).quantity + 1)
}

/** The quantity stepper: 1 to MAX_QUANTITY (removing a line is its own button). */
export function withQuantity(lines: readonly DeskLine[], index: number, quantity: number): { ok: true; lines: DeskLine[] } | { ok: false; message: Msg } {
  const l = lines[index]
  if (!l || l.kind !== 'item' || quantity < 1) return { ok: true, lines: [...lines] }
  if (l.category === 'membership_fee' && quantity > 1) return { ok: false, message: ONE_FEE }
  if (quantity > MAX_QUANTITY) return { ok: false, message: TOO_MANY }
  return { ok: true, lines: lines.map((x, i) => (i === index ? { ...l, quantity } : x)) }
}
