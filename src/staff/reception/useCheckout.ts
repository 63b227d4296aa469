/**
 * S2, S3: preview the bill, then confirm it idempotently: one requestId per bill content, so a
 * retry or a double tap never charges twice. Before it charges, the desk is asked 「确认 李明 本次应付
 * ¥495.00 已收款？」 (issue 12); a second tap while that question is open asks nothing and sends nothing.
 */
import { useRef, useState } from 'react'
import type { BillRequest, ConfirmedBill, ScannedCard, ScannedCoupon } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { newRequestId } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { fingerprint, type Payer, type Preview } from './desk'
import type { DeskLine } from './deskLines'

type Update<T> = (f: (prev: T) => T) => void

/** The receipt with who paid, so a refund can be asked for by name (RefundPanel). */
export type DeskReceipt = ConfirmedBill & { payerName: string }

export interface CheckoutInputs {
  payer: Payer | null
  items: DeskLine[]
  card: ScannedCard | null
  coupon: ScannedCoupon | null
  billRequest: () => { ok: true; req: BillRequest } | { ok: false; message: BannerMessage }
  setError: (e: BannerMessage | null) => void
  setPayer: Update<Payer | null>
  setCard: Update<ScannedCard | null>
  setConsentNeeded: (v: boolean) => void
  /** Issue 13: an item was retired or removed since the desk loaded the price list: load it again. */
  onPriceListStale: () => void
}

export function useCheckout({ payer, items, card, coupon, billRequest, setError, setPayer, setCard, setConsentNeeded, onPriceListStale }: CheckoutInputs) {
  const [preview, setPreview] = useState<Preview | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [receipt, setReceipt] = useState<DeskReceipt | null>(null)

  /** S3: one requestId per bill content; a retry or a double tap reuses it. */
  const request = useRef<{ fp: string; id: string } | null>(null)
  const confirmLock = useRef(false)


  /** M4: the server wants the owner's consent; staff can ask for it from here. */
  const noteConsent = (code: string) => {
    if (code === 'CONSENT_REQUIRED') setConsentNeeded(true)
    if (code === 'PRICE_ITEM_INACTIVE' || code === 'PRICE_ITEM_NOT_FOUND') onPriceListStale()
  }

  async function runPreview() {
    if (!payer || items.length === 0) return
    const built = billRequest()
    if (!built.ok) {
      setError(built.message)
      return
    }
    setPreviewing(true)
    setError(null)
    try {
      const result = await callFunction('reception', 'previewBill', built.req)
      const fp = fingerprint(built.req, card?.cardId ?? null, coupon?.couponId ?? null)
      if (!request.current || request.current.fp !== fp) request.current = { fp, id: newRequestId() }
      setPreview({ result, requestId: request.current.id })
    } catch (e) {
      const err = toApiError(e)
      setError(err)
      noteConsent(err.code)
    } finally {
      setPreviewing(false)
    }
  }


  async function confirm() {
    if (!payer || !preview || confirmLock.current) return
    const built = billRequest()
    if (!built.ok) {
      setError(built.message)
      return
    }
    confirmLock.current = true // a second tap before React re-renders is ignored too
    setError(null)
    try {
      if (!(await confirmAction(CONFIRM.payBill(payer.name, preview.result.totals.dueFen)))) return
      setConfirming(true)
      const done = await callFunction('reception', 'confirmBill', {
        ...built.req,
        requestId: preview.requestId,
        expectedDueFen: preview.result.totals.dueFen,
      })
      setReceipt({ ...done, payerName: payer.name })
      // The answer carries the standing and the balances after the bill (issue 13): nothing is worked out here.
      const ownBonusAfter = built.req.useOwnerBalanceFen ? undefined : done.bonusBalanceAfterFen
      setPayer((p) => p && (p.scanned
        ? { ...p, scanned: { ...p.scanned, tier: done.tierAfter, cumulativeSpendFen: done.cumulativeSpendAfterFen, bonusBalanceFen: ownBonusAfter ?? p.scanned.bonusBalanceFen } }
        : p))
      const cardLeft = done.cardBalanceAfterFen
      if (cardLeft !== undefined) setCard((c) => c && { ...c, balanceFen: cardLeft, state: cardLeft === 0 ? 'used_up' : 'partly_used' })
    } catch (e) {
      const err = toApiError(e)
      setError(err)
      // BILL_CHANGED: what staff saw is no longer what would be charged; they must preview again.
      // Otherwise the same requestId is kept, so tapping confirm again is a safe retry (S3).
      if (err.code === 'BILL_CHANGED') setPreview(null)
      noteConsent(err.code)
    } finally {
      confirmLock.current = false
      setConfirming(false)
    }
  }

  return { preview, setPreview, previewing, confirming, receipt, setReceipt, request, runPreview, confirm }
}
