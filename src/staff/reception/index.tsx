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
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { toApiError } from '../../services/cloud'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import './index.css'
import { StaffPage } from '../../components/StaffPage'
// Issue 10: find a patient, binding codes, walk-ins, and who may spend stored value (R5, M4).
import { PatientLookup } from './PatientLookup'
import { WalkInForm } from './WalkInForm'
import { bannerOf, phoneHasRecord, type ExistingRecord } from './BindingCodePanel'
import type { Staff } from './desk'
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
import { useDesk } from './useDesk'
import { ROLE_LABEL } from '../team/labels'
import { useT } from '../../i18n'

export default function ReceptionPage() {
  return (
    <StaffPage title='前台收款' subtitle='Reception'>
      {(staff) => <ReceptionDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

/** Issue 13 item 7: the desk is a state machine (machine.ts, useDesk.ts); this component only draws its state. */
function ReceptionDesk({ staff }: { staff: Staff }) {
  const t = useT()
  const { state: s, send, setField, bill, submit, code, setCode, lookup, scanWithCamera, preview, confirm, method, setMethod } = useDesk()
  const { payer, card, coupon, fields, receipt } = s
  const patient = payer?.scanned ?? null
  /** A registration named a phone that already has a record: offer its binding code instead. */
  const [hasRecord, setHasRecord] = useState<{ ticket: string; existing: ExistingRecord } | null>(null)
  const [requestingConsent, setRequestingConsent] = useState(false)

  const setError = (e: BannerMessage | null) => send(e ? { type: 'failed', error: e } : { type: 'errorCleared' })
  const show = (e: unknown) => setError(toApiError(e))
  const report = (e: unknown) => setError(bannerOf(e))
  const registerFailed = (ticket: string, e: unknown) => { show(e); const existing = phoneHasRecord(e); setHasRecord(existing && { ticket, existing }) }

  const totals = s.preview?.result.totals
  const lines = s.preview?.result.lines

  return (
    <View className='stack' data-desk-stage={s.stage}>
      <ErrorBanner error={s.error} onClose={() => send({ type: 'errorCleared' })} />
      <Text className='muted small'>{staff.name} · {t(ROLE_LABEL[staff.role])}</Text>

      {/* S1: who is paying */}
      <ScanPanel code={code} setCode={setCode} scanning={submit.busy('scan')} onLookup={(c) => void lookup(c)} onCamera={() => void scanWithCamera()} payer={payer} coupon={coupon} />
      <PatientLookup onSelect={(m) => void lookup(m.recordNo)} onError={report} />
      <WalkInForm onRegistered={(p) => void lookup(p.recordNo)} onError={report} />

      {/* F4, F5: the friend card on this bill */}
      {card ? (
        <FriendCardPanel
          key={s.cardScan}
          card={card}
          payer={payer}
          hasRecord={hasRecord}
          registerLock={submit.lock('register')}
          setError={setError}
          report={report}
          onRegistered={(r) => {
            send({ type: 'cardRegistered', card: r })
            setHasRecord(null)
            if (coupon && !coupon.holderPatientId) {
              void alsoRegisterCoupon(coupon.ticket).then((n) => n && send({ type: 'couponRegistered', patientId: n.patientId, name: n.name }))
            }
          }}
          onFailed={registerFailed}
          onRemove={() => send({ type: 'cardRemoved' })}
        />
      ) : null}

      {/* R2: the first-visit coupon on this bill */}
      {coupon ? (
        <CouponPanel
          key={s.couponScan}
          coupon={coupon}
          hasRecord={hasRecord}
          registerLock={submit.lock('register')}
          setError={setError}
          report={report}
          onRegistered={(r) => {
            send({ type: 'couponRegistered', patientId: r.patientId, name: r.name })
            setHasRecord(null)
            if (card && !card.holderPatientId) void alsoRegisterCard(card.ticket).then((k) => k && send({ type: 'cardRegistered', card: k }))
          }}
          onFailed={registerFailed}
          onRemove={() => send({ type: 'couponRemoved' })}
        />
      ) : null}

      {/* S2: the bill */}
      {payer && !receipt ? (
        <View className='card'>
          <Text className='card__title'>{t({ zh: '账单', en: 'Bill' })}</Text>
          <BillLines items={s.lines} lines={lines} onQuantity={bill.setQuantity} onRemove={bill.remove} />

          <View className='add-item'>
            <AddItemForm key={s.billKey} role={staff.role} catalogue={bill.catalogue} onReload={bill.reload} showAnnual={patient?.tier !== 'lifetime'} onAdd={bill.add} setError={setError} />

            <PaymentOptions
              patient={patient} coupon={coupon} referrerText={fields.referrerText} setReferrerText={setField('referrerText')} namedText={fields.namedText} setNamedText={setField('namedText')}
              bonusText={fields.bonusText} setBonusText={setField('bonusText')} ownerText={fields.ownerText} overrideText={fields.overrideText} setOverrideText={setField('overrideText')}
            >
              {/* M4: a family member pays from the owner's balance with the owner's consent. */}
              {patient?.discount === 'family' ? (
                <OwnerBalancePanel
                  patientId={payer.patientId} ownerText={fields.ownerText} setOwnerText={setField('ownerText')} consentText={fields.consentText} setConsentText={setField('consentText')}
                  consentNeeded={s.consentNeeded} consentRequest={s.consentRequest} setConsentRequest={(request) => send({ type: 'consentRequested', request })}
                  requestingConsent={requestingConsent} setRequestingConsent={setRequestingConsent} consentLock={submit.lock('consent')}
                  setError={setError} show={show}
                />
              ) : null}
            </PaymentOptions>
          </View>

          <Btn id='preview-btn' disabled={s.lines.length === 0 || submit.busy('preview')} onClick={() => void preview()}>
            {submit.busy('preview') ? t({ zh: '计算中…', en: 'Calculating…' }) : t({ zh: '预览', en: 'Preview' })}
          </Btn>

          {totals ? <BillTotals t={totals} preview={s.preview} confirming={submit.busy('confirm')} onConfirm={() => void confirm()} method={method} onMethod={setMethod} /> : null}
        </View>
      ) : null}

      {/* S3: the receipt */}
      {receipt ? (
        <ReceiptPanel receipt={receipt} card={card} staff={staff} setError={setError} show={show} onNewBill={() => send({ type: 'nextBill' })} />
      ) : null}
    </View>
  )
}
