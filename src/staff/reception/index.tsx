/**
 * Reception (staff subpackage): scan a member or a friend card (S1), build a bill (S2), preview
 * what applies and why, confirm payment idempotently (S3). The server enforces roles; this page
 * only refuses to offer the actions to someone who is not staff.
 *
 * Friend card (F4, F5): scanning the friend's card code gives a ticket that lets this desk bill the
 * card; it rides on the preview and the confirmation. The payer is whoever was scanned first
 * ("any person", F4); with nobody scanned, the card's registered holder pays, and an unregistered
 * holder is registered here first (登记到店, F5: the card then no longer expires).
 *
 * First-visit coupon (R2): scanning the friend's coupon code gives a ticket the same way; the coupon
 * is the holder's own, so the holder pays (registered here first if they have no record yet). Or the
 * friend names the referrer's number (推荐人编号), which works the same. A non-member may name a
 * member (报会员编号, M5). A family member may pay from the owner's balance with the owner's consent
 * (M4): a standing permission, or a request the owner approves in the app; its id rides on the bill.
 * After a receipt, a director or admin can refund (M6), idempotently like every money action (S3).
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { BalanceRequest, BillRequest, ConfirmedBill, Persona, RefundResult, ScannedCard, ScannedCoupon, ScannedPatient } from '../../api/contract'
import type { BillItem, BillResult, AdjustmentKind } from '../../domain/bill/engine'
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../../domain/policy'
import { formatFen } from '../../domain/money'
import { callFunction, toApiError } from '../../services/cloud'
import { CARD_STATE_LABEL, TIER_LABEL, clinicDate, isBirthdayOrEmpty, isMobile, parseYuan, newRequestId } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import './index.css'
import { StaffPage } from '../../components/StaffPage'
// Issue 10: find a patient, binding codes, walk-ins, and who may spend stored value (R5, M4).
import { PatientLookup } from './PatientLookup'
import { WalkInForm } from './WalkInForm'
import { OverrideReason, payerProof } from './OverrideReason'
import { PhoneHasRecordNotice, bannerOf, phoneHasRecord, type ExistingRecord } from './BindingCodePanel'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** A deduction as shown in the totals: "-¥54.00", or "¥0.00" when nothing was taken off. */
const minus = (fen: number): string => (fen > 0 ? formatFen(-fen) : formatFen(0))

const BASIS_LABEL: Record<NonNullable<ScannedPatient['discount']>, string> = {
  member: '会员本人 88折 Member',
  family: '家庭成员 Family member',
}

const ADJ_LABEL: Record<AdjustmentKind, string> = {
  member_discount: '会员折扣',
  first_visit_coupon: '首诊券',
  friend_card: '亲友卡',
  bonus: '奖励金',
}

const birthdayField = (b: string) => (b.trim() ? { birthday: b.trim() } : {})

export default function ReceptionPage() {
  return (
    <StaffPage title='前台收款' subtitle='Reception · scan, bill, confirm'>
      {(staff) => <ReceptionDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

interface Preview { result: BillResult; requestId: string }

/**
 * Who pays. `scanned`: the patient's own code or record number was scanned (full panel). null: the
 * payer is the friend card's registered holder, known only by name from the card (F4, F5).
 */
interface Payer { patientId: string; name: string; scanned: ScannedPatient | null }

/**
 * The bill as the server will see it; also the identity of an idempotency key (S3). The card is
 * named by its id, not by the ticket: a re-scan of the same card (new ticket) must not turn a
 * retry into a second charge.
 */
function fingerprint(req: BillRequest, cardId: string | null, couponId: string | null): string {
  return JSON.stringify([
    req.patientId, req.items.map((i) => [i.name, i.category, i.amountFen]), req.useBonusFen ?? 0, cardId,
    req.namedMemberCode ?? null, req.useOwnerBalanceFen ?? 0, couponId, req.referrerCode ?? null,
  ])
}

/** M1: the annual membership as a bill item (the server checks the fee against the policy). */
const ANNUAL_FEE: BillItem = { name: '年度会员 Annual membership', category: 'membership_fee', amountFen: 89_900 }

/** M6: who may refund (the server enforces it too). */
const REFUNDERS: Array<Extract<Persona, { kind: 'staff' }>['role']> = ['director', 'admin']

const payerOf = (p: ScannedPatient): Payer => ({ patientId: p.patientId, name: p.name, scanned: p })

function ReceptionDesk({ staff }: { staff: Extract<Persona, { kind: 'staff' }> }) {
  const [error, setError] = useState<BannerMessage | null>(null)
  const [code, setCode] = useState('')
  const [scanning, setScanning] = useState(false)
  const [payer, setPayer] = useState<Payer | null>(null)
  const patient = payer?.scanned ?? null
  const [card, setCard] = useState<ScannedCard | null>(null)
  const [regName, setRegName] = useState('')
  const [regPhone, setRegPhone] = useState('')
  const [registering, setRegistering] = useState(false)
  /** R2: the first-visit coupon on this bill, and its holder's registration. */
  const [coupon, setCoupon] = useState<ScannedCoupon | null>(null)
  const [cpName, setCpName] = useState('')
  const [cpPhone, setCpPhone] = useState('')
  // N1, N2: the birthday, if the friend tells it, so the clinic can greet them as a member.
  const [regBirthday, setRegBirthday] = useState('')
  const [cpBirthday, setCpBirthday] = useState('')
  const [cpRegistering, setCpRegistering] = useState(false)
  /** R2 referrer's number, M5 a named member, M4 the owner's balance and consent. */
  const [referrerText, setReferrerText] = useState('')
  const [namedText, setNamedText] = useState('')
  const [ownerText, setOwnerText] = useState('')
  const [consentText, setConsentText] = useState('')
  const [consentNeeded, setConsentNeeded] = useState(false)
  const [consentRequest, setConsentRequest] = useState<BalanceRequest | null>(null)
  const [requestingConsent, setRequestingConsent] = useState(false)
  /** M6: a refund of the bill just paid. */
  const [refundAmount, setRefundAmount] = useState('')
  const [refundReason, setRefundReason] = useState('')
  const [refunding, setRefunding] = useState(false)
  const [refundDone, setRefundDone] = useState<RefundResult | null>(null)

  const [items, setItems] = useState<BillItem[]>([])
  const [name, setName] = useState('')
  const [category, setCategory] = useState<Category>('treatment')
  const [amount, setAmount] = useState('')
  const [bonusText, setBonusText] = useState('')
  const [overrideText, setOverrideText] = useState('')
  /** A registration named a phone that already has a record: offer its binding code instead. */
  const [hasRecord, setHasRecord] = useState<{ ticket: string; existing: ExistingRecord } | null>(null)

  const [preview, setPreview] = useState<Preview | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [receipt, setReceipt] = useState<ConfirmedBill | null>(null)

  /** S3: one requestId per bill content; a retry or a double tap reuses it. */
  const request = useRef<{ fp: string; id: string } | null>(null)
  const confirmLock = useRef(false)
  const registerLock = useRef(false)
  const consentLock = useRef(false)
  /** S3: one requestId per refund content; a retry reuses it. */
  const refundRequest = useRef<{ fp: string; id: string } | null>(null)
  const refundLock = useRef(false)

  const show = (e: unknown) => setError(toApiError(e))
  const report = (e: unknown) => setError(bannerOf(e))
  const noteHasRecord = (ticket: string, e: unknown) => { const existing = phoneHasRecord(e); setHasRecord(existing && { ticket, existing }) }

  /** Any change to the bill invalidates the preview (the confirm must match what staff saw). */
  const touchBill = () => {
    setPreview(null)
    setError(null)
  }

  const resetBill = () => {
    setItems([])
    setName('')
    setAmount('')
    setBonusText('')
    setOverrideText('')
    setCategory('treatment')
    setReferrerText('')
    setNamedText('')
    setOwnerText('')
    setConsentText('')
    setConsentNeeded(false)
    setConsentRequest(null)
    setRefundAmount('')
    setRefundReason('')
    setRefundDone(null)
    refundRequest.current = null
    setPreview(null)
    setReceipt(null)
    request.current = null
  }

  const dropCoupon = () => {
    setCoupon(null)
    setCpName('')
    setCpPhone('')
    setCpBirthday('')
  }

  const dropCard = () => {
    setCard(null)
    setRegName('')
    setRegPhone('')
    setRegBirthday('')
  }

  async function lookup(raw: string) {
    const value = raw.trim()
    if (!value) {
      setError({ zh: '请输入会员码、亲友卡码、优惠券码或病历号', en: 'Enter a member code, a friend card code, a coupon code or a record number', code: 'VALIDATION' })
      return
    }
    setScanning(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'scan', { code: value })
      if (r.kind !== 'patient' && r.kind !== 'friend_card' && r.kind !== 'coupon') {
        // A kind of code this desk does not bill yet: say so rather than guess.
        setError({ zh: '这种二维码暂不能在此收款使用', en: 'This kind of code cannot be used on a bill here yet', code: 'CODE_WRONG_KIND' })
        return
      }
      setCode('')
      // After a receipt, the next scan starts the next payment: nobody and no card carried over.
      const fresh = receipt !== null
      if (fresh) {
        resetBill()
        setPayer(null)
        dropCard()
        dropCoupon()
      }
      if (r.kind === 'patient') {
        const { kind: _kind, ...scanned } = r
        setPayer(payerOf(scanned))
        resetBill()
      } else if (r.kind === 'friend_card') {
        const { kind: _kind, ...scannedCard } = r
        setCard(scannedCard)
        setRegName('')
        setRegPhone('')
        setRegBirthday('')
        touchBill()
        // F4 "any person": a payer scanned before the card stays the payer; otherwise the holder pays.
        const holder = scannedCard.holderPatientId
        if (holder) setPayer((p) => p ?? { patientId: holder, name: scannedCard.holderName, scanned: null })
      } else {
        const { kind: _kind, ...scannedCoupon } = r
        setCoupon(scannedCoupon)
        setCpName('')
        setCpPhone('')
        setCpBirthday('')
        touchBill()
        // R2: the coupon is the holder's own first-visit discount, so the holder pays.
        const holder = scannedCoupon.holderPatientId
        if (holder) setPayer((p) => (p && p.patientId === holder ? p : { patientId: holder, name: scannedCoupon.holderName, scanned: null }))
      }
    } catch (e) {
      show(e)
    } finally {
      setScanning(false)
    }
  }

  async function scanWithCamera() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })
      await lookup(res.result)
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      if (/cancel/i.test(msg)) return // staff closed the camera: not an error
      show(e)
    }
  }

  function addItem() {
    const itemName = name.trim()
    if (!itemName) {
      setError({ zh: '请输入项目名称', en: 'Enter the item name', code: 'VALIDATION' })
      return
    }
    const parsed = parseYuan(amount)
    if (!parsed.ok) {
      setError({ ...parsed.message, code: 'VALIDATION' })
      return
    }
    setItems((xs) => [...xs, { name: itemName, category, amountFen: parsed.fen }])
    setName('')
    setAmount('')
    touchBill()
  }

  /** F5: the friend came in; a new patient record is made (or the existing one linked). */
  async function register() {
    if (!card || registerLock.current) return
    const needsDetails = !card.holderPatientId
    const name = regName.trim()
    const phone = regPhone.trim()
    if (needsDetails && !name) {
      setError({ zh: '请输入朋友的姓名', en: 'Enter the friend\'s name', code: 'VALIDATION' })
      return
    }
    if (needsDetails && !isMobile(phone)) {
      setError({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
      return
    }
    if (needsDetails && !isBirthdayOrEmpty(regBirthday)) {
      setError({ zh: '生日请按 年-月-日 填写，如 1990-05-20', en: 'Write the birthday as YYYY-MM-DD, e.g. 1990-05-20', code: 'VALIDATION' })
      return
    }
    registerLock.current = true
    setRegistering(true)
    setError(null)
    try {
      const r = await callFunction('friendcard', 'register', { ticket: card.ticket, ...(needsDetails ? { name, phone, ...birthdayField(regBirthday) } : {}) })
      setCard(r)
      setRegName('')
      setRegPhone('')
      setRegBirthday('')
      const holder = r.holderPatientId
      if (holder) setPayer((p) => p ?? { patientId: holder, name: r.holderName, scanned: null })
      setHasRecord(null)
    } catch (e) {
      show(e)
      noteHasRecord(card.ticket, e)
    } finally {
      registerLock.current = false
      setRegistering(false)
    }
  }

  /** R2: the coupon holder comes in for the first time; a patient record is made (or linked). */
  async function registerCouponHolder() {
    if (!coupon || registerLock.current) return
    const name = cpName.trim()
    const phone = cpPhone.trim()
    if (!name) {
      setError({ zh: '请输入朋友的姓名', en: 'Enter the friend\'s name', code: 'VALIDATION' })
      return
    }
    if (!isMobile(phone)) {
      setError({ zh: '请输入 11 位手机号', en: 'Enter an 11-digit mobile number', code: 'VALIDATION' })
      return
    }
    if (!isBirthdayOrEmpty(cpBirthday)) {
      setError({ zh: '生日请按 年-月-日 填写，如 1990-05-20', en: 'Write the birthday as YYYY-MM-DD, e.g. 1990-05-20', code: 'VALIDATION' })
      return
    }
    registerLock.current = true
    setCpRegistering(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'register', { ticket: coupon.ticket, name, phone, ...birthdayField(cpBirthday) })
      setCoupon((c) => c && { ...c, holderPatientId: r.patientId, holderName: r.name })
      setCpName('')
      setCpPhone('')
      setCpBirthday('')
      setPayer((p) => (p && p.patientId === r.patientId ? p : { patientId: r.patientId, name: r.name, scanned: null }))
      touchBill()
      setHasRecord(null)
    } catch (e) {
      show(e)
      noteHasRecord(coupon.ticket, e)
    } finally {
      registerLock.current = false
      setCpRegistering(false)
    }
  }

  function removeCoupon() {
    dropCoupon()
    touchBill()
  }

  function addAnnual() {
    if (items.some((i) => i.category === 'membership_fee')) {
      setError({ zh: '每张账单只能有一项会员费', en: 'One membership fee per bill', code: 'VALIDATION' })
      return
    }
    setItems((xs) => [...xs, ANNUAL_FEE])
    touchBill()
  }

  function removeCard() {
    dropCard()
    touchBill()
  }

  function removeItem(index: number) {
    setItems((xs) => xs.filter((_, i) => i !== index))
    touchBill()
  }

  /** R5: bonus to use, in fen, never more than the balance; '' means none. */
  function bonusFen(): { ok: true; fen: number } | { ok: false; message: BannerMessage } {
    if (bonusText.trim() === '') return { ok: true, fen: 0 }
    const parsed = parseYuan(bonusText)
    if (!parsed.ok) return { ok: false, message: { ...parsed.message, code: 'VALIDATION' } }
    if (patient && parsed.fen > patient.bonusBalanceFen) {
      return { ok: false, message: { zh: `奖励金最多可用 ${formatFen(patient.bonusBalanceFen)}`, en: `At most ${formatFen(patient.bonusBalanceFen)} of bonus can be used`, code: 'VALIDATION' } }
    }
    return { ok: true, fen: parsed.fen }
  }

  /** M4: the owner's balance to use, in fen; '' means none. */
  function ownerFen(): { ok: true; fen: number } | { ok: false; message: BannerMessage } {
    if (ownerText.trim() === '') return { ok: true, fen: 0 }
    const parsed = parseYuan(ownerText)
    if (!parsed.ok) return { ok: false, message: { ...parsed.message, code: 'VALIDATION' } }
    return { ok: true, fen: parsed.fen }
  }

  /** The bill as staff built it, with everything that applies (S2), or what is wrong with it. */
  function billRequest(): { ok: true; req: BillRequest } | { ok: false; message: BannerMessage } {
    if (!payer) return { ok: false, message: { zh: '请先扫码确定付款人', en: 'Scan the payer first', code: 'VALIDATION' } }
    const bonus = bonusFen()
    if (!bonus.ok) return bonus
    const owner = ownerFen()
    if (!owner.ok) return owner
    const named = namedText.trim()
    const referrer = referrerText.trim()
    const consent = consentText.trim()
    const proof = payerProof(bonus.fen > 0 || owner.fen > 0, payer.scanned?.payerTicket, overrideText)
    if (!proof.ok) return proof
    const req: BillRequest = {
      patientId: payer.patientId,
      items,
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

  /** M4: the server wants the owner's consent; staff can ask for it from here. */
  const noteConsent = (code: string) => { if (code === 'CONSENT_REQUIRED') setConsentNeeded(true) }

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

  /** M4: ask the owner (in their app) to approve paying this amount from their balance. */
  async function requestConsent() {
    if (!payer || consentLock.current) return
    const owner = ownerFen()
    if (!owner.ok || owner.fen === 0) {
      setError(owner.ok ? { zh: '请输入使用主账户余额的金额', en: 'Enter the amount to pay from the owner\'s balance', code: 'VALIDATION' } : owner.message)
      return
    }
    consentLock.current = true
    setRequestingConsent(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'requestOwnerBalance', { patientId: payer.patientId, amountFen: owner.fen })
      setConsentRequest(r)
      setConsentText(r.requestId)
    } catch (e) {
      show(e)
    } finally {
      consentLock.current = false
      setRequestingConsent(false)
    }
  }

  /** M6: refund (part of) the bill just paid; one requestId per refund content (S3). */
  async function refund() {
    if (!receipt || refundLock.current) return
    const parsed = parseYuan(refundAmount)
    if (!parsed.ok) {
      setError({ ...parsed.message, code: 'VALIDATION' })
      return
    }
    const reason = refundReason.trim()
    if (reason.length < 2) {
      setError({ zh: '请填写退款原因', en: 'Enter the reason for the refund', code: 'VALIDATION' })
      return
    }
    const fp = JSON.stringify([receipt.billId, parsed.fen, reason])
    if (!refundRequest.current || refundRequest.current.fp !== fp) refundRequest.current = { fp, id: newRequestId() }
    refundLock.current = true
    setRefunding(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'refund', { billId: receipt.billId, amountFen: parsed.fen, reason, requestId: refundRequest.current.id })
      setRefundDone(r)
    } catch (e) {
      show(e) // the same requestId is kept: tapping again is a safe retry
    } finally {
      refundLock.current = false
      setRefunding(false)
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
    setConfirming(true)
    setError(null)
    try {
      const done = await callFunction('reception', 'confirmBill', {
        ...built.req,
        requestId: preview.requestId,
        expectedDueFen: preview.result.totals.dueFen,
      })
      setReceipt(done)
      setPayer((p) => p && (p.scanned
        ? { ...p, scanned: { ...p.scanned, tier: done.tierAfter, cumulativeSpendFen: done.cumulativeSpendAfterFen, bonusBalanceFen: p.scanned.bonusBalanceFen - (built.req.useOwnerBalanceFen ? 0 : done.result.totals.bonusFen) } }
        : p))
      const paidByCard = done.result.totals.friendCardFen
      if (paidByCard > 0) {
        setCard((c) => c && { ...c, balanceFen: Math.max(0, c.balanceFen - paidByCard), state: c.balanceFen - paidByCard <= 0 ? 'used_up' : 'partly_used' })
      }
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

  const t = preview?.result.totals
  const lines = preview?.result.lines

  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='muted small'>{staff.name} · {staff.role}</Text>

      {/* S1: who is paying */}
      <View className='card'>
        <Text className='card__title'>扫码 Scan</Text>
        <Text className='muted small'>扫描会员码、亲友卡付款码或首诊优惠券码，或输入码 / 病历号。Scan a member code, a friend card code or a coupon code, or type it or a record number.</Text>
        {isWeapp ? (
          <Btn variant='primary' disabled={scanning} onClick={() => void scanWithCamera()}>扫一扫 Scan with camera</Btn>
        ) : null}
        <View className='row'>
          <TextField id='scan-input' className='grow' value={code} onChange={setCode} placeholder='会员码 / 亲友卡码 / 优惠券码 / 病历号' onConfirm={() => void lookup(code)} />
          <Btn id='scan-submit' variant='secondary' disabled={scanning} onClick={() => void lookup(code)}>查询 Find</Btn>
        </View>
        {patient ? (
          <View className='patient'>
            <View className='row row--between'>
              <Text id='scanned-name' className='patient__name'>{patient.name}</Text>
              <Text id='scanned-tier' className={`tier tier--${patient.tier}`}>{TIER_LABEL[patient.tier].zh}</Text>
            </View>
            <View className='kv'><Text className='kv__k'>病历号 Record No.</Text><Text id='scanned-record' className='kv__v'>{patient.recordNo}</Text></View>
            <View className='kv'><Text className='kv__k'>手机 Phone</Text><Text className='kv__v'>{patient.maskedPhone}</Text></View>
            <View className='kv'><Text className='kv__k'>折扣依据 Discount</Text><Text id='scanned-discount' className='kv__v'>{patient.discount ? BASIS_LABEL[patient.discount] : '无会员折扣 None'}</Text></View>
            <View className='kv'><Text className='kv__k'>奖励金 Bonus</Text><Text id='scanned-bonus' className='kv__v'>{formatFen(patient.bonusBalanceFen)}</Text></View>
            <View className='kv'><Text className='kv__k'>累计消费 Spend</Text><Text id='scanned-spend' className='kv__v'>{formatFen(patient.cumulativeSpendFen)}</Text></View>
            {/* R7: what to ask or offer this patient. */}
            {patient.prompts && patient.prompts.length > 0 ? (
              <View id='prompts' className='notice prompts'>
                <Text className='prompts__title'>提示 Ask / offer</Text>
                {patient.prompts.map((pr, k) => (
                  <View key={`${pr.kind}-${k}`} className='prompts__item'>
                    <Text>· {pr.zh}</Text>
                    <Text className='prompts__en'>{pr.en}</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        ) : null}
        {payer && !payer.scanned ? (
          <View className='patient'>
            <View className='row row--between'>
              <Text id='scanned-name' className='patient__name'>{payer.name}</Text>
              <Text className='tier'>{coupon && coupon.holderPatientId === payer.patientId ? '优惠券持有人' : '亲友卡持卡人'}</Text>
            </View>
            <Text className='muted small'>{coupon && coupon.holderPatientId === payer.patientId
              ? '付款人为首诊优惠券持有人。The coupon holder pays.'
              : '付款人为亲友卡持卡人。如由他人付款，请扫描付款人的会员码。The card holder pays; to bill someone else, scan their member code.'}</Text>
          </View>
        ) : null}
      </View>
      <PatientLookup onSelect={(m) => void lookup(m.recordNo)} onError={report} />
      <WalkInForm onRegistered={(p) => void lookup(p.recordNo)} onError={report} />

      {/* F4, F5: the friend card on this bill */}
      {card ? (
        <View id='scanned-card' className='card scanned-card'>
          <View className='row row--between'>
            <Text className='card__title scanned-card__title'>亲友卡 Friend card</Text>
            <Text id='card-state' className='tier tier--annual'>{CARD_STATE_LABEL[card.state].zh}</Text>
          </View>
          <View className='kv'><Text className='kv__k'>持卡人 Holder</Text><Text id='card-holder' className='kv__v'>{card.holderName}</Text></View>
          <View className='kv'><Text className='kv__k'>赠送人 Given by</Text><Text id='card-giver' className='kv__v'>{card.giverDisplayName}</Text></View>
          <View className='kv kv--due'><Text className='kv__k'>卡内余额 Balance</Text><Text id='card-balance' className='kv__v'>{formatFen(card.balanceFen)}</Text></View>
          <View className='kv'>
            <Text className='kv__k'>有效期 Valid</Text>
            <Text id='card-expiry' className='kv__v'>{card.registered || card.expiresAt === null ? '已登记，长期有效 Registered' : `至 ${clinicDate(card.expiresAt)} until`}</Text>
          </View>
          <Text id='card-excluded' className='muted small'>
            不可用于：{card.excludedCategories.map((c) => CATEGORY_LABEL[c].zh).join('、')}；不兑现、不找零。
            Not for {card.excludedCategories.map((c) => CATEGORY_LABEL[c].en.toLowerCase()).join(', ')}; no cash, no change.
          </Text>

          {!card.registered ? (
            <View id='card-register' className='register'>
              <Text className='card__title register__title'>登记到店 Register visit</Text>
              <Text className='muted small'>朋友首次到店请登记，登记后此卡长期有效。Register the friend's first visit: the card then no longer expires.</Text>
              {!card.holderPatientId ? (
                <>
                  <Text className='field-label'>姓名 Name</Text>
                  <TextField id='register-name' value={regName} onChange={setRegName} placeholder='朋友的姓名 Friend’s name' />
                  <Text className='field-label'>手机号 Mobile</Text>
                  <TextField id='register-phone' kind='decimal' value={regPhone} onChange={setRegPhone} placeholder='11 位手机号' />
                  <Text className='field-label'>生日（选填）Birthday, optional</Text>
                  <TextField id='register-birthday' value={regBirthday} onChange={setRegBirthday} placeholder='1990-05-20' onConfirm={() => void register()} />
                </>
              ) : null}
              {hasRecord?.ticket === card.ticket ? <PhoneHasRecordNotice existing={hasRecord.existing} onError={report} /> : null}
              <Btn id='register-btn' variant={payer ? 'secondary' : 'primary'} disabled={registering} onClick={() => void register()}>
                {registering ? '登记中… Registering…' : '登记到店 Register visit'}
              </Btn>
            </View>
          ) : null}
          {!payer ? (
            <Text className='muted small'>请先登记到店，或扫描付款人的会员码。Register the visit first, or scan the payer’s member code.</Text>
          ) : null}
          <Btn id='card-remove' variant='plain' onClick={removeCard}>不用此卡 Remove card</Btn>
        </View>
      ) : null}

      {/* R2: the first-visit coupon on this bill */}
      {coupon ? (
        <View id='scanned-coupon' className='card scanned-card'>
          <View className='row row--between'>
            <Text className='card__title scanned-card__title'>首诊优惠券 First-visit coupon</Text>
            <Text className='tier tier--annual'>{coupon.holderPatientId ? '已登记 Registered' : '未登记 New'}</Text>
          </View>
          <View className='kv'><Text className='kv__k'>持有人 Holder</Text><Text id='coupon-holder' className='kv__v'>{coupon.holderName}</Text></View>
          <View className='kv'><Text className='kv__k'>推荐人 Referred by</Text><Text id='coupon-referrer' className='kv__v'>{coupon.referrerDisplayName}</Text></View>
          <View className='kv kv--due'><Text className='kv__k'>首诊优惠 Discount</Text><Text id='coupon-discount' className='kv__v'>{formatFen(coupon.discountFen)}</Text></View>
          <View className='kv'><Text className='kv__k'>赠品 Gift</Text><Text id='coupon-gift' className='kv__v'>{coupon.gift}</Text></View>
          <View className='kv'><Text className='kv__k'>有效期 Valid</Text><Text className='kv__v'>至 {clinicDate(coupon.expiresAt)} until</Text></View>
          {!coupon.holderPatientId ? (
            <View id='coupon-register' className='register'>
              <Text className='card__title register__title'>登记到店 Register visit</Text>
              <Text className='muted small'>首次到店请先登记为患者，优惠券只能由持有人本人使用。Register the friend first: the coupon is for its holder only.</Text>
              <Text className='field-label'>姓名 Name</Text>
              <TextField id='coupon-register-name' value={cpName} onChange={setCpName} placeholder='朋友的姓名 Friend’s name' />
              <Text className='field-label'>手机号 Mobile</Text>
              <TextField id='coupon-register-phone' kind='decimal' value={cpPhone} onChange={setCpPhone} placeholder='11 位手机号' />
              <Text className='field-label'>生日（选填）Birthday, optional</Text>
              <TextField id='coupon-register-birthday' value={cpBirthday} onChange={setCpBirthday} placeholder='1990-05-20' onConfirm={() => void registerCouponHolder()} />
              {hasRecord?.ticket === coupon.ticket ? <PhoneHasRecordNotice existing={hasRecord.existing} onError={report} /> : null}
              <Btn id='coupon-register-btn' disabled={cpRegistering} onClick={() => void registerCouponHolder()}>
                {cpRegistering ? '登记中… Registering…' : '登记到店 Register visit'}
              </Btn>
            </View>
          ) : null}
          <Btn id='coupon-remove' variant='plain' onClick={removeCoupon}>不用此券 Remove coupon</Btn>
        </View>
      ) : null}

      {/* S2: the bill */}
      {payer && !receipt ? (
        <View className='card'>
          <Text className='card__title'>账单 Bill</Text>
          <View id='bill-lines' className='bill-lines'>
            {items.length === 0 ? <Text className='muted'>尚未添加项目 No items yet</Text> : null}
            {items.map((it, i) => {
              const line = lines?.[i]
              return (
                <View key={`${i}-${it.name}`} className='bill-line'>
                  <View className='row row--between'>
                    <View className='bill-line__main'>
                      <Text className='bill-line__name'>{it.name}</Text>
                      <Text className='bill-line__cat'>{CATEGORY_LABEL[it.category].zh}</Text>
                    </View>
                    <Text className='bill-line__amount'>{formatFen(it.amountFen)}</Text>
                    <Text className='bill-line__remove' onClick={() => removeItem(i)}>删除</Text>
                  </View>
                  {line ? (
                    <View className='bill-line__adj'>
                      {line.adjustments.map((a, k) => (
                        <View key={`a${k}`} className='row row--between adj'>
                          <Text>{ADJ_LABEL[a.kind]} · {a.reason.zh}</Text>
                          <Text className='neg'>-{formatFen(a.amountFen)}</Text>
                        </View>
                      ))}
                      {line.skipped.map((s, k) => (
                        <View key={`s${k}`} className='adj adj--skip'>
                          <Text>未享{ADJ_LABEL[s.kind]}：{s.reason.zh}</Text>
                        </View>
                      ))}
                      <View className='row row--between adj adj--due'>
                        <Text>本项应付 Line due</Text>
                        <Text>{formatFen(line.dueFen)}</Text>
                      </View>
                    </View>
                  ) : null}
                </View>
              )
            })}
          </View>

          <View className='add-item'>
            <Text className='field-label'>项目名称 Item</Text>
            <TextField id='item-name' value={name} onChange={setName} placeholder='如：根管治疗 e.g. root canal' />
            <Text className='field-label'>类别 Category</Text>
            <View id='item-category' className='chips'>
              {CATEGORIES.map((c) => (
                <Btn
                  key={c}
                  id={`item-category-${c}`}
                  variant='plain'
                  className={`chip ${category === c ? 'chip--on' : ''}`}
                  onClick={() => setCategory(c)}
                >
                  {CATEGORY_LABEL[c].zh}
                </Btn>
              ))}
            </View>
            <Text className='field-label'>金额（元） Amount (yuan)</Text>
            <View className='row'>
              <TextField id='item-amount' className='grow' kind='decimal' value={amount} onChange={setAmount} placeholder='0.00' onConfirm={addItem} />
              <Btn id='item-add' variant='secondary' onClick={addItem}>添加 Add</Btn>
            </View>
            {patient?.tier !== 'lifetime' ? (
              <Btn id='add-annual' variant='plain' onClick={addAnnual}>+ 年度会员 ¥899 Annual membership</Btn>
            ) : null}

            {/* R2: the referrer's number works like a coupon; M5: a non-member names a member. */}
            {!coupon ? (
              <>
                <Text className='field-label'>推荐人编号（可选） Referrer code (optional)</Text>
                <TextField id='referrer-code' value={referrerText} onChange={(v) => { setReferrerText(v); touchBill() }} placeholder='如 100007' />
              </>
            ) : null}
            {!patient?.discount ? (
              <>
                <Text className='field-label'>报会员编号（可选） Named member (optional)</Text>
                <TextField id='named-member' value={namedText} onChange={(v) => { setNamedText(v); touchBill() }} placeholder='会员病历号 member record no.' />
              </>
            ) : null}

            {/* M4: a family member pays from the owner's balance with the owner's consent. */}
            {patient?.discount === 'family' ? (
              <View id='owner-balance-box' className='owner-balance'>
                <Text className='field-label'>使用主账户奖励金（元，可选） Pay from the owner's balance (optional)</Text>
                <TextField id='owner-balance' kind='decimal' value={ownerText} onChange={(v) => { setOwnerText(v); touchBill() }} placeholder='0.00' />
                {consentNeeded || consentRequest ? (
                  <View id='consent-box' className='notice notice--warn consent'>
                    <Text>使用主账户余额需主账户同意。The owner must agree to this payment.</Text>
                    <Btn id='request-consent' variant='secondary' disabled={requestingConsent} onClick={() => void requestConsent()}>
                      {requestingConsent ? '发送中… Sending…' : '请求主账户同意 Ask the owner'}
                    </Btn>
                    {consentRequest ? (
                      <Text id='consent-request' className='small'>
                        已发送请求 <Text id='consent-request-id'>{consentRequest.requestId}</Text>（{formatFen(consentRequest.amountFen)}），主账户同意后再预览并收款。
                        Request sent; once the owner approves, preview and confirm.
                      </Text>
                    ) : null}
                  </View>
                ) : null}
                {consentNeeded || consentRequest || consentText ? (
                  <>
                    <Text className='field-label'>同意编号 Consent id</Text>
                    <TextField id='consent-id' value={consentText} onChange={(v) => { setConsentText(v); touchBill() }} placeholder='主账户同意的请求编号' />
                  </>
                ) : null}
              </View>
            ) : null}
            {patient ? (
              <>
                <Text className='field-label'>使用奖励金（元，可选） Use bonus (optional, ≤ {formatFen(patient.bonusBalanceFen)})</Text>
                <TextField id='bonus-use' kind='decimal' value={bonusText} onChange={(v) => { setBonusText(v); touchBill() }} placeholder='0.00' />
                {!patient.payerTicket && (bonusText.trim() || ownerText.trim()) ? <OverrideReason value={overrideText} onChange={setOverrideText} /> : null}
              </>
            ) : null}
          </View>

          <Btn id='preview-btn' disabled={items.length === 0 || previewing} onClick={() => void runPreview()}>
            {previewing ? '计算中… Calculating…' : '预览 Preview'}
          </Btn>

          {t ? (
            <View className='totals'>
              <View className='kv'><Text className='kv__k'>小计 Subtotal</Text><Text id='total-subtotal' className='kv__v'>{formatFen(t.subtotalFen)}</Text></View>
              <View className='kv'><Text className='kv__k'>会员折扣 Member discount</Text><Text id='total-discount' className='kv__v'>{minus(t.memberDiscountFen)}</Text></View>
              <View className='kv'><Text className='kv__k'>首诊券 Coupon</Text><Text id='total-coupon' className='kv__v'>{minus(t.couponFen)}</Text></View>
              <View className='kv'><Text className='kv__k'>亲友卡 Friend card</Text><Text id='total-card' className='kv__v'>{minus(t.friendCardFen)}</Text></View>
              <View className='kv'><Text className='kv__k'>奖励金 Bonus</Text><Text id='total-bonus' className='kv__v'>{minus(t.bonusFen)}</Text></View>
              <View className='kv kv--due'><Text className='kv__k'>应付 Amount due</Text><Text id='total-due' className='kv__v'>{formatFen(t.dueFen)}</Text></View>
              {preview?.result.notes.map((n, k) => <Text key={k} className='muted small'>{n.zh} {n.en}</Text>)}
              <Btn id='confirm-btn' disabled={confirming} onClick={() => void confirm()}>
                {confirming ? '提交中… Confirming…' : `确认收款 Confirm ${formatFen(t.dueFen)}`}
              </Btn>
            </View>
          ) : null}
        </View>
      ) : null}

      {/* S3: the receipt */}
      {receipt ? (
        <View id='receipt' className='card receipt'>
          <Text className='card__title'>已收款 Paid</Text>
          {receipt.replayed ? (
            <Text id='receipt-replayed' className='receipt__replayed'>重复提交，未重复扣款 (replayed)</Text>
          ) : null}
          <View className='kv kv--due'><Text className='kv__k'>实收 Paid</Text><Text id='receipt-paid' className='kv__v'>{formatFen(receipt.paidFen)}</Text></View>
          {receipt.result.totals.friendCardFen > 0 ? (
            <View className='kv'>
              <Text className='kv__k'>亲友卡支付 Friend card</Text>
              <Text id='receipt-card' className='kv__v'>{formatFen(receipt.result.totals.friendCardFen)}{card ? ` · 余额 ${formatFen(card.balanceFen)}` : ''}</Text>
            </View>
          ) : null}
          <View className='kv'><Text className='kv__k'>会员等级 Tier after</Text><Text id='receipt-tier' className='kv__v'>{TIER_LABEL[receipt.tierAfter].zh}</Text></View>
          <View className='kv'><Text className='kv__k'>累计消费 Spend after</Text><Text id='receipt-spend' className='kv__v'>{formatFen(receipt.cumulativeSpendAfterFen)}</Text></View>
          <Text className='muted small'>账单号 Bill <Text id='receipt-bill'>{receipt.billId}</Text></Text>
          {REFUNDERS.includes(staff.role) ? (
            <View id='refund-box' className='refund'>
              <Text className='card__title register__title'>退款 Refund</Text>
              <Text className='field-label'>退款金额（元） Amount (yuan, ≤ {formatFen(receipt.paidFen)})</Text>
              <TextField id='refund-amount' kind='decimal' value={refundAmount} onChange={setRefundAmount} placeholder='0.00' />
              <Text className='field-label'>原因 Reason</Text>
              <TextField id='refund-reason' value={refundReason} onChange={setRefundReason} placeholder='如：治疗取消 treatment cancelled' />
              <Btn id='refund-btn' variant='secondary' disabled={refunding} onClick={() => void refund()}>
                {refunding ? '退款中… Refunding…' : '退款 Refund'}
              </Btn>
              {refundDone ? (
                <View id='refund-result' className='notice'>
                  <Text>已退款 {formatFen(refundDone.amountFen)}{refundDone.replayed ? '（重复提交，未重复退款 replayed）' : ''}</Text>
                  <Text className='notice__en'>Refunded · tier {TIER_LABEL[refundDone.tierAfter].zh} · spend {formatFen(refundDone.cumulativeSpendAfterFen)}</Text>
                </View>
              ) : null}
            </View>
          ) : null}
          <Btn id='new-bill' variant='secondary' onClick={() => { if (card && card.balanceFen <= 0) dropCard(); if (receipt.result.totals.couponFen > 0) dropCoupon(); resetBill() }}>新账单 New bill</Btn>
        </View>
      ) : null}
    </View>
  )
}
