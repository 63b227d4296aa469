/** The ¥600 friends stored-value card end to end (F1–F7, S1, S3) on the embedded database. */
import type { CardCode, CardOffer, CardShare, ConfirmedBill, IssuedCard, MyCards, ScannedCard } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { FriendCard } from '../../src/domain/friendcard/card'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, openCloud, RECEPTION, snapshot } from './helpers'
import { pick, stock } from './catalogue'

const GIVER = 'demo-member-giver' // 周婷, holds the demo card fc_demo_new
const CONSULTANT = 'demo-staff-consultant'
const DIRECTOR = 'demo-staff-director'
const FRIEND = 'demo-friend'
const NEW_CARD_TOKEN = 'demo-share-token-new-card-0001'
// Price list items (issue 13), stocked before each test and picked by id as the desk does.
const EXTRACTION = { name: '拔牙 extraction', category: 'treatment', amountFen: 45_000 }
const FLOSS = { name: '牙线 floss', category: 'oral_care_product', amountFen: 8_000 }
const IMPLANT = { name: '种植 implant', category: 'treatment', amountFen: 60_000 }
const BRACES = { name: '正畸 braces', category: 'treatment', amountFen: 1_500_000 }
const extraction = pick(EXTRACTION)
const floss = pick(FLOSS)

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud(); await stock(cloud, [EXTRACTION, FLOSS, IMPLANT, BRACES]) })
afterEach(() => cloud.close())

const fc = (event: object, openid: string) => cloud.call('friendcard', event, openid)
const card = (id = 'fc_demo_new') => cloud.store.get<FriendCard>('friendCards', id)

/** Share → claim → the friend's code → reception scans it: returns the desk's ticket. */
async function claimedAndScanned(friend = FRIEND): Promise<ScannedCard> {
  data(await fc({ action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await fc({ action: 'claim', token: NEW_CARD_TOKEN, acceptReminders: true }, friend))
  const mc = data(await fc({ action: 'code', cardId: 'fc_demo_new' }, friend)) as CardCode
  return data(await cloud.call('reception', { action: 'scan', code: mc.token }, RECEPTION)) as ScannedCard
}

async function registeredTicket(): Promise<{ ticket: string; patientId: string }> {
  const s = await claimedAndScanned()
  const reg = data(await fc({ action: 'register', ticket: s.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
  return { ticket: reg.ticket, patientId: reg.holderPatientId! }
}

describe('issue (F1, F2)', () => {
  test('a consultant issues a card after confirming treatment progress; the member now sees it', async () => {
    const before = data(await fc({ action: 'mine' }, 'demo-member-annual')) as MyCards
    expect(before.given).toEqual([]) // hidden benefit: nothing to see before it is issued
    const issued = data(await fc({ action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'issue-0001' }, CONSULTANT)) as IssuedCard
    expect(issued).toMatchObject({ faceValueFen: 60_000, giverName: '王芳' }) // staff see the record's name; friends will see 王*
    const after = data(await fc({ action: 'mine' }, 'demo-member-annual')) as MyCards
    expect(after.given).toEqual([expect.objectContaining({ cardId: issued.cardId, state: 'issued', balanceFen: 60_000 })])
    expect(after.rules.lines.length).toBeGreaterThan(3) // full rules shown before sharing (C1)
  })

  test('a double tap issues one card; the yearly cap refuses the next (F1, S3)', async () => {
    const req = { action: 'issue', patientId: 'pat_treatment_half', treatmentConfirmed: true, requestId: 'issue-dbl-01' }
    const [a, b] = await Promise.all([fc(req, CONSULTANT), fc(req, CONSULTANT)])
    expect((data(a) as IssuedCard).cardId).toBe((data(b) as IssuedCard).cardId)
    // 周婷 already had one this year; the default cap is 2.
    expect(code(await fc({ ...req, requestId: 'issue-dbl-02' }, CONSULTANT))).toBe('CARD_LIMIT')
  })

  test('refused: without the treatment confirmation, by reception, by a member', async () => {
    const before = await snapshot(cloud)
    expect(code(await fc({ action: 'issue', patientId: 'pat_annual', treatmentConfirmed: false, requestId: 'issue-0002' }, CONSULTANT))).toBe('TREATMENT_NOT_CONFIRMED')
    expect(code(await fc({ action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'issue-0003' }, RECEPTION))).toBe('FORBIDDEN')
    expect(code(await fc({ action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'issue-0004' }, 'demo-member-lifetime'))).toBe('FORBIDDEN')
    expect(await snapshot(cloud)).toBe(before)
  })
})

describe('share and claim (F3, C1, C2)', () => {
  test('the share carries an unguessable token and an honest title', async () => {
    const s = data(await fc({ action: 'share', cardId: 'fc_demo_new' }, GIVER)) as CardShare
    expect(s.path).toBe(`/pages/card/claim/index?t=${NEW_CARD_TOKEN}`)
    expect(s.title).toContain('¥600.00')
    expect(code(await fc({ action: 'share', cardId: 'fc_demo_new' }, 'demo-member-lifetime'))).toBe('NOT_FOUND')
  })

  test('the friend sees only the giver\'s display name and the offer, then claims it', async () => {
    const o = data(await fc({ action: 'offer', token: NEW_CARD_TOKEN }, FRIEND)) as CardOffer
    expect(Object.keys(o).sort()).toEqual(['availability', 'balanceFen', 'chain', 'expiresAt', 'faceValueFen', 'giverDisplayName', 'rules']) // chain: the currency and zone (issue 14), nothing of the giver
    expect(o).toMatchObject({ giverDisplayName: '周*', availability: 'available', faceValueFen: 60_000 })
    const claimed = data(await fc({ action: 'claim', token: NEW_CARD_TOKEN, acceptReminders: true }, FRIEND)) as CardOffer
    expect(claimed.availability).toBe('yours')
    expect(await cloud.store.get('consents', FRIEND)).toMatchObject({ counts: { card_expiry: 1 } }) // N3
  })

  test('a second friend sees it is taken; the giver cannot claim their own', async () => {
    data(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, FRIEND))
    expect(code(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, 'demo-friend-2'))).toBe('CARD_TAKEN')
    expect((data(await fc({ action: 'offer', token: NEW_CARD_TOKEN }, 'demo-friend-2')) as CardOffer).availability).toBe('taken')
    expect(code(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, GIVER))).toBe('CARD_OWN')
  })

  test('the giver opening their own unclaimed link is refused', async () => {
    expect((data(await fc({ action: 'offer', token: NEW_CARD_TOKEN }, GIVER)) as CardOffer).availability).toBe('own')
    expect(code(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, GIVER))).toBe('CARD_OWN')
  })

  test('50 people claiming one card at once: exactly one owner', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => fc({ action: 'claim', token: NEW_CARD_TOKEN }, `wx-stranger-${i}`)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)))).toEqual(new Set(['CARD_TAKEN']))
    expect((await card())!.friendOpenid).toMatch(/^wx-stranger-/)
  })

  test('an unknown token is a typed error', async () => {
    expect(code(await fc({ action: 'offer', token: 'no-such-token-at-all' }, FRIEND))).toBe('CARD_NOT_FOUND')
  })
})

describe('redeem at reception (F4, S1, S2, S3)', () => {
  test('issue 2 scenario: ¥450 extraction + ¥80 floss → card pays ¥450, friend pays ¥80, ¥150 stays', async () => {
    const { ticket, patientId } = await registeredTicket()
    const items = [extraction, floss]
    const preview = data(await cloud.call('reception', { action: 'previewBill', patientId, items, friendCardTicket: ticket }, RECEPTION)) as BillResult
    expect(preview.totals).toMatchObject({ friendCardFen: 45_000, dueFen: 8_000 })
    const req = { action: 'confirmBill', patientId, items, friendCardTicket: ticket, requestId: 'card-bill-01', expectedDueFen: 8_000 }
    const first = data(await cloud.call('reception', req, RECEPTION)) as ConfirmedBill
    const again = data(await cloud.call('reception', req, RECEPTION)) as ConfirmedBill
    expect([first.replayed, again.replayed]).toEqual([false, true])
    const c = (await card())!
    expect(c.balanceFen).toBe(15_000)
    expect([first.cardBalanceAfterFen, again.cardBalanceAfterFen]).toEqual([15_000, 15_000]) // the desk shows what is left without computing it (issue 13)
    const entries = await cloud.store.query<{ _id: string; amountFen: number }>('ledger', { where: { accountId: 'friend_card:fc_demo_new' } })
    expect(entries.reduce((s, e) => s + e.amountFen, 0)).toBe(15_000) // the card's ledger equals its balance
    const mine = data(await fc({ action: 'mine' }, FRIEND)) as MyCards
    expect(mine.received[0]).toMatchObject({ state: 'partly_used', balanceFen: 15_000, expiresAt: null }) // registered: no expiry
  })

  test('50 redemptions of the full balance at once: exactly one succeeds, never negative', async () => {
    const { ticket, patientId } = await registeredTicket()
    const items = [pick(IMPLANT)]
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => cloud.call('reception', { action: 'confirmBill', patientId, items, friendCardTicket: ticket, requestId: `race-${String(i).padStart(4, '0')}`, expectedDueFen: 0 }, RECEPTION)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await card())!.balanceFen).toBe(0)
    expect((await card())!.status).toBe('used_up')
  })

  test('a used or old friend code is refused; a forged one too (S1)', async () => {
    data(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, FRIEND))
    const mc = data(await fc({ action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
    data(await cloud.call('reception', { action: 'scan', code: mc.token }, RECEPTION))
    expect(code(await cloud.call('reception', { action: 'scan', code: mc.token }, RECEPTION))).toBe('CODE_USED')
    const mc2 = data(await fc({ action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
    cloud.clock.advance(61_000)
    expect(code(await cloud.call('reception', { action: 'scan', code: mc2.token }, RECEPTION))).toBe('CODE_EXPIRED')
    expect(code(await cloud.call('reception', { action: 'scan', code: mc2.token.replace('.F.', '.M.') }, RECEPTION))).toBe('CODE_INVALID')
    expect(code(await fc({ action: 'code', cardId: 'fc_demo_new' }, 'demo-friend-2'))).toBe('CARD_NOT_FOUND') // not the holder
  })

  test('bad redemptions: ineligible items only, a stale ticket, after expiry — typed error, nothing written', async () => {
    const s = await claimedAndScanned()
    const reg = data(await fc({ action: 'register', ticket: s.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
    const before = await snapshot(cloud)
    expect(code(await cloud.call('reception', { action: 'confirmBill', patientId: reg.holderPatientId, items: [floss], friendCardTicket: reg.ticket, requestId: 'inelig-01', expectedDueFen: 8_000 }, RECEPTION))).toBe('CARD_NOT_ELIGIBLE')
    expect(code(await cloud.call('reception', { action: 'confirmBill', patientId: reg.holderPatientId, items: [extraction], friendCardTicket: 'YY1.T.fc_demo_new.1.xxxx', requestId: 'forged-01', expectedDueFen: 0 }, RECEPTION))).toBe('CODE_INVALID')
    expect(await snapshot(cloud)).toBe(before)
  })

  test('F5: an unregistered card is refused after expiry even before the sweep; a registered one never expires', async () => {
    const s = await claimedAndScanned()
    const c = (await card())!
    cloud.clock.pin(new Date(Date.parse(c.expiresAt) + 1))
    const payer = 'pat_plain'
    expect(code(await cloud.call('reception', { action: 'previewBill', patientId: payer, items: [extraction], friendCardTicket: cloud.deps.qr.sign('T', c._id, cloud.clock.now(), 60).token }, RECEPTION))).toBe('CARD_EXPIRED')
    // Registered before expiry: it keeps working long after.
    cloud.clock.pin(new Date(Date.parse(c.expiresAt) - 86_400_000))
    data(await fc({ action: 'register', ticket: cloud.deps.qr.sign('T', c._id, cloud.clock.now(), 60).token, name: '小美', phone: '13600001234' }, RECEPTION))
    cloud.clock.pin(new Date(Date.parse(c.expiresAt) + 200 * 86_400_000))
    const r = data(await cloud.call('reception', { action: 'previewBill', patientId: payer, items: [extraction], friendCardTicket: cloud.deps.qr.sign('T', c._id, cloud.clock.now(), 60).token }, RECEPTION)) as BillResult
    expect(r.totals.friendCardFen).toBe(45_000)
    expect(s.ticket).toBeTruthy()
  })
})

describe('lifecycle, reminders, results (F5, F6, F7)', () => {
  test('the director revokes with a reason; the card then refuses everything', async () => {
    expect(code(await fc({ action: 'revoke', cardId: 'fc_demo_new', reason: '误发' }, RECEPTION))).toBe('FORBIDDEN')
    data(await fc({ action: 'revoke', cardId: 'fc_demo_new', reason: '误发 issued by mistake' }, DIRECTOR))
    expect(code(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, FRIEND))).toBe('CARD_REVOKED')
    const c = (await card())!
    expect(c.history.at(-1)).toMatchObject({ event: 'revoked', actor: 'staff_dir_sh', reason: '误发 issued by mistake' })
  })

  test('the daily job expires unregistered cards past validity, once', async () => {
    data(await fc({ action: 'claim', token: NEW_CARD_TOKEN }, FRIEND))
    cloud.clock.advance(100 * 86_400_000)
    const first = data(await cloud.runDaily()) as { cardsExpired: number }
    expect(first.cardsExpired).toBeGreaterThanOrEqual(2) // 周婷's and 李明's claimed demo cards
    expect((await card())!.status).toBe('expired')
    expect((data(await cloud.runDaily()) as { cardsExpired: number }).cardsExpired).toBe(0)
  })

  test('due reminders carry stable keys (F6)', async () => {
    cloud.clock.advance(3 * 86_400_000)
    const due = data(await fc({ action: 'reminders' }, DIRECTOR)) as { key: string }[]
    expect(due.map((r) => r.key)).toContain('fc:fc_demo_new:unshared:3')
    const again = data(await fc({ action: 'reminders' }, DIRECTOR)) as { key: string }[]
    expect(again).toEqual(due)
  })

  test('the director sees what the programme earns: friends\' spend since claiming (F7)', async () => {
    const { ticket, patientId } = await registeredTicket()
    data(await cloud.call('reception', { action: 'confirmBill', patientId, items: [extraction, floss], friendCardTicket: ticket, requestId: 'f7-bill-01', expectedDueFen: 8_000 }, RECEPTION))
    data(await cloud.call('reception', { action: 'confirmBill', patientId, items: [pick(BRACES)], requestId: 'f7-bill-02', expectedDueFen: 1_500_000 }, RECEPTION))
    const s = data(await fc({ action: 'summary' }, DIRECTOR)) as { counts: Record<string, number>; friendsRevenueFen: number; redeemedFen: number }
    expect(s.friendsRevenueFen).toBe(8_000 + 1_500_000)
    expect(s.redeemedFen).toBe(45_000)
    expect(s.counts).toMatchObject({ issued: 3, claimed: 2, registered: 1, redeemed: 1, expired: 1 })
  })
})
