/** Issue 13 item 7: the desk's states and transitions, and the events each state refuses (same state back). */
import type { ScanResult } from '../../api/contract'
import type { QuotedBill } from '../../domain/bill/quote'
import { basisOf, deskReducer, INITIAL_DESK, type DeskEvent, type DeskReceipt, type DeskState } from './machine'
import type { DeskLine } from './deskLines'

const patient: ScanResult = { kind: 'patient', patientId: 'pat_a', name: '李明', recordNo: '100001', maskedPhone: '138****0000', tier: 'annual', discount: 'member', bonusBalanceFen: 0, cumulativeSpendFen: 0 }
const other: ScanResult = { ...patient, patientId: 'pat_b', name: '王芳', recordNo: '100002' }
const card = (holderPatientId?: string, balanceFen = 50_000): ScanResult => ({
  kind: 'friend_card', cardId: 'fc1', ticket: 't-card', state: 'claimed', holderName: '小美', giverDisplayName: '李', registered: Boolean(holderPatientId),
  ...(holderPatientId ? { holderPatientId } : {}), balanceFen, expiresAt: null, excludedCategories: [],
} as ScanResult)
const coupon = (holderPatientId?: string): ScanResult => ({
  kind: 'coupon', couponId: 'cp1', ticket: 't-coupon', holderName: '小周', ...(holderPatientId ? { holderPatientId } : {}),
  discountFen: 10_000, gift: '牙刷', expiresAt: '2026-12-31', referrerDisplayName: '李',
})
const extraction: DeskLine = { kind: 'item', itemId: 'pi_x', name: '拔牙', category: 'treatment', priceFen: 30_000, quantity: 1 }
const totals = { subtotalFen: 30_000, memberDiscountFen: 0, couponFen: 0, friendCardFen: 0, bonusFen: 0, dueFen: 30_000 }
const quote = (quoteId = 'q1_0000000000000001'): QuotedBill => ({ policyVersion: 1, lines: [], totals, notes: [], quoteId })
const receipt = (couponFen = 0): DeskReceipt => ({
  billId: 'bill_r1', result: { ...quote(), totals: { ...totals, couponFen } }, paidFen: 30_000, tierAfter: 'annual', cumulativeSpendAfterFen: 30_000, replayed: false, payerName: '李明',
})

/** A preview answer for the bill as it stands when it arrives (`basis` filled in by `step`). */
const step = (s: DeskState, e: DeskEvent): DeskState => deskReducer(s, e.type === 'previewed' && e.basis.length === 0 ? { ...e, basis: basisOf(s) } : e)
const run = (...events: DeskEvent[]): DeskState => events.reduce(step, INITIAL_DESK)
const scanned = (result: ScanResult): DeskEvent => ({ type: 'scanned', result })
const lines = (...ls: DeskLine[]): DeskEvent => ({ type: 'linesChanged', lines: ls })
const previewed = (fp = 'fp1', newId = 'req-1', q = quote()): Extract<DeskEvent, { type: 'previewed' }> => ({ type: 'previewed', result: q, fp, newId, basis: [] })
const paid = (r = receipt(), cardBalanceAfterFen?: number): DeskEvent => ({ type: 'paid', receipt: r, payer: null, cardBalanceAfterFen })
const toPreviewed = [scanned(patient), lines(extraction), previewed()]

describe('the desk moves idle → payer → bill → previewed → paid', () => {
  test('a member scan names the payer; lines make a bill; the preview is the quote; confirming pays', () => {
    expect(INITIAL_DESK.stage).toBe('idle')
    expect(run(scanned(patient))).toMatchObject({ stage: 'payer', payer: { patientId: 'pat_a', name: '李明' } })
    expect(run(scanned(patient), lines(extraction)).stage).toBe('bill')
    expect(run(...toPreviewed)).toMatchObject({ stage: 'previewed', preview: { result: { quoteId: 'q1_0000000000000001' }, requestId: 'req-1' } })
    expect(run(...toPreviewed, paid())).toMatchObject({ stage: 'paid', receipt: { billId: 'bill_r1' } })
  })

  test('removing the last line goes back to payer', () => {
    expect(run(scanned(patient), lines(extraction), lines()).stage).toBe('payer')
  })

  test('any change to the bill after a preview returns to bill and drops the quote', () => {
    for (const change of [lines(extraction, extraction), { type: 'fieldChanged', field: 'bonusText', value: '10' } as DeskEvent, scanned(card()), { type: 'cardRemoved' } as DeskEvent]) {
      const s = run(...toPreviewed, scanned(card('pat_a')), previewed(), change)
      expect([s.stage, s.preview]).toEqual(['bill', null])
    }
  })

  test('S3: previewing the same bill again keeps its request id; a different bill gets a new one', () => {
    expect(run(...toPreviewed, lines(extraction), previewed('fp1', 'req-2')).preview?.requestId).toBe('req-1')
    expect(run(...toPreviewed, lines(extraction, extraction), previewed('fp2', 'req-2')).preview?.requestId).toBe('req-2')
  })

  test('a preview answer for a bill changed while it was on its way is dropped', () => {
    const asked = run(scanned(patient), lines(extraction))
    const changed = deskReducer(asked, lines(extraction, extraction))
    expect(deskReducer(changed, { ...previewed(), basis: basisOf(asked) })).toBe(changed)
  })

  test('a charge answered after staff touched the bill still shows its receipt (the money was taken)', () => {
    expect(run(...toPreviewed, lines(extraction, extraction), paid())).toMatchObject({ stage: 'paid', receipt: { billId: 'bill_r1' } })
  })

  test('a refused quote (QUOTE_CHANGED) goes back to bill, keeping lines and request id for the new preview', () => {
    const s = run(...toPreviewed, { type: 'previewStale' })
    expect(s).toMatchObject({ stage: 'bill', preview: null, lines: [extraction], request: { id: 'req-1' } })
    expect(step(s, previewed('fp1', 'req-9', quote('q1_0000000000000002'))).preview).toMatchObject({ requestId: 'req-1', result: { quoteId: 'q1_0000000000000002' } })
  })

  test('a new scan from paid starts over: nobody, no card, no coupon, no lines', () => {
    const s = run(scanned(card('pat_a')), scanned(coupon('pat_a')), lines(extraction), previewed(), paid(), scanned(other))
    expect(s).toMatchObject({ stage: 'payer', payer: { patientId: 'pat_b' }, card: null, coupon: null, lines: [], receipt: null, request: null })
  })

  test('next bill keeps the payer and a card with money left; drops a spent coupon and a used-up card', () => {
    const withBoth = [scanned(patient), scanned(card()), scanned(coupon('pat_a')), lines(extraction), previewed()]
    expect(run(...withBoth, paid(receipt(0), 20_000), { type: 'nextBill' })).toMatchObject({ stage: 'payer', card: { balanceFen: 20_000, state: 'partly_used' }, coupon: { couponId: 'cp1' }, lines: [] })
    expect(run(...withBoth, paid(receipt(10_000), 0), { type: 'nextBill' })).toMatchObject({ card: null, coupon: null })
  })
})

describe('who pays (S1, F4, R2)', () => {
  test('F4: a card with a registered holder makes the holder the payer; a payer scanned first stays the payer', () => {
    expect(run(scanned(card('pat_h'))).payer).toEqual({ patientId: 'pat_h', name: '小美', scanned: null })
    expect(run(scanned(patient), scanned(card('pat_h'))).payer?.patientId).toBe('pat_a')
  })

  test('F5: an unregistered card holder leaves the desk idle until registered here', () => {
    const s = run(scanned(card()))
    expect(s).toMatchObject({ stage: 'idle', payer: null, card: { cardId: 'fc1' } })
    const { kind: _kind, ...registered } = card('pat_new') as Extract<ScanResult, { kind: 'friend_card' }>
    expect(deskReducer(s, { type: 'cardRegistered', card: registered })).toMatchObject({ stage: 'payer', payer: { patientId: 'pat_new' } })
  })

  test('R2: the coupon\'s holder pays, even when someone else was scanned first', () => {
    expect(run(scanned(patient), scanned(coupon('pat_c'))).payer?.patientId).toBe('pat_c')
    expect(run(scanned(coupon()), { type: 'couponRegistered', patientId: 'pat_c', name: '小周' })).toMatchObject({ stage: 'payer', coupon: { holderPatientId: 'pat_c' } })
  })
})

describe('what each state refuses (the same state comes back: nothing drawn, nothing sent)', () => {
  const refused = (s: DeskState, e: DeskEvent) => expect(step(s, e)).toBe(s)

  test('idle: no lines, no fields, no preview, no payment, no next bill', () => {
    const idle = run()
    for (const e of [lines(extraction), { type: 'fieldChanged', field: 'bonusText', value: '1' } as DeskEvent, previewed(), { type: 'nextBill' } as DeskEvent, { type: 'previewStale' } as DeskEvent]) refused(idle, e)
  })

  test('payer: nothing to preview or pay yet', () => {
    const s = run(scanned(patient))
    for (const e of [previewed(), { type: 'nextBill' } as DeskEvent, { type: 'previewStale' } as DeskEvent]) refused(s, e)
  })

  test('bill: nothing to go back from, no next bill', () => {
    const s = run(scanned(patient), lines(extraction))
    for (const e of [{ type: 'nextBill' } as DeskEvent, { type: 'previewStale' } as DeskEvent]) refused(s, e)
  })

  test('previewed: no second "next bill"', () => refused(run(...toPreviewed), { type: 'nextBill' }))

  test('paid: the bill cannot be edited, re-previewed or paid again; card and coupon stay as paid', () => {
    const s = run(scanned(card('pat_a')), scanned(coupon('pat_a')), lines(extraction), previewed(), paid())
    for (const e of [lines(), { type: 'fieldChanged', field: 'bonusText', value: '1' } as DeskEvent, previewed(), paid(), { type: 'previewStale' } as DeskEvent,
      { type: 'cardRemoved' } as DeskEvent, { type: 'couponRemoved' } as DeskEvent, { type: 'consentNeeded' } as DeskEvent]) refused(s, e)
  })

  test('removing a card or coupon that is not there changes nothing', () => {
    const s = run(scanned(patient))
    refused(s, { type: 'cardRemoved' })
    refused(s, { type: 'couponRemoved' })
  })
})

test('an error is shown until cleared or the bill changes; a new quote keeps it, to say why the amount is new', () => {
  const err = { zh: '价格已变化', en: 'changed', code: 'QUOTE_CHANGED' }
  const s = run(...toPreviewed, { type: 'failed', error: err }, { type: 'previewStale' }, previewed('fp1', 'req-2', quote('q1_0000000000000002')))
  expect(s).toMatchObject({ stage: 'previewed', error: err })
  expect(deskReducer(s, { type: 'errorCleared' }).error).toBeNull()
  expect(deskReducer(s, lines(extraction, extraction)).error).toBeNull()
})
