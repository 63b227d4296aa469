/**
 * F7 running totals (issue 14 item 6): every write of a card — issue, share, claim, registration,
 * a bill that spends it, the friend's later bills and refunds, revocation, the expiry sweep — moves
 * the totals exactly as a recount from the cards and bills would, also under concurrent desks.
 */
import type { BillResult } from '../../src/domain/bill/engine'
import type { CardCode, CardSummary, ScannedCard } from '../../src/api/contract'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { addFigures, NO_FIGURES, type CardFigures } from '../../src/domain/friendcard/figures'
import type { FriendCard } from '../../src/domain/friendcard/card'
import { SHARD_IDS, type CardTotalsDoc } from '../../cloudfunctions/_core/usecases/friendcard-totals'
import { rebuildCardTotals } from '../../cloudfunctions/_core/usecases/friendcard-rebuild'
import { code, data, openCloud, RECEPTION } from './helpers'
import { pick, stock } from './catalogue'

const GIVER = 'demo-member-giver'
const DIRECTOR = 'demo-staff-director'
const FRIEND = 'demo-patient-plain' // 赵磊, already a patient: the claim itself notes the card under him
const FRIEND_ID = 'pat_plain'
const TOKEN = 'demo-share-token-new-card-0001'
const EXTRACTION = { name: '拔牙 extraction', category: 'treatment', amountFen: 45_000 }
const FLOSS = { name: '牙线 floss', category: 'oral_care_product', amountFen: 8_000 }
const BRACES = { name: '正畸 braces', category: 'treatment', amountFen: 1_500_000 }
const DAY = 86_400_000

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud(); await stock(cloud, [EXTRACTION, FLOSS, BRACES]) })
afterEach(() => cloud.close())

const fc = (event: object, openid: string) => cloud.call('friendcard', event, openid)

async function kept(): Promise<CardFigures> {
  const docs = await Promise.all(SHARD_IDS.map((id) => cloud.store.get<CardTotalsDoc>('cardTotals', id)))
  const sum = docs.reduce<CardFigures>((s, d) => (d ? addFigures(s, d) : s), NO_FIGURES)
  return Object.fromEntries(Object.keys(NO_FIGURES).map((k) => [k, sum[k as keyof CardFigures]])) as unknown as CardFigures
}

/** The kept totals, checked against a recount from every card and bill (which then replaces them). */
async function keptMatchesRecount(): Promise<CardFigures> {
  const before = await kept()
  await rebuildCardTotals(cloud.store, 'recount')
  expect(before).toEqual(await kept())
  return before
}

/** Preview, then confirm at the due amount, as the desk does. */
async function bill(requestId: string, items: object[], ticket?: string): Promise<number> {
  const ask = { patientId: FRIEND_ID, items, ...(ticket ? { friendCardTicket: ticket } : {}) }
  const due = (data(await cloud.call('reception', { action: 'previewBill', ...ask }, RECEPTION)) as BillResult).totals.dueFen
  data(await cloud.call('reception', { action: 'confirmBill', ...ask, requestId, expectedDueFen: due }, RECEPTION))
  return due
}

async function ticket(): Promise<string> {
  const mc = data(await fc({ action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
  return (data(await cloud.call('reception', { action: 'scan', code: mc.token }, RECEPTION)) as ScannedCard).ticket
}

test('every kind of card write keeps the totals equal to a recount; the summary reads them (F1–F7)', async () => {
  const start = await keptMatchesRecount()
  data(await fc({ action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'tot-issue-1' }, 'demo-staff-consultant'))
  expect((await keptMatchesRecount()).issued).toBe(start.issued + 1)
  data(await fc({ action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await fc({ action: 'claim', token: TOKEN, acceptReminders: false }, FRIEND))
  expect(await keptMatchesRecount()).toMatchObject({ shared: start.shared + 1, claimed: start.claimed + 1 })

  // A bill before the claim would not count; this one spends the card (F4) and the friend pays the floss.
  expect(await bill('tot-bill-1', [pick(EXTRACTION), pick(FLOSS)], await ticket())).toBe(8_000)
  expect(await bill('tot-bill-2', [pick(BRACES)])).toBe(1_500_000)
  const bills = await cloud.store.query<{ _id: string; requestId: string }>('bills', { where: { patientId: FRIEND_ID }, limit: 10 })
  const braces = bills.find((b) => b.requestId === 'tot-bill-2')!
  data(await cloud.call('reception', { action: 'refund', billId: braces._id, amountFen: 100_000, reason: '部分退款 partial refund', requestId: 'tot-refund-1' }, DIRECTOR))
  const spent = await keptMatchesRecount()
  expect(spent).toMatchObject({ redeemed: start.redeemed + 1, redeemedFen: start.redeemedFen + 45_000, friendsRevenueFen: start.friendsRevenueFen + 8_000 + 1_500_000 - 100_000 })
  expect((await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!.friendSpendFen).toBe(1_408_000)

  data(await fc({ action: 'revoke', cardId: 'fc_tot-issue-1', reason: '误发 issued by mistake' }, DIRECTOR))
  expect((await keptMatchesRecount()).revoked).toBe(start.revoked + 1)

  // F5: past validity, a live unregistered card shows as expired before the sweep writes it so, and once after.
  cloud.clock.advance(100 * DAY)
  const unswept = data(await fc({ action: 'summary' }, DIRECTOR)) as CardSummary
  data(await cloud.runDaily())
  const swept = data(await fc({ action: 'summary' }, DIRECTOR)) as CardSummary
  expect(swept.counts).toEqual(unswept.counts)
  expect(swept.counts.expired).toBeGreaterThan(start.expired)
  const after = await keptMatchesRecount()
  expect(swept).toMatchObject({ redeemedFen: after.redeemedFen, friendsRevenueFen: after.friendsRevenueFen })
  expect(swept.counts).toMatchObject({ issued: after.issued, expired: after.expired, revoked: after.revoked })
  expect(swept.cards.find((c) => c.cardId === 'fc_demo_new')).toMatchObject({ friendSpendFen: 1_408_000 })
})

test('ten desks billing the same friend at once: every bill counted once on the card and in the totals (F7)', async () => {
  data(await fc({ action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await fc({ action: 'claim', token: TOKEN, acceptReminders: false }, FRIEND))
  const before = await keptMatchesRecount()
  await Promise.all(Array.from({ length: 10 }, (_, i) => bill(`tot-many-${i}`, [pick(FLOSS)])))
  expect((await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!.friendSpendFen).toBe(80_000)
  expect((await keptMatchesRecount()).friendsRevenueFen).toBe(before.friendsRevenueFen + 80_000)
})

test('the card list pages by the cursor with nothing skipped or repeated; the figures cover every card (F7)', async () => {
  for (let i = 0; i < 3; i++) {
    for (const p of ['pat_annual', 'pat_bonus', 'pat_plain', 'pat_lifetime']) {
      await fc({ action: 'issue', patientId: p, treatmentConfirmed: true, requestId: `tot-page-${p}-${i}` }, 'demo-staff-consultant')
    }
  }
  const all = await cloud.store.count('friendCards')
  const seen: string[] = []
  let before: string | undefined
  do {
    const s = data(await fc({ action: 'summary', ...(before ? { before } : {}) }, DIRECTOR)) as CardSummary
    expect(s.counts.issued).toBe(all)
    seen.push(...s.cards.map((c) => c.cardId))
    before = s.nextBefore
  } while (before)
  expect(seen.length).toBe(all)
  expect(new Set(seen).size).toBe(all)
})

test('after an upgrade the admin recounts the totals once; the director\'s figures are whole again (F7, R8)', async () => {
  const right = data(await fc({ action: 'summary' }, DIRECTOR)) as CardSummary
  // A chain whose cards predate the totals: no totals documents, no notes of claimed cards.
  for (const id of SHARD_IDS) await cloud.store.delete('cardTotals', id)
  for (const n of await cloud.store.query<{ _id: string }>('cardFriends', { limit: 100 })) await cloud.store.delete('cardFriends', n._id)
  expect((data(await fc({ action: 'summary' }, DIRECTOR)) as CardSummary).counts.issued).toBe(0)
  expect(code(await cloud.call('team', { action: 'rebuildTotals' }, DIRECTOR))).toBe('FORBIDDEN')
  const done = data(await cloud.call('team', { action: 'rebuildTotals' }, 'demo-staff-admin')) as { cards: number; referrers: number }
  expect(done.cards).toBe(right.counts.issued)
  const again = data(await fc({ action: 'summary' }, DIRECTOR)) as CardSummary
  expect(again).toEqual(right)
  // The notes are back too: the friend's next bill counts on the card.
  data(await fc({ action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await fc({ action: 'claim', token: TOKEN, acceptReminders: false }, FRIEND))
  for (const n of await cloud.store.query<{ _id: string }>('cardFriends', { limit: 100 })) await cloud.store.delete('cardFriends', n._id)
  data(await cloud.call('team', { action: 'rebuildTotals' }, 'demo-staff-admin'))
  await bill('tot-after-upgrade', [pick(FLOSS)])
  expect((await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!.friendSpendFen).toBe(8_000)
})
