/**
 * Issue 13 item 1 at the server: a bill's lines come from the price list (M2, F4). Reception names a
 * catalogue item and a quantity; the catalogue decides name, price and category. Free text is for
 * the director and admin only. Uses the demo chain's price list (cloudfunctions/_local/demo-price-list.ts).
 */
import type { CardCode, ConfirmedBill, ScannedCard } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { BillDoc } from '../../cloudfunctions/_core/model'
import { data, openCloud, RECEPTION } from './helpers'
import { refusedUnchanged } from './snapshot-all'

const DIRECTOR = 'demo-staff-director'
const EXTRACTION = { itemId: 'pi_demo_extraction' } // 拔牙, treatment, ¥300
const SPECIAL = { itemId: 'pi_demo_special_scaling' } // 特价洁牙, special price, ¥99
const RETIRED = { itemId: 'pi_demo_old_package' } // 旧版洁牙套餐, no longer offered
const TYPED = { name: '拔牙 extraction', category: 'treatment', amountFen: 100 }

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const reception = (event: object, openid = RECEPTION) => cloud.call('reception', event, openid)

/** The call is refused with `expected`, and no collection changed. */
async function refusedWithNothingWritten(event: object, expected: string, openid = RECEPTION): Promise<void> {
  expect((await refusedUnchanged(cloud, () => reception(event, openid))).code).toBe(expected)
}

test('the catalogue decides name, price and category; a quantity multiplies the price', async () => {
  const r = data(await reception({ action: 'previewBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, quantity: 2 }] })) as BillResult
  expect(r.lines[0]).toMatchObject({ name: '拔牙 ×2', category: 'treatment', amountFen: 60_000 })
  expect(r.totals.dueFen).toBe(60_000)
})

test('a receptionist\'s free-text line is refused (BILL_FREE_TEXT_FORBIDDEN), at preview and confirm, nothing written', async () => {
  await refusedWithNothingWritten({ action: 'previewBill', patientId: 'pat_plain', items: [EXTRACTION, TYPED] }, 'BILL_FREE_TEXT_FORBIDDEN')
  await refusedWithNothingWritten({ action: 'confirmBill', patientId: 'pat_plain', items: [TYPED], requestId: 'free-text-01', expectedDueFen: 100 }, 'BILL_FREE_TEXT_FORBIDDEN')
})

test('a line that names its own category or price next to the item is refused, not corrected', async () => {
  await refusedWithNothingWritten({ action: 'confirmBill', patientId: 'pat_plain', items: [{ ...SPECIAL, category: 'treatment' }], requestId: 'mixed-0001', expectedDueFen: 9_900 }, 'VALIDATION')
  await refusedWithNothingWritten({ action: 'confirmBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, quantity: 0 }], requestId: 'mixed-0002', expectedDueFen: 0 }, 'VALIDATION')
})

test('an unknown or a retired item is refused, nothing written', async () => {
  await refusedWithNothingWritten({ action: 'confirmBill', patientId: 'pat_plain', items: [{ itemId: 'pi_no_such_item' }], requestId: 'unknown-01', expectedDueFen: 0 }, 'PRICE_ITEM_NOT_FOUND')
  await refusedWithNothingWritten({ action: 'confirmBill', patientId: 'pat_plain', items: [EXTRACTION, RETIRED], requestId: 'retired-01', expectedDueFen: 65_000 }, 'PRICE_ITEM_INACTIVE')
  await refusedWithNothingWritten({ action: 'previewBill', patientId: 'pat_plain', items: [RETIRED] }, 'PRICE_ITEM_INACTIVE')
})

test('M2: a special-price catalogue item gets no member discount; the treatment beside it does', async () => {
  const r = data(await reception({ action: 'previewBill', patientId: 'pat_lifetime', items: [EXTRACTION, SPECIAL] })) as BillResult
  expect(r.lines.map((l) => [l.name, l.category])).toEqual([['拔牙', 'treatment'], ['特价洁牙', 'special_price']])
  expect(r.lines[0].adjustments.map((a) => a.kind)).toEqual(['member_discount'])
  expect(r.lines[1].adjustments).toEqual([])
  expect(r.lines[1].skipped.map((s) => s.kind)).toContain('member_discount')
  expect(r.totals).toMatchObject({ subtotalFen: 39_900, memberDiscountFen: 3_600, dueFen: 36_300 })
})

test('F4: a friend card does not pay a special-price catalogue item', async () => {
  data(await cloud.call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, 'demo-member-giver'))
  data(await cloud.call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001', acceptReminders: true }, 'demo-friend'))
  const mc = data(await cloud.call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, 'demo-friend')) as CardCode
  const s = data(await reception({ action: 'scan', code: mc.token })) as ScannedCard
  const reg = data(await cloud.call('friendcard', { action: 'register', ticket: s.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
  const bill = { patientId: reg.holderPatientId, friendCardTicket: reg.ticket }
  await refusedWithNothingWritten({ action: 'confirmBill', ...bill, items: [SPECIAL], requestId: 'card-special', expectedDueFen: 9_900 }, 'CARD_NOT_ELIGIBLE')
  const r = data(await reception({ action: 'previewBill', ...bill, items: [EXTRACTION, SPECIAL] })) as BillResult
  expect(r.totals).toMatchObject({ friendCardFen: 30_000, dueFen: 9_900 }) // the card pays the extraction only
})

test('the director may bill a free-text line; the bill keeps it as typed', async () => {
  const items = [EXTRACTION, { name: '夜磨牙垫', category: 'oral_care_product', amountFen: 50_000 }]
  const preview = data(await reception({ action: 'previewBill', patientId: 'pat_plain', items }, DIRECTOR)) as BillResult
  expect(preview.totals.dueFen).toBe(80_000)
  const done = data(await reception({ action: 'confirmBill', patientId: 'pat_plain', items, requestId: 'director-01', expectedDueFen: 80_000 }, DIRECTOR)) as ConfirmedBill
  const doc = await cloud.store.get<BillDoc>('bills', done.billId)
  expect(doc!.items).toEqual([
    { name: '拔牙', category: 'treatment', amountFen: 30_000 },
    { name: '夜磨牙垫', category: 'oral_care_product', amountFen: 50_000 },
  ])
})

test('S3: a confirm replay with the same request id answers the same bill, even after a price change; a changed line is a conflict', async () => {
  const req = { action: 'confirmBill', patientId: 'pat_plain', items: [{ ...EXTRACTION, quantity: 2 }], requestId: 'replay-0001', expectedDueFen: 60_000 }
  const billsBefore = await cloud.store.count('bills')
  const first = data(await reception(req)) as ConfirmedBill
  expect(first).toMatchObject({ paidFen: 60_000, replayed: false })
  // The admin raises the price meanwhile: the retry is the bill already made, not a new price.
  data(await cloud.call('records', { action: 'savePriceItem', requestId: 'raise-price-01', itemId: 'pi_demo_extraction', version: 0, name: '拔牙', category: 'treatment', priceFen: 35_000, active: true }, 'demo-staff-admin'))
  const again = data(await reception(req)) as ConfirmedBill
  expect(again).toMatchObject({ billId: first.billId, paidFen: 60_000, replayed: true })
  expect(await cloud.store.count('bills')).toBe(billsBefore + 1)
  await refusedWithNothingWritten({ ...req, items: [{ ...EXTRACTION, quantity: 3 }] }, 'IDEMPOTENCY_MISMATCH')
  await refusedWithNothingWritten({ ...req, items: [SPECIAL] }, 'IDEMPOTENCY_MISMATCH')
})
