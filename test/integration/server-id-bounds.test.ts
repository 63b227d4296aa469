/**
 * Issue 10 hardening: client-made ids are bounded so no id derived from them outgrows what a
 * signed code carries (a QR subject is ≤ 64 characters, see runtime/schema.ts). An over-long id
 * or token is a typed VALIDATION error, and nothing is written anywhere.
 */
import { MAX_ID, MAX_REQUEST_ID, MAX_TOKEN } from '../../cloudfunctions/_core/runtime/schema'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { everything } from './snapshot-all'
import { code, data, NOW, openCloud, RECEPTION } from './helpers'

const CONSULTANT = 'demo-staff-consultant'
const DIRECTOR = 'demo-staff-director'
const FRIEND = 'demo-friend'
const GIVER = 'demo-member-giver'

const item = { itemId: 'pi_demo_extraction' } // 拔牙 ¥300 from the demo price list (issue 13)
const rid = (n: number) => 'r'.repeat(n)

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(async () => { await cloud.close() })

/** The call is refused with VALIDATION (zh and en) and every collection is as it was. */
async function refusedAsValidation(fn: string, event: Record<string, unknown>, openid: string) {
  const before = everything(cloud)
  const r = await cloud.call(fn, event, openid)
  expect(code(r)).toBe('VALIDATION')
  expect(everything(cloud)).toBe(before)
}

test(`a bill's requestId longer than ${MAX_REQUEST_ID} is refused; ${MAX_REQUEST_ID} is fine`, async () => {
  await refusedAsValidation('reception', { action: 'confirmBill', patientId: 'pat_plain', items: [item], requestId: rid(MAX_REQUEST_ID + 1), expectedDueFen: 30_000 }, RECEPTION)
  await refusedAsValidation('reception', { action: 'confirmBill', patientId: 'pat_plain', items: [item], requestId: rid(64), expectedDueFen: 30_000 }, RECEPTION)
  const bill = data(await cloud.call('reception', { action: 'confirmBill', patientId: 'pat_plain', items: [item], requestId: rid(MAX_REQUEST_ID), expectedDueFen: 30_000 }, RECEPTION)) as { billId: string }
  expect(bill.billId.length).toBeLessThanOrEqual(MAX_ID)
})

test('a refund\'s requestId longer than the bound is refused', async () => {
  const bill = data(await cloud.call('reception', { action: 'confirmBill', patientId: 'pat_plain', items: [item], requestId: 'bound-bill-01', expectedDueFen: 30_000 }, RECEPTION)) as { billId: string }
  await refusedAsValidation('reception', { action: 'refund', billId: bill.billId, amountFen: 1_000, reason: '多收', requestId: rid(MAX_REQUEST_ID + 1) }, DIRECTOR)
})

test('a friend card\'s requestId becomes its card id, which a signed code must carry: bounded', async () => {
  await refusedAsValidation('friendcard', { action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: rid(MAX_REQUEST_ID + 1) }, CONSULTANT)
  const card = data(await cloud.call('friendcard', { action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: rid(MAX_REQUEST_ID) }, CONSULTANT)) as { cardId: string }
  // The longest card id still signs and verifies as a code (F, S1).
  const { token } = cloud.deps.qr.sign('F', card.cardId, NOW, 60)
  expect(token.length).toBeLessThanOrEqual(MAX_TOKEN)
  expect(cloud.deps.qr.verify(token, NOW)).toMatchObject({ ok: true, claims: { subject: card.cardId } })
})

test('an id or a token longer than a code can carry is refused before anything is looked up', async () => {
  await refusedAsValidation('friendcard', { action: 'share', cardId: 'c'.repeat(MAX_ID + 1) }, GIVER)
  await refusedAsValidation('friendcard', { action: 'offer', token: 't'.repeat(MAX_TOKEN + 1) }, FRIEND)
  await refusedAsValidation('friendcard', { action: 'claim', token: 't'.repeat(MAX_TOKEN + 1) }, FRIEND)
  await refusedAsValidation('family', { action: 'accept', token: 't'.repeat(MAX_TOKEN + 1) }, FRIEND)
  await refusedAsValidation('reception', { action: 'confirmBill', patientId: 'pat_plain', items: [item], requestId: 'bound-bill-02', expectedDueFen: 30_000, couponTicket: `YY1.T.${'x'.repeat(MAX_TOKEN)}` }, RECEPTION)
  await refusedAsValidation('reception', { action: 'previewBill', patientId: 'p'.repeat(MAX_ID + 1), items: [item] }, RECEPTION)
})

test('the referral poster\'s scene (what a mini-program code carries, ≤ 32 characters) stays within bounds', async () => {
  const poster = jest.spyOn(cloud.deps.poster, 'referralCode')
  data(await cloud.call('referral', { action: 'posterCode' }, 'demo-member-lifetime'))
  expect(poster).toHaveBeenCalledTimes(1)
  expect(poster.mock.calls[0][0].scene.length).toBeLessThanOrEqual(32)
  poster.mockRestore()
})
