/** The reception slice (S1, S2, S3) through the cloud functions on the embedded database. */
import type { ConfirmedBill, MemberCode, ScannedPatient } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, LIFETIME, openCloud, RECEPTION, snapshot } from './helpers'
import { pick, stock } from './catalogue'

// Issue 13: reception bills price list items; these are stocked in the list before each test.
const EXTRACTION = { name: '拔牙 extraction', category: 'treatment', amountFen: 45_000 }
const SPECIAL = { name: '特价洁牙 cleaning special', category: 'special_price', amountFen: 9_900 }
const FILLING_SPECIAL = { name: '补牙 filling', category: 'special_price', amountFen: 60_000 }
const extraction = pick(EXTRACTION)
const special = pick(SPECIAL)

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud(); await stock(cloud, [EXTRACTION, SPECIAL, FILLING_SPECIAL]) })
afterEach(() => cloud.close())

const reception = (event: object, openid = RECEPTION) => cloud.call('reception', event, openid)

async function scanLifetimeMember(): Promise<ScannedPatient> {
  const mc = data(await cloud.call('member', { action: 'code' }, LIFETIME)) as MemberCode
  return data(await reception({ action: 'scan', code: mc.token })) as ScannedPatient
}

test('reception scans a member code and sees who it is, tier and discount, phone masked (S1, C2)', async () => {
  const p = await scanLifetimeMember()
  expect(p).toMatchObject({ name: '李明', recordNo: '100001', tier: 'lifetime', discount: 'member', maskedPhone: '139****5678' })
})

test('a typed record number finds the patient too', async () => {
  const p = data(await reception({ action: 'scan', code: '100002' })) as ScannedPatient
  expect(p).toMatchObject({ name: '张丽', discount: 'family' }) // M3: family of a lifetime member
})

test('a member code older than its lifetime (a screenshot) is refused', async () => {
  const mc = data(await cloud.call('member', { action: 'code' }, LIFETIME)) as MemberCode
  cloud.clock.advance((mc.ttlSeconds + 1) * 1000)
  expect(code(await reception({ action: 'scan', code: mc.token }))).toBe('CODE_EXPIRED')
  expect(code(await reception({ action: 'scan', code: mc.token.replace('pat_lifetime', 'pat_annual') }))).toBe('CODE_INVALID')
})

test('preview applies the member discount to eligible items only (M2, S2)', async () => {
  const r = data(await reception({ action: 'previewBill', patientId: 'pat_lifetime', items: [extraction, special] })) as BillResult
  expect(r.totals).toMatchObject({ subtotalFen: 54_900, memberDiscountFen: 5_400, dueFen: 49_500 })
  expect(r.lines[1].skipped[0].kind).toBe('member_discount')
})

test('confirming writes the payment to the ledger and grows cumulative spend; a retry charges nothing again (S3)', async () => {
  const p = await scanLifetimeMember()
  const req = { action: 'confirmBill', patientId: p.patientId, items: [extraction, special], requestId: 'req-0001-abcd', expectedDueFen: 49_500 }
  const first = data(await reception(req)) as ConfirmedBill
  expect(first).toMatchObject({ paidFen: 49_500, replayed: false, cumulativeSpendAfterFen: p.cumulativeSpendFen + 49_500 })
  const again = data(await reception(req)) as ConfirmedBill
  expect(again).toMatchObject({ billId: first.billId, paidFen: 49_500, replayed: true })

  const home = data(await cloud.call('member', { action: 'home' }, LIFETIME)) as { cumulativeSpendFen: number; ledger: { id: string; kind: string; amountFen: number; balanceAfterFen: number }[] }
  expect(home.cumulativeSpendFen).toBe(p.cumulativeSpendFen + 49_500)
  // Newest first: this bill's one payment, then the spend from earlier visits; spend = Σ payments (M6).
  const payments = home.ledger.filter((e) => e.kind === 'bill_payment')
  expect(payments.map((e) => e.amountFen)).toEqual([49_500, p.cumulativeSpendFen])
  expect(home.ledger[0].balanceAfterFen).toBe(home.cumulativeSpendFen)
})

test('a double tap — ten identical confirmations at once — charges exactly once', async () => {
  const req = { action: 'confirmBill', patientId: 'pat_plain', items: [extraction], requestId: 'double-tap-01', expectedDueFen: 45_000 }
  const results = (await Promise.all(Array.from({ length: 10 }, () => reception(req)))).map((r) => data(r) as ConfirmedBill)
  expect(results.filter((r) => !r.replayed)).toHaveLength(1)
  expect(await cloud.store.count('ledger', { billId: 'bill_double-tap-01' })).toBe(1)
  expect((await cloud.store.get<{ _id: string; cumulativeSpendFen: number }>('patients', 'pat_plain'))!.cumulativeSpendFen).toBe(45_000 + 45_000)
})

test('the same requestId with a different bill is refused, not merged', async () => {
  data(await reception({ action: 'confirmBill', patientId: 'pat_plain', items: [extraction], requestId: 'reuse-0001', expectedDueFen: 45_000 }))
  const before = await snapshot(cloud)
  expect(code(await reception({ action: 'confirmBill', patientId: 'pat_plain', items: [special], requestId: 'reuse-0001', expectedDueFen: 9_900 }))).toBe('IDEMPOTENCY_MISMATCH')
  expect(await snapshot(cloud)).toBe(before)
})

test('the payment that crosses ¥30,000 makes a lifetime member, without retro-discounting that bill (M1)', async () => {
  // 陈静 is an annual member ¥500 short of the threshold.
  const bill = { action: 'confirmBill', patientId: 'pat_near_lifetime', items: [pick(FILLING_SPECIAL)], requestId: 'cross-0001', expectedDueFen: 60_000 }
  const r = data(await reception(bill)) as ConfirmedBill
  expect(r).toMatchObject({ tierAfter: 'lifetime', cumulativeSpendAfterFen: 3_010_000, paidFen: 60_000 })
})

test('bonus balance pays part of the bill; only money paid counts as spend (R5, M6)', async () => {
  // R5: stored value is spent only for a payer who showed their own member code in this visit.
  const mc = data(await cloud.call('member', { action: 'code' }, 'demo-patient-bonus')) as MemberCode
  const { payerTicket } = data(await reception({ action: 'scan', code: mc.token })) as ScannedPatient
  const r = data(await reception({ action: 'confirmBill', patientId: 'pat_bonus', items: [extraction], useBonusFen: 15_000, payerTicket, requestId: 'bonus-0001', expectedDueFen: 30_000 })) as ConfirmedBill
  expect(r.result.totals.bonusFen).toBe(15_000)
  expect(r.cumulativeSpendAfterFen).toBe(260_000 + 30_000)
  const acc = await cloud.store.get<{ _id: string; balanceFen: number }>('accounts', 'bonus:pat_bonus')
  expect(acc!.balanceFen).toBe(5_000)
  const entries = await cloud.store.query<{ _id: string; amountFen: number }>('ledger', { where: { accountId: 'bonus:pat_bonus' } })
  expect(entries.reduce((s, e) => s + e.amountFen, 0)).toBe(acc!.balanceFen) // the projection equals the entries
})

describe('bad input: typed error, nothing written', () => {
  const cases: Array<[string, object, string, string?]> = [
    ['unknown action', { action: 'refundEverything' }, 'UNKNOWN_ACTION'],
    ['no action', { patientId: 'pat_plain' }, 'UNKNOWN_ACTION'],
    ['missing items', { action: 'confirmBill', patientId: 'pat_plain', requestId: 'bad-00001', expectedDueFen: 0 }, 'VALIDATION'],
    ['empty bill', { action: 'previewBill', patientId: 'pat_plain', items: [] }, 'VALIDATION'],
    ['negative amount', { action: 'confirmBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, amountFen: -100 }], requestId: 'bad-00002', expectedDueFen: 0 }, 'VALIDATION'],
    ['fractional fen', { action: 'confirmBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, amountFen: 100.5 }], requestId: 'bad-00003', expectedDueFen: 100 }, 'VALIDATION'],
    ['amount as a string', { action: 'previewBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, amountFen: '450' }] }, 'VALIDATION'],
    ['unknown category', { action: 'previewBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, category: 'cash' }] }, 'VALIDATION'],
    ['unknown patient', { action: 'confirmBill', patientId: 'pat_nobody', items: [extraction], requestId: 'bad-00004', expectedDueFen: 45_000 }, 'PATIENT_NOT_FOUND'],
    ['stale total', { action: 'confirmBill', patientId: 'pat_lifetime', items: [extraction], requestId: 'bad-00005', expectedDueFen: 45_000 }, 'BILL_CHANGED'],
    ['more bonus than held', { action: 'confirmBill', patientId: 'pat_bonus', items: [extraction], useBonusFen: 20_001, storedValueOverride: '患者手机没电', requestId: 'bad-00006', expectedDueFen: 24_999 }, 'INSUFFICIENT_BALANCE'],
    ['bonus for a payer found by typed record number (not present)', { action: 'confirmBill', patientId: 'pat_bonus', items: [extraction], useBonusFen: 100, requestId: 'bad-00008', expectedDueFen: 44_900 }, 'PAYER_NOT_PRESENT'],
    ['bonus with another patient\'s payer ticket', { action: 'previewBill', patientId: 'pat_bonus', items: [extraction], useBonusFen: 100, payerTicket: 'YY1.P.pat_plain.9999999999.forged' }, 'PAYER_NOT_PRESENT'],
    ['bonus with a one-word override', { action: 'previewBill', patientId: 'pat_bonus', items: [extraction], useBonusFen: 100, storedValueOverride: '熟人' }, 'PAYER_NOT_PRESENT'],
    ['a member calling a staff action', { action: 'confirmBill', patientId: 'pat_lifetime', items: [extraction], requestId: 'bad-00007', expectedDueFen: 39_600 }, 'FORBIDDEN', LIFETIME],
    ['a doctor billing', { action: 'previewBill', patientId: 'pat_plain', items: [extraction] }, 'FORBIDDEN', 'demo-staff-doctor'],
    ['a stranger', { action: 'scan', code: '100001' }, 'FORBIDDEN', 'some-random-openid'],
  ]
  test.each(cases)('%s', async (_name, event, expected, openid = RECEPTION) => {
    const before = await snapshot(cloud)
    expect(code(await reception(event, openid))).toBe(expected)
    expect(await snapshot(cloud)).toBe(before)
  })

  test('unknown function, non-object event, and no caller', async () => {
    expect(code(await cloud.call('payroll', { action: 'run' }, RECEPTION))).toBe('UNKNOWN_FUNCTION')
    expect(code(await cloud.call('reception', [1, 2], RECEPTION))).toBe('BAD_REQUEST')
    expect(code(await cloud.call('reception', { action: 'scan', code: '100001' }, null))).toBe('UNAUTHENTICATED')
  })

  test('the validation error says which field is wrong, in both languages', async () => {
    const r = await reception({ action: 'previewBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, amountFen: -1 }] })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message.en).toContain('items.0.amountFen')
      expect(r.error.message.zh).toContain('items.0.amountFen')
    }
  })
})
