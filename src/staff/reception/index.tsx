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
import type { BalanceRequest, ScannedCard, ScannedCoupon } from '../../api/contract'
import { callFunction, toApiError } from '../../services/cloud'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import './index.css'
import { StaffPage } from '../../components/StaffPage'
// Issue 10: find a patient, binding codes, walk-ins, and who may spend stored value (R5, M4).
import { PatientLookup } from './PatientLookup'
import { WalkInForm } from './WalkInForm'
import { bannerOf, phoneHasRecord, type ExistingRecord } from './BindingCodePanel'
import { buildBillRequest, payerOf, type Payer, type Staff } from './desk'
import { ScanPanel } from './ScanPanel'
import { FriendCardPanel } from './FriendCardPanel'
import { CouponPanel } from './CouponPanel'
import { BillLines } from './BillLines'
import { AddItemForm } from './AddItemForm'
import { PaymentOptions } from './PaymentOptions'
import { OwnerBalancePanel } from './OwnerBalancePanel'
import { BillTotals } from './BillTotals'
import { ReceiptPanel } from './ReceiptPanel'
import { alsoRegisterCard, alsoRegisterCoupon } from './registerOnce'
import { useCheckout } from './useCheckout'
import { useBillLines } from './useBillLines'
import { ROLE_LABEL } from '../team/labels'
import { useT } from '../../i18n'

export default function ReceptionPage() {
  return (
    <StaffPage title='前台收款' subtitle='Reception'>
      {(staff) => <ReceptionDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function ReceptionDesk({ staff }: { staff: Staff }) {
  const t = useT()
  const [error, setError] = useState<BannerMessage | null>(null)
  const [code, setCode] = useState('')
  const [scanning, setScanning] = useState(false)
  const [payer, setPayer] = useState<Payer | null>(null)
  const patient = payer?.scanned ?? null
  const [card, setCard] = useState<ScannedCard | null>(null)
  /** R2: the first-visit coupon on this bill (its holder's registration lives in CouponPanel). */
  const [coupon, setCoupon] = useState<ScannedCoupon | null>(null)
  /** Each scan of a card or coupon starts its registration form afresh; so does each new bill. */
  const [cardScan, setCardScan] = useState(0)
  const [couponScan, setCouponScan] = useState(0)
  const [billKey, setBillKey] = useState(0)
  /** R2 referrer's number, M5 a named member, M4 the owner's balance and consent. */
  const [referrerText, setReferrerText] = useState('')
  const [namedText, setNamedText] = useState('')
  const [ownerText, setOwnerText] = useState('')
  const [consentText, setConsentText] = useState('')
  const [consentNeeded, setConsentNeeded] = useState(false)
  const [consentRequest, setConsentRequest] = useState<BalanceRequest | null>(null)
  const [requestingConsent, setRequestingConsent] = useState(false)

  // Issue 13: lines picked from the price list (touchBill: any change needs a new preview).
  const bill = useBillLines(setError, () => touchBill())
  const items = bill.lines
  const [bonusText, setBonusText] = useState('')
  const [overrideText, setOverrideText] = useState('')
  /** A registration named a phone that already has a record: offer its binding code instead. */
  const [hasRecord, setHasRecord] = useState<{ ticket: string; existing: ExistingRecord } | null>(null)

  const registerLock = useRef(false)
  const consentLock = useRef(false)

  const billRequest = () => buildBillRequest({ payer, items, card, coupon, bonusText, ownerText, namedText, referrerText, consentText, overrideText })

  const { preview, setPreview, previewing, confirming, receipt, setReceipt, request, runPreview, confirm } =
    useCheckout({ payer, items, card, coupon, billRequest, setError, setPayer, setCard, setConsentNeeded, onPriceListStale: bill.reload })

  const show = (e: unknown) => setError(toApiError(e))
  const report = (e: unknown) => setError(bannerOf(e))
  const noteHasRecord = (ticket: string, e: unknown) => { const existing = phoneHasRecord(e); setHasRecord(existing && { ticket, existing }) }
  const registerFailed = (ticket: string, e: unknown) => { show(e); noteHasRecord(ticket, e) }

  /** Any change to the bill invalidates the preview (the confirm must match what staff saw). */
  const touchBill = () => {
    setPreview(null)
    setError(null)
  }

  /** The item form and the refund (in the receipt) start afresh with the bill. */
  const resetBill = () => {
    bill.clear()
    setBillKey((k) => k + 1)
    setBonusText('')
    setOverrideText('')
    setReferrerText('')
    setNamedText('')
    setOwnerText('')
    setConsentText('')
    setConsentNeeded(false)
    setConsentRequest(null)
    setPreview(null)
    setReceipt(null)
    request.current = null
  }

  const dropCoupon = () => setCoupon(null)
  const dropCard = () => setCard(null)
  const removeCoupon = () => { dropCoupon(); touchBill() }
  const removeCard = () => { dropCard(); touchBill() }

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
        setCardScan((n) => n + 1)
        touchBill()
        // F4 "any person": a payer scanned before the card stays the payer; otherwise the holder pays.
        const holder = scannedCard.holderPatientId
        if (holder) setPayer((p) => p ?? { patientId: holder, name: scannedCard.holderName, scanned: null })
      } else {
        const { kind: _kind, ...scannedCoupon } = r
        setCoupon(scannedCoupon)
        setCouponScan((n) => n + 1)
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

  const totals = preview?.result.totals
  const lines = preview?.result.lines

  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='muted small'>{staff.name} · {t(ROLE_LABEL[staff.role])}</Text>

      {/* S1: who is paying */}
      <ScanPanel code={code} setCode={setCode} scanning={scanning} onLookup={(c) => void lookup(c)} onCamera={() => void scanWithCamera()} payer={payer} coupon={coupon} />
      <PatientLookup onSelect={(m) => void lookup(m.recordNo)} onError={report} />
      <WalkInForm onRegistered={(p) => void lookup(p.recordNo)} onError={report} />

      {/* F4, F5: the friend card on this bill */}
      {card ? (
        <FriendCardPanel
          key={cardScan}
          card={card}
          payer={payer}
          hasRecord={hasRecord}
          registerLock={registerLock}
          setError={setError}
          report={report}
          onRegistered={(r) => {
            setCard(r)
            const holder = r.holderPatientId
            if (holder) setPayer((p) => p ?? { patientId: holder, name: r.holderName, scanned: null })
            setHasRecord(null)
            if (coupon && !coupon.holderPatientId) void alsoRegisterCoupon(coupon.ticket).then((n) => n && setCoupon((c) => c && { ...c, holderPatientId: n.patientId, holderName: n.name }))
          }}
          onFailed={registerFailed}
          onRemove={removeCard}
        />
      ) : null}

      {/* R2: the first-visit coupon on this bill */}
      {coupon ? (
        <CouponPanel
          key={couponScan}
          coupon={coupon}
          hasRecord={hasRecord}
          registerLock={registerLock}
          setError={setError}
          report={report}
          onRegistered={(r) => {
            setCoupon((c) => c && { ...c, holderPatientId: r.patientId, holderName: r.name })
            setPayer((p) => (p && p.patientId === r.patientId ? p : { patientId: r.patientId, name: r.name, scanned: null }))
            touchBill()
            setHasRecord(null)
            if (card && !card.holderPatientId) void alsoRegisterCard(card.ticket).then((k) => k && setCard(k))
          }}
          onFailed={registerFailed}
          onRemove={removeCoupon}
        />
      ) : null}

      {/* S2: the bill */}
      {payer && !receipt ? (
        <View className='card'>
          <Text className='card__title'>{t({ zh: '账单', en: 'Bill' })}</Text>
          <BillLines items={items} lines={lines} onQuantity={bill.setQuantity} onRemove={bill.remove} />

          <View className='add-item'>
            <AddItemForm key={billKey} role={staff.role} catalogue={bill.catalogue} onReload={bill.reload} showAnnual={patient?.tier !== 'lifetime'} onAdd={bill.add} setError={setError} />

            <PaymentOptions
              patient={patient} coupon={coupon} referrerText={referrerText} setReferrerText={setReferrerText} namedText={namedText} setNamedText={setNamedText}
              bonusText={bonusText} setBonusText={setBonusText} ownerText={ownerText} overrideText={overrideText} setOverrideText={setOverrideText} touchBill={touchBill}
            >
              {/* M4: a family member pays from the owner's balance with the owner's consent. */}
              {patient?.discount === 'family' ? (
                <OwnerBalancePanel
                  patientId={payer.patientId} ownerText={ownerText} setOwnerText={setOwnerText} consentText={consentText} setConsentText={setConsentText}
                  consentNeeded={consentNeeded} consentRequest={consentRequest} setConsentRequest={setConsentRequest}
                  requestingConsent={requestingConsent} setRequestingConsent={setRequestingConsent} consentLock={consentLock}
                  touchBill={touchBill} setError={setError} show={show}
                />
              ) : null}
            </PaymentOptions>
          </View>

          <Btn id='preview-btn' disabled={items.length === 0 || previewing} onClick={() => void runPreview()}>
            {previewing ? t({ zh: '计算中…', en: 'Calculating…' }) : t({ zh: '预览', en: 'Preview' })}
          </Btn>

          {totals ? <BillTotals t={totals} preview={preview} confirming={confirming} onConfirm={() => void confirm()} /> : null}
        </View>
      ) : null}

      {/* S3: the receipt */}
      {receipt ? (
        <ReceiptPanel
          receipt={receipt} card={card} staff={staff} setError={setError} show={show}
          onNewBill={() => { if (card && card.balanceFen <= 0) dropCard(); if (receipt.result.totals.couponFen > 0) dropCoupon(); resetBill() }}
        />
      ) : null}
    </View>
  )
}
