/**
 * The desk's state machine (machine.ts) with its round trips: scan (S1), preview the quote (S2),
 * confirm it idempotently (S3, issue 13 item 7). One lock per money action (useSubmit): a double tap
 * sends once. Before it charges, the desk is asked 「确认 李明 本次应付 ¥495.00 已用微信支付收款？」 (issue 12);
 * a second tap while that question is open asks nothing and sends nothing.
 */
import { useReducer, useState } from 'react'
import Taro from '@tarojs/taro'
import { callFunction, toApiError } from '../../services/cloud'
import { newRequestId } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { buildBillRequest, fingerprint } from './desk'
import { basisOf, deskReducer, INITIAL_DESK, type DeskEvent, type DeskFields, type DeskState } from './machine'
import { useBillLines } from './useBillLines'
import { useSubmit } from './useSubmit'
import { PAYMENT_METHOD_LABEL, type PaymentMethod } from '../../domain/bill/payment'

/** The server no longer agrees with what staff saw: the desk must show a new preview. */
const STALE = new Set(['QUOTE_CHANGED', 'BILL_CHANGED'])

export function useDesk() {
  const [state, dispatch] = useReducer(deskReducer, INITIAL_DESK)
  const submit = useSubmit()
  /** What the scanner gun or staff typed in the scan box; emptied once it named someone. */
  const [code, setCode] = useState('')
  // Issue 13: how the money was paid, recorded (not processed); the desk's usual way stays chosen for the next bill.
  const [method, setMethod] = useState<PaymentMethod>('wechat_pay')
  const fail = (error: BannerMessage) => dispatch({ type: 'failed', error })
  const bill = useBillLines(state.lines, (lines) => dispatch({ type: 'linesChanged', lines }), fail)
  const billRequest = (s: DeskState) => buildBillRequest({ ...s.fields, payer: s.payer, items: s.lines, card: s.card, coupon: s.coupon })

  /** M4: the server wants the owner's consent; a retired item: load the price list again. */
  const noteRefusal = (code: string) => {
    if (code === 'CONSENT_REQUIRED') dispatch({ type: 'consentNeeded' })
    if (code === 'PRICE_ITEM_INACTIVE' || code === 'PRICE_ITEM_NOT_FOUND') bill.reload()
  }

  const lookup = (raw: string) => submit.run('scan', async () => {
    const value = raw.trim()
    if (!value) return fail({ zh: '请输入会员码、亲友卡码、优惠券码或病历号', en: 'Enter a member code, a friend card code, a coupon code or a record number', code: 'VALIDATION' })
    dispatch({ type: 'errorCleared' })
    try {
      const result = await callFunction('reception', 'scan', { code: value })
      if (result.kind !== 'patient' && result.kind !== 'friend_card' && result.kind !== 'coupon') {
        // A kind of code this desk does not bill yet: say so rather than guess.
        return fail({ zh: '这种二维码暂不能在此收款使用', en: 'This kind of code cannot be used on a bill here yet', code: 'CODE_WRONG_KIND' })
      }
      setCode('')
      dispatch({ type: 'scanned', result })
    } catch (e) {
      fail(toApiError(e))
    }
  })

  async function scanWithCamera() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })
      await lookup(res.result)
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      if (/cancel/i.test(msg)) return // staff closed the camera: not an error
      fail(toApiError(e))
    }
  }

  /** The quote of the bill as it is now (S2). */
  async function quote(s: DeskState): Promise<void> {
    const built = billRequest(s)
    if (!built.ok) return fail(built.message)
    try {
      const result = await callFunction('reception', 'previewBill', built.req)
      const fp = fingerprint(built.req, s.card?.cardId ?? null, s.coupon?.couponId ?? null)
      dispatch({ type: 'previewed', result, fp, newId: newRequestId(), basis: basisOf(s) })
    } catch (e) {
      const err = toApiError(e)
      fail(err)
      noteRefusal(err.code)
    }
  }

  const preview = () => submit.run('preview', async () => {
    if (state.stage !== 'bill' && state.stage !== 'previewed') return
    dispatch({ type: 'errorCleared' })
    await quote(state)
  })

  const confirm = () => submit.run('confirm', async () => {
    const s = state
    const payer = s.payer
    if (s.stage !== 'previewed' || !s.preview || !payer) return
    const built = billRequest(s)
    if (!built.ok) return fail(built.message)
    const { result, requestId } = s.preview
    if (!(await confirmAction(CONFIRM.payBill(payer.name, result.totals.dueFen, PAYMENT_METHOD_LABEL[method])))) return
    try {
      const done = await callFunction('reception', 'confirmBill', { ...built.req, requestId, quoteId: result.quoteId, expectedDueFen: result.totals.dueFen, paymentMethod: method })
      // The answer carries the standing and the balances after the bill (issue 13): nothing is worked out here.
      const ownBonusAfter = built.req.useOwnerBalanceFen ? undefined : done.bonusBalanceAfterFen
      const after = payer.scanned
        ? { ...payer, scanned: { ...payer.scanned, tier: done.tierAfter, cumulativeSpendFen: done.cumulativeSpendAfterFen, bonusBalanceFen: ownBonusAfter ?? payer.scanned.bonusBalanceFen } }
        : payer
      dispatch({ type: 'paid', receipt: { ...done, payerName: payer.name }, payer: after, cardBalanceAfterFen: done.cardBalanceAfterFen })
    } catch (e) {
      const err = toApiError(e)
      fail(err)
      noteRefusal(err.code)
      // A price or balance changed: show the new quote at once (the same requestId is kept for an
      // unchanged bill, so confirming the new quote is still one charge, S3). Otherwise the preview
      // stays and tapping confirm again is a safe retry.
      if (STALE.has(err.code)) {
        dispatch({ type: 'previewStale' })
        await quote({ ...s, stage: 'bill', preview: null })
      }
    }
  })

  const send = (e: DeskEvent) => dispatch(e)
  const setField = (field: keyof DeskFields) => (value: string) => dispatch({ type: 'fieldChanged', field, value })

  return { state, send, setField, bill, submit, code, setCode, lookup, scanWithCamera, preview, confirm, method, setMethod }
}
