/**
 * The reception desk as a state machine (issue 13 item 7): idle → payer → bill → previewed → paid.
 * A pure reducer: every screen of the desk is a state, every tap or answer an event, and an event
 * that does not belong to the state (confirming with no preview, editing a paid bill) is refused by
 * returning the same state object, so nothing re-renders and nothing is sent.
 *
 * - idle: nobody to bill yet (a card or coupon may be scanned whose holder is not registered, F5).
 * - payer: someone pays (S1), the bill has no lines.
 * - bill: lines on the bill (S2); any change to the bill after a preview comes back here.
 * - previewed: the server's quote is on screen; only it may be confirmed (issue 13 item 7).
 * - paid: the receipt (S3); a new scan starts over, "next bill" keeps the payer.
 */
import type { BalanceRequest, ConfirmedBill, ScannedCard, ScannedCoupon, ScanResult } from '../../api/contract'
import type { QuotedBill } from '../../domain/bill/quote'
import type { BannerMessage } from '../../components/ErrorBanner'
import type { Payer } from './desk'
import type { DeskLine } from './deskLines'

/** The receipt with who paid, so a refund can be asked for by name (RefundPanel). */
export type DeskReceipt = ConfirmedBill & { payerName: string }

export type Stage = 'idle' | 'payer' | 'bill' | 'previewed' | 'paid'

/** What staff typed beside the lines (R2 referrer, M5 named member, R5 bonus, M4 owner's balance and consent, the override reason). */
export interface DeskFields { bonusText: string; overrideText: string; referrerText: string; namedText: string; ownerText: string; consentText: string }
export const NO_FIELDS: DeskFields = { bonusText: '', overrideText: '', referrerText: '', namedText: '', ownerText: '', consentText: '' }

/** A preview on screen: the quote and the idempotency key its confirmation will use (S3). */
export interface DeskPreview { result: QuotedBill; requestId: string }

export interface DeskState {
  stage: Stage
  payer: Payer | null
  card: ScannedCard | null
  coupon: ScannedCoupon | null
  lines: DeskLine[]
  fields: DeskFields
  /** M4: the server asked for the owner's consent; the request staff sent for it. */
  consentNeeded: boolean
  consentRequest: BalanceRequest | null
  preview: DeskPreview | null
  receipt: DeskReceipt | null
  /** S3: one requestId per bill content (fingerprint): a retry or a double tap reuses it. */
  request: { fp: string; id: string } | null
  /** Each scan of a card or coupon, and each new bill, starts its form afresh (React keys). */
  cardScan: number
  couponScan: number
  billKey: number
  error: BannerMessage | null
}

export type DeskEvent =
  | { type: 'scanned'; result: ScanResult }
  | { type: 'cardRegistered'; card: ScannedCard }
  | { type: 'couponRegistered'; patientId: string; name: string }
  | { type: 'cardRemoved' }
  | { type: 'couponRemoved' }
  | { type: 'linesChanged'; lines: DeskLine[] }
  | { type: 'fieldChanged'; field: keyof DeskFields; value: string }
  | { type: 'consentNeeded' }
  | { type: 'consentRequested'; request: BalanceRequest | null }
  /**
   * `newId` is used only when the bill differs from the one last previewed (`fp`); `basis` is the
   * bill the preview was asked for (basisOf), so an answer for a bill changed meanwhile is dropped.
   */
  | { type: 'previewed'; result: QuotedBill; fp: string; newId: string; basis: Basis }
  /** The server refused the quote (QUOTE_CHANGED, BILL_CHANGED): back to the bill, preview again. */
  | { type: 'previewStale' }
  | { type: 'paid'; receipt: DeskReceipt; payer: Payer | null; cardBalanceAfterFen?: number }
  | { type: 'nextBill' }
  | { type: 'failed'; error: BannerMessage }
  | { type: 'errorCleared' }

export const INITIAL_DESK: DeskState = {
  stage: 'idle', payer: null, card: null, coupon: null, lines: [], fields: NO_FIELDS, consentNeeded: false, consentRequest: null,
  preview: null, receipt: null, request: null, cardScan: 0, couponScan: 0, billKey: 0, error: null,
}

/** What a preview was asked for: the parts of the state a change to the bill replaces (compared by reference). */
export type Basis = readonly unknown[]
export const basisOf = (s: DeskState): Basis => [s.payer, s.lines, s.fields, s.card, s.coupon]
const sameBasis = (a: Basis, b: Basis) => a.length === b.length && a.every((x, i) => x === b[i])

/** Where an unpaid desk stands once its preview is dropped: no payer, a payer, or a bill with lines. */
const unpaidStage = (s: Pick<DeskState, 'payer' | 'lines'>): Stage => (!s.payer ? 'idle' : s.lines.length === 0 ? 'payer' : 'bill')

/** Any change to the bill drops the preview: a confirmation must match what staff saw. */
const touched = (s: DeskState, change: Partial<DeskState>): DeskState => {
  const next = { ...s, ...change, preview: null, error: null }
  return { ...next, stage: unpaidStage(next) }
}

/** A fresh bill for the same desk: lines, typed fields, consent, preview and receipt go; payer, card and coupon are decided by the caller. */
const freshBill = (s: DeskState): DeskState => ({
  ...s, lines: [], fields: NO_FIELDS, consentNeeded: false, consentRequest: null, preview: null, receipt: null, request: null, billKey: s.billKey + 1,
})

function onScan(start: DeskState, result: ScanResult): DeskState {
  // After a receipt, a scan starts the next payment: nobody, no card and no coupon carried over.
  const s = start.stage === 'paid' ? { ...freshBill(start), payer: null, card: null, coupon: null } : start
  if (result.kind === 'patient') {
    const { kind: _kind, ...scanned } = result
    const next = { ...freshBill(s), payer: { patientId: scanned.patientId, name: scanned.name, scanned }, error: null }
    return { ...next, stage: 'payer' }
  }
  if (result.kind === 'friend_card') {
    const { kind: _kind, ...card } = result
    // F4 "any person": a payer scanned before the card stays the payer; otherwise the registered holder pays.
    const holder = card.holderPatientId
    const payer = s.payer ?? (holder ? { patientId: holder, name: card.holderName, scanned: null } : null)
    return touched(s, { card, cardScan: s.cardScan + 1, payer })
  }
  const { kind: _kind, ...coupon } = result
  // R2: the coupon is the holder's own first-visit discount, so the holder pays.
  const holder = coupon.holderPatientId
  const payer = holder && s.payer?.patientId !== holder ? { patientId: holder, name: coupon.holderName, scanned: null } : s.payer
  return touched(s, { coupon, couponScan: s.couponScan + 1, payer })
}

const editable = (s: DeskState) => s.stage === 'payer' || s.stage === 'bill' || s.stage === 'previewed'

export function deskReducer(s: DeskState, e: DeskEvent): DeskState {
  switch (e.type) {
    case 'scanned':
      return onScan(s, e.result)
    case 'cardRegistered': {
      if (s.stage === 'paid' || !s.card) return s
      const holder = e.card.holderPatientId
      return touched(s, { card: e.card, payer: s.payer ?? (holder ? { patientId: holder, name: e.card.holderName, scanned: null } : null) })
    }
    case 'couponRegistered': {
      if (s.stage === 'paid' || !s.coupon) return s
      const payer = s.payer?.patientId === e.patientId ? s.payer : { patientId: e.patientId, name: e.name, scanned: null }
      return touched(s, { coupon: { ...s.coupon, holderPatientId: e.patientId, holderName: e.name }, payer })
    }
    case 'cardRemoved':
      return s.stage === 'paid' || !s.card ? s : touched(s, { card: null })
    case 'couponRemoved':
      return s.stage === 'paid' || !s.coupon ? s : touched(s, { coupon: null })
    case 'linesChanged':
      return editable(s) ? touched(s, { lines: e.lines }) : s
    case 'fieldChanged':
      return editable(s) ? touched(s, { fields: { ...s.fields, [e.field]: e.value } }) : s
    case 'consentNeeded':
      return editable(s) ? { ...s, consentNeeded: true } : s
    case 'consentRequested':
      return editable(s) ? { ...s, consentRequest: e.request } : s // asking the owner changes nothing on the bill
    case 'previewed': {
      // Only a bill with lines can be quoted; an answer arriving after the desk moved on is dropped.
      if (s.stage !== 'bill' && s.stage !== 'previewed') return s
      if (!sameBasis(e.basis, basisOf(s))) return s
      const request = s.request && s.request.fp === e.fp ? s.request : { fp: e.fp, id: e.newId }
      // The error stays: after QUOTE_CHANGED it says why the amount on screen is new (useDesk clears it before a preview).
      return { ...s, stage: 'previewed', preview: { result: e.result, requestId: request.id }, request }
    }
    case 'previewStale':
      return s.stage === 'previewed' ? { ...s, stage: 'bill', preview: null } : s
    case 'paid': {
      // The server's answer is a fact: money was taken, so the receipt shows even if staff touched
      // the bill while it was on its way (useDesk sends a confirmation only from `previewed`).
      if (s.stage === 'paid') return s
      const left = e.cardBalanceAfterFen
      const card = s.card && left !== undefined ? { ...s.card, balanceFen: left, state: left === 0 ? 'used_up' as const : 'partly_used' as const } : s.card
      return { ...s, stage: 'paid', receipt: e.receipt, payer: e.payer ?? s.payer, card, error: null }
    }
    case 'nextBill': {
      if (s.stage !== 'paid' || !s.receipt) return s
      // The same payer may pay again; a used-up card and a spent coupon leave the desk.
      const card = s.card && s.card.balanceFen > 0 ? s.card : null
      const coupon = s.receipt.result.totals.couponFen > 0 ? null : s.coupon
      return { ...freshBill(s), card, coupon, stage: unpaidStage({ payer: s.payer, lines: [] }) }
    }
    case 'failed':
      return { ...s, error: e.error }
    case 'errorCleared':
      return s.error ? { ...s, error: null } : s
  }
}
