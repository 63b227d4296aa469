/**
 * Reception desk helpers: label maps, who pays, the bill request as the server will see it, and
 * its idempotency fingerprint (S3).
 */
import type { BillRequest, Persona, ScannedCard, ScannedCoupon, ScannedPatient } from '../../api/contract'
import type { BillResult, AdjustmentKind } from '../../domain/bill/engine'
import { money } from '../../services/chain'
import { parseYuan } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { payerProof } from './OverrideReason'
import type { Msg } from '../../i18n'
import { lineInput, type DeskLine } from './deskLines'

export type Staff = Extract<Persona, { kind: 'staff' }>

/** A deduction as shown in the totals: "-¥54.00", or "¥0.00" when nothing was taken off. */
export const minus = (fen: number): string => (fen > 0 ? money(-fen) : money(0))

export const BASIS_LABEL: Record<NonNullable<ScannedPatient['discount']>, Msg> = {
  member: { zh: '会员本人 88折', en: 'Member, 12% off' },
  family: { zh: '家庭成员', en: 'Family member' },
}

export const ADJ_LABEL: Record<AdjustmentKind, Msg> = {
  member_discount: { zh: '会员折扣', en: 'Member discount' },
  first_visit_coupon: { zh: '首诊券', en: 'First-visit coupon' },
  friend_card: { zh: '亲友卡', en: 'Friend card' },
  bonus: { zh: '奖励金', en: 'Bonus' },
}

export const birthdayField = (b: string) => (b.trim() ? { birthday: b.trim() } : {})

export interface Preview { result: BillResult; requestId: string }

/**
 * Who pays. `scanned`: the patient's own code or record number was scanned (full panel). null: the
 * payer is the friend card's registered holder, known only by name from the card (F4, F5).
 */
export interface Payer { patientId: string; name: string; scanned: ScannedPatient | null }

/**
 * The bill as the server will see it; also the identity of an idempotency key (S3). The card is
 * named by its id, not by the ticket: a re-scan of the same card (new ticket) must not turn a
 * retry into a second charge.
 */
export function fingerprint(req: BillRequest, cardId: string | null, couponId: string | null): string {
  return JSON.stringify([
    req.patientId, req.items.map((l) => ('itemId' in l ? ['item', l.itemId, l.quantity ?? 1] : ['text', l.name, l.category, l.amountFen])), req.useBonusFen ?? 0, cardId,
    req.namedMemberCode ?? null, req.useOwnerBalanceFen ?? 0, couponId, req.referrerCode ?? null,
  ])
}

/** M6: who may refund (the server enforces it too). */
export const REFUNDERS: Array<Staff['role']> = ['director', 'admin']

export const payerOf = (p: ScannedPatient): Payer => ({ patientId: p.patientId, name: p.name, scanned: p })

type Fen = { ok: true; fen: number } | { ok: false; message: BannerMessage }

/** R5: bonus to use, in fen, never more than the balance; '' means none. */
export function bonusFen(bonusText: string, patient: ScannedPatient | null): Fen {
  if (bonusText.trim() === '') return { ok: true, fen: 0 }
  const parsed = parseYuan(bonusText)
  if (!parsed.ok) return { ok: false, message: { ...parsed.message, code: 'VALIDATION' } }
  if (patient && parsed.fen > patient.bonusBalanceFen) {
    return { ok: false, message: { zh: `奖励金最多可用 ${money(patient.bonusBalanceFen)}`, en: `At most ${money(patient.bonusBalanceFen)} of bonus can be used`, code: 'VALIDATION' } }
  }
  return { ok: true, fen: parsed.fen }
}

/** M4: the owner's balance to use, in fen; '' means none. */
export function ownerFen(ownerText: string): Fen {
  if (ownerText.trim() === '') return { ok: true, fen: 0 }
  const parsed = parseYuan(ownerText)
  if (!parsed.ok) return { ok: false, message: { ...parsed.message, code: 'VALIDATION' } }
  return { ok: true, fen: parsed.fen }
}

/** Everything staff typed or scanned that goes on the bill. */
export interface BillInputs {
  payer: Payer | null
  items: DeskLine[]
  card: ScannedCard | null
  coupon: ScannedCoupon | null
  bonusText: string
  ownerText: string
  namedText: string
  referrerText: string
  consentText: string
  overrideText: string
}

/** The bill as staff built it, with everything that applies (S2), or what is wrong with it. */
export function buildBillRequest(b: BillInputs): { ok: true; req: BillRequest } | { ok: false; message: BannerMessage } {
  const { payer, items, card, coupon } = b
  if (!payer) return { ok: false, message: { zh: '请先扫码确定付款人', en: 'Scan the payer first', code: 'VALIDATION' } }
  const bonus = bonusFen(b.bonusText, payer.scanned)
  if (!bonus.ok) return bonus
  const owner = ownerFen(b.ownerText)
  if (!owner.ok) return owner
  const named = b.namedText.trim()
  const referrer = b.referrerText.trim()
  const consent = b.consentText.trim()
  const proof = payerProof(bonus.fen > 0 || owner.fen > 0, payer.scanned?.payerTicket, b.overrideText)
  if (!proof.ok) return proof
  const req: BillRequest = {
    patientId: payer.patientId,
    items: items.map(lineInput), // issue 13: price list items by id (the catalogue prices them), or a director's typed line
    ...(bonus.fen > 0 ? { useBonusFen: bonus.fen } : {}),
    ...(card ? { friendCardTicket: card.ticket } : {}),
    ...(coupon ? { couponTicket: coupon.ticket } : {}),
    ...(referrer ? { referrerCode: referrer } : {}),
    ...(named ? { namedMemberCode: named } : {}),
    ...(owner.fen > 0 ? { useOwnerBalanceFen: owner.fen } : {}),
    ...(owner.fen > 0 && consent ? { ownerConsentId: consent } : {}),
    ...proof.fields,
  }
  return { ok: true, req }
}
