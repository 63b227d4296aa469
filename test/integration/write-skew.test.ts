/**
 * Issue 11 item 5: write skew. The embedded store now behaves as CloudBase (snapshot reads, first
 * committer wins, transactions interleave), so every invariant that spans documents is raced here
 * with concurrent use-case calls. Each must hold because the use case writes a guarding document
 * that every racer also writes (a quota, the event, the owner, the card, the R6 guards, the payout).
 */
import type { CardCode, FamilyInvite, IssuedCard, NewPatient, ScannedCard } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { FriendCard } from '../../src/domain/friendcard/card'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { isStoreError, type Store, type TxContext } from '../../cloudfunctions/_core/ports/store'
import { SqliteStore } from '../../cloudfunctions/_core/adapters/embedded/sqlite-store'
import { code, data, LIFETIME, openCloud, RECEPTION } from './helpers'
import { picked } from './catalogue'

const CONSULTANT = 'demo-staff-consultant'
const DIRECTOR = 'demo-staff-director'
const GIVER = 'demo-member-giver'
const FRIEND = 'demo-friend'
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)

let cloud: LocalCloud
/** CONFLICTs the store raised (withRetry retried them): shows that the racers really overlapped. */
let conflicts = 0
beforeEach(async () => {
  cloud = await openCloud()
  conflicts = 0
  const store = cloud.store as Store
  const run = store.transaction.bind(store)
  store.transaction = (fn) => run(fn).catch((e: unknown) => { if (isStoreError(e, 'CONFLICT')) conflicts++; throw e })
})
afterEach(() => cloud.close())

const call = (fn: string, event: object, openid: string) => cloud.call(fn, event, openid)
// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object) => call('reception', await picked(cloud, event), RECEPTION)
const oks = (rs: Array<{ ok: boolean }>) => rs.filter((r) => r.ok).length
const refusals = (rs: Array<{ ok: boolean }>) => rs.filter((r) => !r.ok).map((r) => code(r as never))

let seq = 0
async function bill(patientId: string, items: object[], extra: object = {}) {
  const p = data(await desk({ action: 'previewBill', patientId, items, ...extra })) as BillResult
  return { requestId: `ws-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: p.totals.dueFen, action: 'confirmBill', patientId, items, ...extra }
}

test('F1: three cards issued at once to a member with one place left this year: exactly one', async () => {
  // 周婷 (pat_treatment_half) already has one card this year; the default cap is 2.
  const before = await cloud.store.count('friendCards', { giverPatientId: 'pat_treatment_half' })
  const rs = await Promise.all([1, 2, 3].map((i) => call('friendcard', { action: 'issue', patientId: 'pat_treatment_half', treatmentConfirmed: true, requestId: `ws-issue-${i}` }, CONSULTANT)))
  expect(oks(rs)).toBe(1)
  expect(refusals(rs)).toEqual(['CARD_LIMIT', 'CARD_LIMIT'])
  expect(conflicts).toBeGreaterThan(0) // the racers' transactions really overlapped
  expect(await cloud.store.count('friendCards', { giverPatientId: 'pat_treatment_half' })).toBe(before + 1)
  const issued = rs.find((r) => r.ok)!
  expect(await cloud.store.count('ledger', { accountId: `friend_card:${(data(issued) as IssuedCard).cardId}` })).toBe(1)
})

test('M3: two invitees accepting the last family place at once: one bound, the family stays at its cap', async () => {
  const invite = async () => (data(await call('family', { action: 'invite' }, LIFETIME)) as FamilyInvite).token
  const [a, b] = [await invite(), await invite()]
  const rs = await Promise.all([call('family', { action: 'accept', token: a }, 'demo-member-annual'), call('family', { action: 'accept', token: b }, 'demo-patient-plain')])
  expect(oks(rs)).toBe(1)
  expect(refusals(rs)).toEqual(['FAMILY_FULL'])
  expect(conflicts).toBeGreaterThan(0) // the racers' transactions really overlapped
  expect(await cloud.store.count('patients', { familyOwnerId: 'pat_lifetime' })).toBe(3)
  const loser = rs[0].ok ? 'pat_plain' : 'pat_annual'
  expect((await cloud.store.get<{ _id: string; familyOwnerId?: string }>('patients', loser))?.familyOwnerId).toBeUndefined()
})

test('N4: three members answering yes at once for the last places: the count never passes capacity', async () => {
  cloud.clock.pin(sh('2027-01-05 10:00'))
  data(await call('events', { action: 'create', kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 3 }, DIRECTOR))
  const rsvp = (openid: string) => call('events', { action: 'rsvp', eventId: 'ev_valentine_20270214', attending: true, guests: 1 }, openid)
  const rs = await Promise.all([rsvp(LIFETIME), rsvp('demo-member-near'), rsvp('demo-member-annual')])
  expect(oks(rs)).toBe(1) // two people each: only one pair fits in 3
  expect(refusals(rs)).toEqual(['EVENT_FULL', 'EVENT_FULL'])
  expect(conflicts).toBeGreaterThan(0) // the racers' transactions really overlapped
  const e = await cloud.store.get<{ _id: string; going: number }>('events', 'ev_valentine_20270214')
  const yes = await cloud.store.query<{ _id: string; guests: number }>('eventRsvps', { where: { eventId: 'ev_valentine_20270214', answer: 'yes' } })
  expect(e!.going).toBe(yes.reduce((n, r) => n + 1 + r.guests, 0))
  expect(e!.going).toBeLessThanOrEqual(3)
})

test('card balance: two partial redemptions of one friend card at once never spend more than it holds', async () => {
  data(await call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001', acceptReminders: true }, FRIEND))
  const mc = data(await call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
  const s = data(await desk({ action: 'scan', code: mc.token })) as ScannedCard
  const reg = data(await call('friendcard', { action: 'register', ticket: s.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
  const extraction = [{ name: '拔牙', category: 'treatment', amountFen: 45_000 }] // the card holds ¥600: one fits, not two
  const reqs = [await bill(reg.holderPatientId!, extraction, { friendCardTicket: reg.ticket }), await bill(reg.holderPatientId!, extraction, { friendCardTicket: reg.ticket })]
  const rs = await Promise.all(reqs.map((r) => desk(r)))
  expect(oks(rs)).toBe(1)
  expect(refusals(rs)).toEqual(['BILL_CHANGED']) // the second sees ¥150 left: the amount due changed
  expect(conflicts).toBeGreaterThan(0) // the racers' transactions really overlapped
  const card = (await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!
  expect(card.balanceFen).toBe(15_000)
  const ledger = await cloud.store.query<{ _id: string; amountFen: number }>('ledger', { where: { accountId: 'friend_card:fc_demo_new' } })
  expect(ledger.reduce((n, l) => n + l.amountFen, 0)).toBe(card.balanceFen)
  expect(await cloud.store.count('bills', { patientId: reg.holderPatientId! })).toBe(1)
})

test('R6: one person\'s two first payments at once, named by two referrers: one referral locks, one payout', async () => {
  const friend = data(await desk({ action: 'registerWalkIn', name: '甲', phone: '13077778888' })) as NewPatient
  const treatment = [{ name: '治疗', category: 'treatment', amountFen: 100_000 }]
  const reqs = [await bill(friend.patientId, treatment, { referrerCode: '100007' }), await bill(friend.patientId, treatment, { referrerCode: '100008' })]
  await Promise.all(reqs.map((r) => desk(r)))
  const locked = await cloud.store.query('referrals', { where: { friendPatientId: friend.patientId, status: 'locked' } })
  expect(locked).toHaveLength(1)
  expect(conflicts).toBeGreaterThan(0) // the racers' transactions really overlapped
  expect(await cloud.store.count('payouts', { referrerPatientId: 'pat_plain' }) + await cloud.store.count('payouts', { referrerPatientId: 'pat_bonus' })).toBe(1)
})

test('R6: three people on one phone paying first at once: one referral locks', async () => {
  const ps = [
    data(await desk({ action: 'registerWalkIn', name: '甲', phone: '13077778888' })) as NewPatient,
    data(await desk({ action: 'registerWalkIn', name: '乙', phone: '13077778888', sharedPhone: true })) as NewPatient,
    data(await desk({ action: 'registerWalkIn', name: '丙', phone: '13077778888', sharedPhone: true })) as NewPatient,
  ]
  const treatment = [{ name: '治疗', category: 'treatment', amountFen: 100_000 }]
  const codes = ['100007', '100008', '100001']
  const reqs = await Promise.all(ps.map((p, i) => bill(p.patientId, treatment, { referrerCode: codes[i] })))
  await Promise.all(reqs.map((r) => desk(r)))
  expect(await cloud.store.query('referrals', { where: { status: 'locked', friendPhone: '13077778888' } })).toHaveLength(1)
  expect(conflicts).toBeGreaterThan(0) // the racers' transactions really overlapped
})

test('payout marked paid twice at once: once, by one reference', async () => {
  const friend = data(await desk({ action: 'registerWalkIn', name: '甲', phone: '13077778888' })) as NewPatient
  data(await desk(await bill(friend.patientId, [{ name: '治疗', category: 'treatment', amountFen: 100_000 }], { referrerCode: '100007' })))
  const [due] = await cloud.store.query<{ _id: string }>('payouts', { where: { status: 'due' } })
  const id = due._id
  const mark = (reference: string) => call('referral', { action: 'markPaid', payoutId: id, method: 'cash', reference }, RECEPTION)
  const rs = await Promise.all([mark('现金-甲'), mark('现金-乙')])
  expect(oks(rs)).toBe(1)
  expect(refusals(rs)).toEqual(['PAYOUT_ALREADY_PAID'])
  const p = await cloud.store.get<{ _id: string; status: string; reference: string; markAttempts: number }>('payouts', id)
  expect(p).toMatchObject({ status: 'paid', reference: rs[0].ok ? '现金-甲' : '现金-乙', markAttempts: 2 })
})


describe('the embedded store itself (CloudBase\'s snapshot isolation)', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = new SqliteStore({ file: ':memory:' })
    await store.set('duty', { _id: 'a', on: true })
    await store.set('duty', { _id: 'b', on: true })
  })
  afterEach(() => store.close())
  type Duty = { _id: string; on: boolean }
  /** Two transactions that both finish their reads before either writes. */
  const both = <R>(body: (tx: TxContext, i: number) => Promise<void>, write: (tx: TxContext, i: number) => Promise<R>) => {
    let arrived = 0
    let release!: () => void
    const allRead = new Promise<void>((r) => { release = r })
    return Promise.allSettled([0, 1].map((i) => store.transaction(async (tx) => {
      await body(tx, i)
      if (++arrived === 2) release()
      await allRead
      return write(tx, i)
    })))
  }

  test('write skew IS possible: each reads both and takes a different one off duty; both commit', async () => {
    const seen: boolean[][] = [[], []]
    const rs = await both(async (tx, i) => { seen[i] = [(await tx.get<Duty>('duty', 'a'))!.on, (await tx.get<Duty>('duty', 'b'))!.on] },
      async (tx, i) => { if (seen[i].every(Boolean)) await tx.update('duty', i === 0 ? 'a' : 'b', { set: { on: false } }) })
    expect(rs.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
    expect([(await store.get<Duty>('duty', 'a'))!.on, (await store.get<Duty>('duty', 'b'))!.on]).toEqual([false, false])
  })

  test('two transactions writing one document: the first commit wins, the second fails with CONFLICT and writes nothing', async () => {
    const rs = await both(async (tx) => { await tx.get('duty', 'a') },
      async (tx, i) => { await tx.update('duty', 'a', { set: { by: i } }); await tx.create('notes', { _id: `n${i}` }) })
    expect(rs[0].status).toBe('fulfilled')
    expect(rs[1].status === 'rejected' && isStoreError(rs[1].reason, 'CONFLICT')).toBe(true)
    expect(await store.get('duty', 'a')).toEqual({ _id: 'a', on: true, by: 0 })
    expect(await store.query('notes')).toEqual([{ _id: 'n0' }])
  })

  test('a snapshot ignores later commits, deletes and creates by others, and sees its own writes', async () => {
    let view: unknown[] = []
    const outcome = await store.transaction(async (tx) => {
      await tx.get('duty', 'a') // the snapshot
      await store.transaction(async (other) => { await other.update('duty', 'a', { set: { on: false } }); await other.delete('duty', 'b'); await other.create('duty', { _id: 'c', on: true }) })
      await store.set('duty', { _id: 'a', on: true, again: 1 })
      view = [await tx.get('duty', 'a'), await tx.get('duty', 'b'), await tx.get('duty', 'c')]
      await tx.update('duty', 'b', { set: { mine: true } })
      view.push(await tx.get('duty', 'b'))
    }).catch((e: unknown) => e)
    expect(view).toEqual([{ _id: 'a', on: true }, { _id: 'b', on: true }, null, { _id: 'b', on: true, mine: true }])
    // Its update of b (deleted by a commit since its snapshot) makes the commit fail, writing nothing.
    expect(isStoreError(outcome, 'CONFLICT')).toBe(true)
    expect(await store.get('duty', 'b')).toBeNull()
    const reads: unknown[] = []
    await store.transaction(async (tx) => {
      reads.push(await tx.get('duty', 'a'))
      await store.set('duty', { _id: 'a', on: false })
      reads.push(await tx.get('duty', 'a'), await tx.get('duty', 'c'))
    })
    expect(reads).toEqual([{ _id: 'a', on: true, again: 1 }, { _id: 'a', on: true, again: 1 }, { _id: 'c', on: true }])
  })
})
