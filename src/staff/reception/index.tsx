/**
 * Reception (staff subpackage): scan a member or a friend card (S1), build a bill (S2), preview
 * what applies and why, confirm payment idempotently (S3). The server enforces roles; this page
 * only refuses to offer the actions to someone who is not staff.
 *
 * Friend card (F4, F5): scanning the friend's card code gives a ticket that lets this desk bill the
 * card; it rides on the preview and the confirmation. The payer is whoever was scanned first
 * ("any person", F4); with nobody scanned, the card's registered holder pays, and an unregistered
 * holder is registered here first (登记到店, F5: the card then no longer expires).
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ConfirmedBill, Persona, ScannedCard, ScannedPatient } from '../../api/contract'
import type { BillItem, BillResult, AdjustmentKind } from '../../domain/bill/engine'
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../../domain/policy'
import { formatFen } from '../../domain/money'
import { callFunction, toApiError } from '../../services/cloud'
import { CARD_STATE_LABEL, TIER_LABEL, clinicDate, isMobile, parseYuan, newRequestId } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import './index.css'

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

export default function ReceptionPage() {
  const [who] = useLoad(() => callFunction('identity', 'whoami', {}))

  return (
    <PageShell title='前台收款' subtitle='Reception · scan, bill, confirm'>
      {who.state === 'loading' ? <View className='muted'>加载中… Loading…</View> : null}
      {who.state === 'error' ? <ErrorBanner error={who.error} /> : null}
      {who.state === 'ready' ? (
        who.data.persona.kind === 'staff'
          ? <ReceptionDesk key={who.data.persona.staffId} staff={who.data.persona} />
          : (
            <View id='staff-only' className='card'>
              <Text className='card__title'>仅限诊所员工使用</Text>
              <Text className='muted'>This page is for clinic staff only.</Text>
            </View>
          )
      ) : null}
    </PageShell>
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
function fingerprint(patientId: string, items: BillItem[], useBonusFen: number, cardId: string | null): string {
  return JSON.stringify([patientId, items.map((i) => [i.name, i.category, i.amountFen]), useBonusFen, cardId])
}

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

  const [items, setItems] = useState<BillItem[]>([])
  const [name, setName] = useState('')
  const [category, setCategory] = useState<Category>('treatment')
  const [amount, setAmount] = useState('')
  const [bonusText, setBonusText] = useState('')

  const [preview, setPreview] = useState<Preview | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [receipt, setReceipt] = useState<ConfirmedBill | null>(null)

  /** S3: one requestId per bill content; a retry or a double tap reuses it. */
  const request = useRef<{ fp: string; id: string } | null>(null)
  const confirmLock = useRef(false)
  const registerLock = useRef(false)

  const show = (e: unknown) => setError(toApiError(e))

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
    setCategory('treatment')
    setPreview(null)
    setReceipt(null)
    request.current = null
  }

  const dropCard = () => {
    setCard(null)
    setRegName('')
    setRegPhone('')
  }

  async function lookup(raw: string) {
    const value = raw.trim()
    if (!value) {
      setError({ zh: '请输入会员码、亲友卡码或病历号', en: 'Enter a member code, a friend card code or a record number', code: 'VALIDATION' })
      return
    }
    setScanning(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'scan', { code: value })
      if (r.kind !== 'patient' && r.kind !== 'friend_card') {
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
        touchBill()
        // F4 "any person": a payer scanned before the card stays the payer; otherwise the holder pays.
        const holder = scannedCard.holderPatientId
        if (holder) setPayer((p) => p ?? { patientId: holder, name: scannedCard.holderName, scanned: null })
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
    registerLock.current = true
    setRegistering(true)
    setError(null)
    try {
      const r = await callFunction('friendcard', 'register', { ticket: card.ticket, ...(needsDetails ? { name, phone } : {}) })
      setCard(r)
      setRegName('')
      setRegPhone('')
      const holder = r.holderPatientId
      if (holder) setPayer((p) => p ?? { patientId: holder, name: r.holderName, scanned: null })
    } catch (e) {
      show(e)
    } finally {
      registerLock.current = false
      setRegistering(false)
    }
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

  async function runPreview() {
    if (!payer || items.length === 0) return
    const bonus = bonusFen()
    if (!bonus.ok) {
      setError(bonus.message)
      return
    }
    setPreviewing(true)
    setError(null)
    try {
      const req = { patientId: payer.patientId, items, ...(bonus.fen > 0 ? { useBonusFen: bonus.fen } : {}), ...(card ? { friendCardTicket: card.ticket } : {}) }
      const result = await callFunction('reception', 'previewBill', req)
      const fp = fingerprint(payer.patientId, items, bonus.fen, card?.cardId ?? null)
      if (!request.current || request.current.fp !== fp) request.current = { fp, id: newRequestId() }
      setPreview({ result, requestId: request.current.id })
    } catch (e) {
      show(e)
    } finally {
      setPreviewing(false)
    }
  }

  async function confirm() {
    if (!payer || !preview || confirmLock.current) return
    const bonus = bonusFen()
    if (!bonus.ok) {
      setError(bonus.message)
      return
    }
    confirmLock.current = true // a second tap before React re-renders is ignored too
    setConfirming(true)
    setError(null)
    try {
      const done = await callFunction('reception', 'confirmBill', {
        patientId: payer.patientId,
        items,
        ...(bonus.fen > 0 ? { useBonusFen: bonus.fen } : {}),
        ...(card ? { friendCardTicket: card.ticket } : {}),
        requestId: preview.requestId,
        expectedDueFen: preview.result.totals.dueFen,
      })
      setReceipt(done)
      setPayer((p) => p && (p.scanned
        ? { ...p, scanned: { ...p.scanned, tier: done.tierAfter, cumulativeSpendFen: done.cumulativeSpendAfterFen, bonusBalanceFen: p.scanned.bonusBalanceFen - done.result.totals.bonusFen } }
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
        <Text className='muted small'>扫描会员码或亲友卡付款码，或输入码 / 病历号。Scan a member code or a friend card code, or type it or a record number.</Text>
        {isWeapp ? (
          <Btn variant='primary' disabled={scanning} onClick={() => void scanWithCamera()}>扫一扫 Scan with camera</Btn>
        ) : null}
        <View className='row'>
          <TextField id='scan-input' className='grow' value={code} onChange={setCode} placeholder='会员码 / 亲友卡码 / 病历号' onConfirm={() => void lookup(code)} />
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
          </View>
        ) : null}
        {payer && !payer.scanned ? (
          <View className='patient'>
            <View className='row row--between'>
              <Text id='scanned-name' className='patient__name'>{payer.name}</Text>
              <Text className='tier'>亲友卡持卡人</Text>
            </View>
            <Text className='muted small'>付款人为亲友卡持卡人。如由他人付款，请扫描付款人的会员码。The card holder pays; to bill someone else, scan their member code.</Text>
          </View>
        ) : null}
      </View>

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
                  <TextField id='register-phone' kind='decimal' value={regPhone} onChange={setRegPhone} placeholder='11 位手机号' onConfirm={() => void register()} />
                </>
              ) : null}
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
            {patient ? (
              <>
                <Text className='field-label'>使用奖励金（元，可选） Use bonus (optional, ≤ {formatFen(patient.bonusBalanceFen)})</Text>
                <TextField id='bonus-use' kind='decimal' value={bonusText} onChange={(v) => { setBonusText(v); touchBill() }} placeholder='0.00' />
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
          <Text className='muted small'>账单号 Bill {receipt.billId}</Text>
          <Btn id='new-bill' variant='secondary' onClick={() => { if (card && card.balanceFen <= 0) dropCard(); resetBill() }}>新账单 New bill</Btn>
        </View>
      ) : null}
    </View>
  )
}
