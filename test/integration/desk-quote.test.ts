/**
 * Issue 13 item 7 at the server: the preview answers a quote, the confirmation names it, and a bill
 * whose money changed meanwhile (a price, a card balance) is refused with QUOTE_CHANGED, nothing
 * written; previewing again gives the new quote, which confirms. Older clients (expectedDueFen only)
 * keep working, and a retry stays a replay (S3).
 */
import type { CardCode, ConfirmedBill, Result, ScannedCard } from '../../src/api/contract'
import type { QuotedBill } from '../../src/domain/bill/quote'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { data, openCloud, RECEPTION } from './helpers'
import { refusedUnchanged } from './snapshot-all'

const EXTRACTION = { itemId: 'pi_demo_extraction' } // 拔牙, treatment, ¥300
let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const reception = (event: object, openid = RECEPTION) => cloud.call('reception', event, openid)
const preview = async (bill: object) => data(await reception({ action: 'previewBill', ...bill })) as QuotedBill
const confirm = (bill: object, q: QuotedBill, requestId: string) =>
  reception({ action: 'confirmBill', ...bill, requestId, quoteId: q.quoteId, expectedDueFen: q.totals.dueFen })

async function refusedWithNothingWritten(call: () => Promise<unknown>, expected: string): Promise<void> {
  expect((await refusedUnchanged(cloud, call as () => Promise<Result<unknown>>)).code).toBe(expected)
}

const raisePrice = async (priceFen: number) => data(await cloud.call('records', {
  action: 'savePriceItem', requestId: `raise-${priceFen}`, itemId: 'pi_demo_extraction', version: 0, name: '拔牙', category: 'treatment', priceFen, active: true,
}, 'demo-staff-admin'))

test('a preview is a quote; confirming it charges once, and a double tap replays the same bill (S3)', async () => {
  const bill = { patientId: 'pat_plain', items: [EXTRACTION] }
  const q = await preview(bill)
  expect(q.quoteId).toMatch(/^q1_[0-9a-f]{16}$/)
  expect((await preview(bill)).quoteId).toBe(q.quoteId) // nothing changed: the same quote
  const bills = await cloud.store.count('bills')
  const [a, b] = await Promise.all([confirm(bill, q, 'quote-ok-01'), confirm(bill, q, 'quote-ok-01')])
  const first = data(a) as ConfirmedBill
  expect(first.paidFen).toBe(30_000)
  expect((data(b) as ConfirmedBill).billId).toBe(first.billId)
  expect(await cloud.store.count('bills')).toBe(bills + 1)
})

test('a price raised after the preview: QUOTE_CHANGED, nothing written; the new preview confirms at the new price', async () => {
  const bill = { patientId: 'pat_plain', items: [EXTRACTION] }
  const q = await preview(bill)
  await raisePrice(35_000)
  await refusedWithNothingWritten(() => confirm(bill, q, 'quote-price-01'), 'QUOTE_CHANGED')
  const fresh = await preview(bill)
  expect(fresh.quoteId).not.toBe(q.quoteId)
  expect(fresh.totals.dueFen).toBe(35_000)
  expect((data(await confirm(bill, fresh, 'quote-price-01')) as ConfirmedBill).paidFen).toBe(35_000)
})

test('F4: the card spent elsewhere after the preview: QUOTE_CHANGED, nothing written', async () => {
  data(await cloud.call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, 'demo-member-giver'))
  data(await cloud.call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001', acceptReminders: true }, 'demo-friend'))
  const mc = data(await cloud.call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, 'demo-friend')) as CardCode
  const s = data(await reception({ action: 'scan', code: mc.token })) as ScannedCard
  const reg = data(await cloud.call('friendcard', { action: 'register', ticket: s.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
  const bill = { patientId: reg.holderPatientId, friendCardTicket: reg.ticket, items: [EXTRACTION, EXTRACTION] }
  const q = await preview(bill)
  expect(q.totals.friendCardFen).toBeGreaterThan(0)
  // Another desk bills the same card first.
  const other = { ...bill, items: [EXTRACTION] }
  data(await confirm(other, await preview(other), 'quote-card-other'))
  await refusedWithNothingWritten(() => confirm(bill, q, 'quote-card-01'), 'QUOTE_CHANGED')
})

test('a quote made for another payer, or not a quote id at all, is refused, nothing written', async () => {
  const q = await preview({ patientId: 'pat_plain', items: [EXTRACTION] })
  const other = { patientId: 'pat_lifetime', items: [EXTRACTION] }
  const theirs = await preview(other)
  await refusedWithNothingWritten(() => confirm(other, { ...theirs, quoteId: q.quoteId }, 'quote-other-01'), 'QUOTE_CHANGED')
  await refusedWithNothingWritten(() => confirm(other, { ...theirs, quoteId: 'q1_not-a-hash' }, 'quote-bad-01'), 'VALIDATION')
})

test('an older client naming only the amount still confirms; a stale amount is still BILL_CHANGED', async () => {
  const bill = { patientId: 'pat_plain', items: [EXTRACTION] }
  await refusedWithNothingWritten(() => reception({ action: 'confirmBill', ...bill, requestId: 'old-client-01', expectedDueFen: 29_000 }), 'BILL_CHANGED')
  const done = data(await reception({ action: 'confirmBill', ...bill, requestId: 'old-client-01', expectedDueFen: 30_000 })) as ConfirmedBill
  expect(done.paidFen).toBe(30_000)
})
