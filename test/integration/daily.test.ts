/**
 * The daily job (N1, N2, N4) and the outbox (N3) on the embedded database: expiry at the exact
 * boundary, reminders once each however often the job runs, a stopped run that resumes, quiet
 * hours, consent, retries, greetings on the day, the birthday gift list.
 */
import type { ConsentCounts, InboxItem, OutboxReport } from '../../src/api/contract'
import type { FriendCard } from '../../src/domain/friendcard/card'
import type { OutboxMessage } from '../../src/domain/notify/messages'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { runDaily, type DailySummary } from '../../cloudfunctions/_core/usecases/daily'
import { timeBudget } from '../../cloudfunctions/_core/usecases/daily/schedule'
import type { CouponDoc, PatientDoc } from '../../cloudfunctions/_core/model'
import { code, data, openCloud, RECEPTION } from './helpers'
import { lines } from './catalogue'

const DIRECTOR = 'demo-staff-director'
const FRIEND2 = 'demo-friend-2' // holds 李明's claimed card fc_demo_claimed
const DAY = 86_400_000
/** An instant given as Shanghai wall time, e.g. sh('2026-12-01 09:00'). */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const daily = async (at?: Date) => {
  if (at) cloud.clock.pin(at)
  return data(await cloud.runDaily()) as DailySummary
}
const outbox = (where: Record<string, unknown> = {}) => cloud.store.query<OutboxMessage>('outbox', { where: where as never, limit: 1000 })
const inbox = async (openid: string) => data(await cloud.call('notify', { action: 'inbox' }, openid)) as InboxItem[]
const subscribe = async (openid: string, templates: string[], times = 1) => {
  for (let i = 0; i < times; i++) data(await cloud.call('notify', { action: 'subscribe', templates, source: 'test' }, openid))
}

describe('expiry (N1, F5, R2, M1)', () => {
  test('a friend card expires the instant after its last valid moment, not before; a registered one never', async () => {
    const c = (await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!
    await daily(new Date(c.expiresAt)) // the last valid instant: still valid
    expect((await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!.status).toBe('issued')
    const s = await daily(new Date(Date.parse(c.expiresAt) + 1))
    expect(s.cardsExpired).toBeGreaterThanOrEqual(1)
    const after = (await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!
    expect(after.status).toBe('expired')
    expect(await cloud.store.get('ledger', 'fc_demo_new:expire')).toMatchObject({ kind: 'card_expire', amountFen: -60_000 })
  })

  test('F5: a friend who registered keeps the card past its date, whatever the job does', async () => {
    const card = (await cloud.store.get<FriendCard>('friendCards', 'fc_demo_claimed'))!
    await cloud.store.set('friendCards', { ...card, registeredAt: card.claimedAt, friendPatientId: 'pat_new_1' })
    await daily(new Date(Date.parse(card.expiresAt) + 1))
    await daily(new Date(Date.parse(card.expiresAt) + 400 * DAY))
    expect((await cloud.store.get<FriendCard>('friendCards', 'fc_demo_claimed'))!.status).toBe('claimed')
  })

  test('a first-visit coupon expires after its last valid instant (R2)', async () => {
    const expiresAt = '2026-12-22T15:59:59.999Z'
    await cloud.store.set<CouponDoc>('coupons', { _id: 'cp_t', referralId: 'r', referrerPatientId: 'pat_bonus', friendOpenid: 'demo-friend', discountFen: 30_000, gift: 'floss', issuedAt: '2026-11-22T02:00:00Z', expiresAt, status: 'active', policyVersion: 1 })
    expect((await daily(new Date(expiresAt))).couponsExpired).toBe(0)
    expect((await daily(new Date(Date.parse(expiresAt) + 1))).couponsExpired).toBe(1)
    expect((await cloud.store.get<CouponDoc>('coupons', 'cp_t'))!.status).toBe('expired')
  })

  test('an annual membership lapses after its end (M1, M7); a renewal in between wins', async () => {
    const p = (await cloud.store.get<PatientDoc>('patients', 'pat_annual_lapsing'))!
    await daily(new Date(p.annualUntil!))
    expect((await cloud.store.get<PatientDoc>('patients', p._id))!.tier).toBe('annual')
    const s = await daily(new Date(Date.parse(p.annualUntil!) + 1))
    expect(s.annualLapsed).toBe(1)
    expect((await cloud.store.get<PatientDoc>('patients', p._id))!.tier).toBe('none')
  })
})

describe('reminders (F6, M7) are queued once each', () => {
  test('the friend hears 30, 14 and 3 days before expiry, once each, with the job running three times a day', async () => {
    await subscribe(FRIEND2, ['card_expiry'], 2) // the demo friend already gave one consent: three in all
    const card = (await cloud.store.get<FriendCard>('friendCards', 'fc_demo_claimed'))!
    const start = Date.parse('2026-11-23T01:00:00Z') // 09:00 the next day in Shanghai
    for (let t = start; t < Date.parse(card.expiresAt); t += DAY) {
      for (const h of [0, 4, 9]) await daily(new Date(t + h * 3_600_000)) // 09:00, 13:00, 18:00
    }
    const keys = (await outbox({ template: 'card_expiry' })).map((m) => m._id).sort()
    expect(keys).toEqual(['fc:fc_demo_claimed:expiry:14', 'fc:fc_demo_claimed:expiry:3', 'fc:fc_demo_claimed:expiry:30'])
    const got = await inbox(FRIEND2)
    expect(got.map((m) => m.id).sort()).toEqual(keys)
    expect(got.find((m) => m.id.endsWith(':3'))!.body.zh).toContain('李*') // the giver's display name, nothing more (C2)
    expect((data(await cloud.call('notify', { action: 'consents' }, FRIEND2)) as ConsentCounts).counts.card_expiry).toBe(0)
  })

  test('a person without consent gets nothing on WeChat, and the outbox says why (N3)', async () => {
    const card = (await cloud.store.get<FriendCard>('friendCards', 'fc_demo_claimed'))!
    const noon = Date.parse(card.expiresAt) - 12 * 3_600_000 // expiry is at midnight; remind at noon, outside quiet hours
    await daily(new Date(noon - 20 * DAY)) // 30-day reminder: the demo consent pays for it
    await daily(new Date(noon - 10 * DAY)) // 14-day reminder: no consent left
    expect(await cloud.store.get<OutboxMessage>('outbox', 'fc:fc_demo_claimed:expiry:30')).toMatchObject({ status: 'sent' })
    expect(await cloud.store.get<OutboxMessage>('outbox', 'fc:fc_demo_claimed:expiry:14')).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect((await inbox(FRIEND2)).map((m) => m.id)).toEqual(['fc:fc_demo_claimed:expiry:30'])
    const report = data(await cloud.call('notify', { action: 'outbox', status: 'skipped' }, DIRECTOR)) as OutboxReport
    expect(report.recent.find((v) => v.id === 'fc:fc_demo_claimed:expiry:14')).toMatchObject({ toName: '阿杰', reason: 'no_consent' })
    expect(code(await cloud.call('notify', { action: 'outbox' }, RECEPTION))).toBe('FORBIDDEN')
  })

  test('M7: an annual member is reminded once, 30 days before the end', async () => {
    // 刘洋's membership ends 20 days after the demo start: 2026-12-13 in Shanghai.
    await daily()
    await daily(new Date(Date.parse('2026-11-22T02:00:00Z') + 5 * DAY))
    const m7 = await outbox({ template: 'membership_expiry' })
    expect(m7.map((m) => m._id)).toEqual(['m7:pat_annual_lapsing:2026-12-13']) // the same key as the staff list
    expect(m7[0]).toMatchObject({ status: 'sent', data: { name: '刘洋', until: '2026-12-13' } })
    expect((await inbox('demo-member-lapsing'))[0].body.zh).toContain('2026-12-13')
  })
})

describe('a stopped run resumes and finishes the work exactly once (N1)', () => {
  test('1,200 members with a birthday today, stopped mid-page twice', async () => {
    const N = 1_200
    for (let i = 0; i < N; i++) {
      const id = `pat_bd_${String(i).padStart(4, '0')}`
      await cloud.store.set<PatientDoc>('patients', { _id: id, recordNo: `9${i}`, name: `会员${i}`, phone: '13900000000', clinicId: 'clinic_sh', createdAt: '2026-01-01T00:00:00Z', tier: 'lifetime', cumulativeSpendFen: 0, birthday: '1990-12-01', birthdayMd: '12-01' })
    }
    cloud.clock.pin(sh('2026-12-01 09:00'))
    let budget = 500
    const stopAfter = () => () => budget-- <= 0
    const first = data(await cloud.runDaily({ stop: stopAfter() })) as DailySummary
    expect(first).toMatchObject({ complete: false })
    expect(await cloud.store.count('outbox', { template: 'birthday' })).toBeLessThan(N)
    budget = 500
    const second = data(await cloud.runDaily({ stop: stopAfter() })) as DailySummary
    expect(second.windows[0]).toMatchObject({ resumed: true, complete: false })
    const third = data(await cloud.runDaily()) as DailySummary
    expect(third.windows[0]).toMatchObject({ resumed: true, complete: true })
    const total = [first, second, third].reduce((s, r) => s + (r.queued.birthday ?? 0), 0)
    // ...and 刘洋 from the demo chain, an annual member born on 1 December.
    expect(await cloud.store.count('outbox', { template: 'birthday' })).toBe(N + 1)
    expect(total).toBe(N + 1) // each queued exactly once across the three runs
    // Nothing could be sent, and every record says why: these members have no WeChat bound, and
    // 刘洋 never agreed to birthday messages.
    expect(await cloud.store.count('outbox', { template: 'birthday', status: 'skipped', reason: 'no_wechat' })).toBe(N)
    expect(await cloud.store.get('outbox', 'bday:pat_annual_lapsing:2026')).toMatchObject({ status: 'skipped', reason: 'no_consent' })
  })

  test('two runs at once: one works, the other says it is busy', async () => {
    const [a, b] = await Promise.all([cloud.runDaily(), cloud.runDaily()]).then((rs) => rs.map((r) => data(r) as DailySummary))
    expect([a.busy, b.busy].sort()).toEqual([false, true])
  })
})

describe('quiet hours, retries (N3)', () => {
  test('a message queued at 22:00 is held, and delivered from 08:00 the next morning', async () => {
    // 李明's referred friend pays at 22:00: the R4 message is queued with the payment (R3, R4).
    cloud.clock.pin(sh('2026-12-01 22:00'))
    const items = await lines(cloud, [{ name: '补牙 filling', category: 'treatment', amountFen: 100_000 }])
    const preview = data(await cloud.call('reception', { action: 'previewBill', patientId: 'pat_new_1', items, referrerCode: '100001' }, RECEPTION)) as { totals: { dueFen: number } }
    const bill = data(await cloud.call('reception', { action: 'confirmBill', patientId: 'pat_new_1', items, referrerCode: '100001', requestId: 'late-bill-0001', expectedDueFen: preview.totals.dueFen }, RECEPTION)) as { billId: string }
    const r4 = await cloud.store.get<OutboxMessage>('outbox', `r4:${bill.billId}`)
    expect(r4).toMatchObject({ status: 'queued', heldUntil: sh('2026-12-02 08:00').toISOString() })
    cloud.clock.pin(sh('2026-12-01 23:30'))
    data(await cloud.deliver())
    expect(await inbox('demo-member-lifetime')).toEqual([])
    cloud.clock.pin(sh('2026-12-02 08:00'))
    data(await cloud.deliver())
    expect((await inbox('demo-member-lifetime')).map((m) => m.title.en)).toEqual(['Referral reward credited'])
  })

  test('a message due in the evening but not yet sent at 21:00 waits for the morning', async () => {
    await cloud.store.set('outbox', { _id: 'late', to: { openid: 'demo-member-lifetime' }, template: 'birthday', data: { name: '李明' }, createdAt: sh('2026-12-01 20:59').toISOString(), status: 'queued', notBefore: sh('2026-12-01 20:59').toISOString(), attempts: 0 })
    cloud.clock.pin(sh('2026-12-01 21:10'))
    expect(data(await cloud.deliver())).toMatchObject({ deferred: 1, sent: 0 })
    expect(await cloud.store.get('outbox', 'late')).toMatchObject({ status: 'queued', heldUntil: sh('2026-12-02 08:00').toISOString() })
    cloud.clock.pin(sh('2026-12-02 08:01'))
    expect(data(await cloud.deliver())).toMatchObject({ sent: 1 })
  })
})

describe('one 10-minute timer: no day without a window, no late greetings (N1)', () => {
  // What CloudBase's one trigger runs (cloudfunctions/daily/index.ts), at a given clinic time.
  const tenMinutes = async (at: Date) => { cloud.clock.pin(at); return data(await cloud.runDaily({ opens: 'when-due' })) as DailySummary }

  test('before 09:00 the timer only delivers; the 09:00 run opens the day, and the runs after it do not', async () => {
    await daily(sh('2026-11-30 09:00'))
    for (const t of ['2026-12-01 00:00', '2026-12-01 08:50']) expect((await tenMinutes(sh(t))).windows).toEqual([])
    expect(await cloud.store.get('outbox', 'bday:pat_annual_lapsing:2026')).toBeNull() // 刘洋's birthday waits for 09:00
    const nine = await tenMinutes(sh('2026-12-01 09:00'))
    expect(nine.windows).toEqual([expect.objectContaining({ from: sh('2026-11-30 09:00').toISOString(), to: sh('2026-12-01 09:00').toISOString(), resumed: false, complete: true })])
    expect(nine.queued.birthday).toBe(1)
    for (const t of ['2026-12-01 09:10', '2026-12-01 23:50', '2026-12-02 08:50']) expect((await tenMinutes(sh(t))).windows).toEqual([])
    expect((await tenMinutes(sh('2026-12-02 09:00'))).windows).toHaveLength(1)
  })

  test('when the 09:00 run never came, the next 10-minute run opens the day, once', async () => {
    await daily(sh('2026-11-30 09:00'))
    const first = await tenMinutes(sh('2026-12-01 09:05')) // 刘洋's birthday; the 09:00 run lost out
    expect(first.windows).toEqual([expect.objectContaining({ from: sh('2026-11-30 09:00').toISOString(), resumed: false, complete: true })])
    expect(first.queued.birthday).toBe(1)
    expect((await tenMinutes(sh('2026-12-01 09:15'))).windows).toEqual([])
  })

  test('a window stopped on the day and resumed the next morning sends no late birthday greeting', async () => {
    cloud.clock.pin(sh('2026-12-01 09:00'))
    let budget = 0
    const stopped = data(await cloud.runDaily({ stop: () => budget++ > 2 })) as DailySummary // stops in the expiry step
    expect(stopped.complete).toBe(false)
    const next = await tenMinutes(sh('2026-12-02 08:10'))
    expect(next.windows.map((w) => w.resumed)).toEqual([true]) // yesterday's window; today's waits for 09:00
    expect(await cloud.store.get('outbox', 'bday:pat_annual_lapsing:2026')).toBeNull()
    expect((await tenMinutes(sh('2026-12-02 09:00'))).windows.map((w) => w.resumed)).toEqual([false])
  })

  test('a run the platform kills holds the lease only for its time limit plus the margin', async () => {
    cloud.clock.pin(sh('2026-12-01 09:00'))
    const leaseMs = timeBudget(60_000, 0).leaseMs
    // Killed: from some moment on, nothing the run does reaches the database (not even the release).
    let writes = 0
    const dying = new Proxy(cloud.store, { get: (store, k) => {
      const v = Reflect.get(store, k) as unknown
      if (typeof v !== 'function') return v
      return (...a: unknown[]) => { if (['updateIf', 'set', 'create', 'transaction'].includes(String(k)) && ++writes > 6) throw new Error('killed'); return (v as (...x: unknown[]) => unknown).apply(store, a) }
    } })
    await expect(runDaily({ ...cloud.deps, store: dying }, { opens: 'when-due', leaseMs })).rejects.toThrow('killed')
    const left = (await cloud.store.get<{ _id: string; leaseUntil: string; run: unknown }>('jobs', 'daily'))!
    expect(left.leaseUntil).toBe(new Date(sh('2026-12-01 09:00').getTime() + leaseMs).toISOString())
    expect(left.run).not.toBeNull() // it stopped in the middle of the window
    expect(await tenMinutes(new Date(Date.parse(left.leaseUntil) - 1))).toMatchObject({ busy: true, windows: [] })
    const next = await tenMinutes(sh('2026-12-01 09:10'))
    expect(next).toMatchObject({ busy: false, complete: true, windows: [expect.objectContaining({ to: sh('2026-12-01 09:00').toISOString(), resumed: true, complete: true })] })
  })

  test('due messages go out even while a window is stopped halfway', async () => {
    await cloud.store.set('outbox', { _id: 'due-now', to: { openid: 'demo-member-lifetime' }, template: 'birthday', data: { name: '李明' }, createdAt: sh('2026-12-01 09:00').toISOString(), status: 'queued', notBefore: sh('2026-12-01 09:00').toISOString(), attempts: 0 })
    await cloud.store.set('consents', { _id: 'demo-member-lifetime', counts: { birthday: 1 }, log: [] })
    cloud.clock.pin(sh('2026-12-01 09:00'))
    let budget = 0
    const s = data(await cloud.runDaily({ stop: () => budget++ > 3 })) as DailySummary
    expect(s.complete).toBe(false)
    expect(s.delivery.sent).toBe(1)
    expect((await inbox('demo-member-lifetime')).map((m) => m.id)).toEqual(['due-now'])
  })
})

describe('recipients (N3)', () => {
  test('a patient with two WeChat users: the message goes to the one who agreed', async () => {
    // 王芳 (demo-member-annual) never agreed on her phone; she did on her tablet.
    await cloud.store.set('users', { _id: 'wx-wangfang-tablet', displayName: '王芳', patientId: 'pat_annual', createdAt: '2026-01-01T00:00:00Z' })
    await cloud.store.set('consents', { _id: 'wx-wangfang-tablet', counts: { holiday: 1 }, log: [] })
    await daily(sh('2027-01-01 09:00'))
    expect(await cloud.store.get('outbox', 'hol:2027-01-01:pat_annual')).toMatchObject({ status: 'sent' })
    expect((await inbox('wx-wangfang-tablet')).map((m) => m.title.zh)).toEqual(['元旦快乐'])
    expect(await inbox('demo-member-annual')).toEqual([])
  })
})
