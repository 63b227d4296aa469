/** N1 greetings on the day, N2 the birthday gift list, N3 retries and consent, N4 member events. */
import type { Attendee, BirthdayGift, BirthdayList, ConsentCounts, EventPlan, MemberEvent } from '../../src/api/contract'
import type { OutboxMessage } from '../../src/domain/notify/messages'
import { LocalClock, LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { DailySummary } from '../../cloudfunctions/_core/usecases/daily'
import type { MessageChannel, OutgoingMessage, SendResult } from '../../cloudfunctions/_core/ports/notifier'
import { inboxChannel } from '../../cloudfunctions/_core/adapters/notify/inbox-channel'
import { code, data, NOW, openCloud, RECEPTION } from './helpers'
import { lines } from './catalogue'

const DIRECTOR = 'demo-staff-director'
const LIMING = 'demo-member-lifetime'
const CHENJING = 'demo-member-near' // 陈静, annual member born on 29 February 1975
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)

let cloud: LocalCloud
afterEach(() => cloud.close())

const daily = async (at: Date) => { cloud.clock.pin(at); return data(await cloud.runDaily()) as DailySummary }
const keys = async (template: string) => (await cloud.store.query<OutboxMessage>('outbox', { where: { template }, limit: 1000 })).map((m) => m._id).sort()

describe('greetings on the day only (N1)', () => {
  beforeEach(async () => { cloud = await openCloud() })

  test('29 February: greeted on the 28th in a common year, on the 29th in a leap year, never twice', async () => {
    // 陈静 crosses the lifetime threshold, so she is still a member in 2028.
    await cloud.store.updateIf('patients', 'pat_near_lifetime', {}, { set: { tier: 'lifetime', lifetimeSince: NOW.toISOString() } })
    await daily(sh('2027-02-27 09:00'))
    expect(await keys('birthday')).not.toContain('bday:pat_near_lifetime:2027')
    await daily(sh('2027-02-28 09:00'))
    await daily(sh('2027-02-28 15:00'))
    expect(await keys('birthday')).toContain('bday:pat_near_lifetime:2027')
    await daily(sh('2028-02-28 09:00'))
    expect(await keys('birthday')).not.toContain('bday:pat_near_lifetime:2028')
    await daily(sh('2028-02-29 09:00'))
    expect(await keys('birthday')).toContain('bday:pat_near_lifetime:2028')
  })

  test('a day the job missed gets no late greeting; non-members get none', async () => {
    await daily(sh('2027-02-27 09:00'))
    await daily(sh('2027-03-01 09:00')) // the 28th was missed
    expect(await keys('birthday')).not.toContain('bday:pat_near_lifetime:2027')
    await daily(sh('2027-06-06 09:00')) // 黄蕾, a patient but not a member
    expect(await keys('birthday')).not.toContain('bday:pat_new_1:2027')
  })

  test('the greeting reaches a member who agreed to it, in the morning', async () => {
    await daily(sh('2027-02-28 07:30')) // before 08:00: queued, held for quiet hours
    expect((await cloud.store.get<OutboxMessage>('outbox', 'bday:pat_near_lifetime:2027'))!.status).toBe('queued')
    cloud.clock.pin(sh('2027-02-28 08:00'))
    data(await cloud.deliver())
    const inbox = data(await cloud.call('notify', { action: 'inbox' }, CHENJING)) as Array<{ title: { zh: string }; body: { zh: string } }>
    expect(inbox.map((m) => m.title.zh)).toEqual(['生日快乐'])
    expect(inbox[0].body.zh).toContain('陈静')
  })

  test('holiday greetings go to every member on the configured date, once', async () => {
    const s = await daily(sh('2027-01-01 09:00'))
    await daily(sh('2027-01-01 18:00'))
    const got = await keys('holiday')
    // Lifetime 李明 and 郑雪, annual 王芳, 陈静, 周婷 (刘洋's and 何敏's lapsed), family 张丽 and 李小宇.
    expect(got).toEqual(['pat_annual', 'pat_family_son', 'pat_family_wife', 'pat_hz_2', 'pat_lifetime', 'pat_near_lifetime', 'pat_treatment_half'].map((p) => `hol:2027-01-01:${p}`))
    expect(s.queued.holiday).toBe(7)
    const inbox = data(await cloud.call('notify', { action: 'inbox' }, LIMING)) as Array<{ title: { zh: string } }>
    expect(inbox.map((m) => m.title.zh)).toContain('元旦快乐')
  })
})

describe('the birthday gift list, a month ahead (N2)', () => {
  beforeEach(async () => { cloud = await openCloud() })

  test('prepared on the 1st: next month\'s member birthdays with 0.5% of the last 12 months\' paid spend', async () => {
    // 陈静 paid ¥29,500 in earlier visits (the demo's spend, two months before its start), and now
    // ¥1,000 of treatment (12% member discount: ¥880 paid) before the list is made.
    const items = await lines(cloud, [{ name: '补牙 filling', category: 'treatment', amountFen: 100_000 }])
    data(await cloud.call('reception', { action: 'confirmBill', patientId: 'pat_near_lifetime', items, requestId: 'n2-bill-0001', expectedDueFen: 88_000 }, RECEPTION))
    await daily(sh('2027-01-01 09:00'))
    const list = data(await cloud.call('membership', { action: 'birthdays', month: '2027-02' }, RECEPTION)) as BirthdayList
    // 罗朵朵 (14 February) is a patient but not a member: not on the list.
    expect(list.gifts).toEqual([expect.objectContaining({ name: '陈静', birthday: '2027-02-28', spend12mFen: 3_038_000, budgetFen: 15_190, status: 'todo', maskedPhone: '136****3333' })])
    expect(list.totalBudgetFen).toBe(15_190)
    expect(JSON.stringify(list)).not.toContain('13600003333') // phones masked (C2)
  })

  test('staff tick gifts bought, then delivered; out of order is refused; repeating changes nothing', async () => {
    await daily(sh('2027-01-01 09:00'))
    const mark = (step: string) => cloud.call('membership', { action: 'markGift', month: '2027-02', patientId: 'pat_near_lifetime', step }, RECEPTION)
    expect(code(await mark('delivered'))).toBe('GIFT_STEP')
    expect((data(await mark('bought')) as BirthdayGift).status).toBe('bought')
    const again = data(await mark('bought')) as BirthdayGift
    expect(again.status).toBe('bought')
    expect((data(await mark('delivered')) as BirthdayGift).status).toBe('delivered')
    expect(code(await cloud.call('membership', { action: 'markGift', month: '2027-02', patientId: 'pat_plain', step: 'bought' }, RECEPTION))).toBe('GIFT_NOT_FOUND')
    expect(code(await cloud.call('membership', { action: 'markGift', month: '2027-13', patientId: 'pat_plain', step: 'bought' }, RECEPTION))).toBe('VALIDATION')
    expect(code(await cloud.call('membership', { action: 'birthdays' }, 'demo-member-annual'))).toBe('FORBIDDEN')
  })

  test('a run that missed the 1st still prepares the list, once; the default month is next month', async () => {
    await daily(sh('2026-12-30 09:00'))
    const s = await daily(sh('2027-01-03 09:00'))
    expect(s.giftsListed).toBe(1)
    expect((await daily(sh('2027-01-03 12:00'))).giftsListed).toBe(0)
    const list = data(await cloud.call('membership', { action: 'birthdays' }, RECEPTION)) as BirthdayList
    expect(list.month).toBe('2027-02')
    expect(list.gifts.map((g) => g.name)).toEqual(['陈静'])
  })
})

/** A channel that fails the first `failures` sends with the given kind of error, then writes to the inbox. */
function flaky(failures: number, retryable: boolean) {
  const sent: string[] = []
  let left = failures
  const make = (store: Parameters<typeof inboxChannel>[0], clock: LocalClock): MessageChannel => {
    const inner = inboxChannel(store, clock)
    return {
      name: 'flaky', needsConsent: true,
      async send(m: OutgoingMessage): Promise<SendResult> {
        if (left-- > 0) return { ok: false, retryable, error: retryable ? '-1 system busy' : '43101 user refused' }
        sent.push(m.key)
        return inner.send(m)
      },
    }
  }
  return { make, sent }
}

describe('delivery retries with backoff, consent spent once (N3)', () => {
  const queue = async () => {
    cloud.clock.pin(sh('2026-12-01 10:00'))
    await cloud.store.set('outbox', { _id: 'm1', to: { openid: LIMING }, template: 'birthday', data: { name: '李明' }, createdAt: sh('2026-12-01 10:00').toISOString(), status: 'queued', notBefore: sh('2026-12-01 10:00').toISOString(), attempts: 0 })
  }
  const consentsLeft = async () => (data(await cloud.call('notify', { action: 'consents' }, LIMING)) as ConsentCounts).counts.birthday

  test('a passing failure is retried after 1, then 5 minutes, and sent once', async () => {
    const ch = flaky(2, true)
    cloud = await LocalCloud.open({ dataDir: ':memory:', clock: pinned(), qrSecret: 's'.repeat(64), channel: ch.make })
    await queue()
    expect(data(await cloud.deliver())).toMatchObject({ failed: 1, sent: 0 })
    expect(await cloud.store.get('outbox', 'm1')).toMatchObject({ status: 'failed', attempts: 1, notBefore: sh('2026-12-01 10:01').toISOString(), lastError: '-1 system busy' })
    expect(await consentsLeft()).toBe(1) // a failed send spends no consent
    expect(data(await cloud.deliver())).toMatchObject({ sent: 0, failed: 0 }) // not yet due
    cloud.clock.pin(sh('2026-12-01 10:01'))
    expect(data(await cloud.deliver())).toMatchObject({ failed: 1 })
    cloud.clock.pin(sh('2026-12-01 10:06'))
    expect(data(await cloud.deliver())).toMatchObject({ sent: 1 })
    cloud.clock.pin(sh('2026-12-01 12:00'))
    expect(data(await cloud.deliver())).toMatchObject({ sent: 0 })
    expect(ch.sent).toEqual(['m1'])
    expect(await cloud.store.get('outbox', 'm1')).toMatchObject({ status: 'sent', attempts: 3 })
    expect(await consentsLeft()).toBe(0)
  })

  test('a failure that will not get better makes the message dead at once; the consent is given back', async () => {
    const ch = flaky(1, false)
    cloud = await LocalCloud.open({ dataDir: ':memory:', clock: pinned(), qrSecret: 's'.repeat(64), channel: ch.make })
    await queue()
    expect(data(await cloud.deliver())).toMatchObject({ dead: 1 })
    expect(await cloud.store.get('outbox', 'm1')).toMatchObject({ status: 'dead', lastError: '43101 user refused' })
    expect(await consentsLeft()).toBe(1)
  })

  test('consent is recorded only for known templates, three at a time at most; bad input changes nothing', async () => {
    cloud = await openCloud()
    const before = await consentsLeft()
    expect(code(await cloud.call('notify', { action: 'subscribe', templates: ['spam'], source: 'x' }, LIMING))).toBe('VALIDATION')
    expect(code(await cloud.call('notify', { action: 'subscribe', templates: ['birthday', 'holiday', 'event_invite', 'card_expiry'], source: 'x' }, LIMING))).toBe('VALIDATION')
    expect(await consentsLeft()).toBe(before)
    const after = data(await cloud.call('notify', { action: 'subscribe', templates: ['birthday', 'birthday'], source: 'home' }, LIMING)) as ConsentCounts
    expect(after.counts.birthday).toBe(before! + 1) // one tap, one consent
  })
})

const pinned = () => { const c = new LocalClock(); c.pin(NOW); return c }

describe('member events (N4)', () => {
  beforeEach(async () => { cloud = await openCloud() })
  const ev = (event: object, openid: string) => cloud.call('events', event, openid)

  test('an event planned for tomorrow is still announced by the next run', async () => {
    cloud.clock.pin(sh('2027-02-13 15:00'))
    data(await ev({ action: 'create', kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 30 }, DIRECTOR))
    await daily(sh('2027-02-14 09:00'))
    expect((await keys('event_invite')).filter((k) => k.startsWith('ev:ev_valentine'))).toHaveLength(7)
  })

  test('the director plans from the calendar; the job invites members when the time comes, once', async () => {
    cloud.clock.pin(sh('2027-01-05 10:00'))
    const plan = data(await ev({ action: 'plan' }, DIRECTOR)) as EventPlan
    expect(plan.suggestions.map((s) => s.date)).toEqual(['2027-02-14', '2027-04-18', '2027-06-20', '2027-08-08', '2027-10-16', '2027-12-18'])
    const e = data(await ev({ action: 'create', kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 3 }, DIRECTOR)) as MemberEvent
    expect(e).toMatchObject({ eventId: 'ev_valentine_20270214', inviteOn: '2027-01-31', going: 0 })
    expect(code(await ev({ action: 'create', kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 3 }, DIRECTOR))).toBe('EVENT_EXISTS')
    expect(code(await ev({ action: 'create', kind: 'valentine', date: '2027-01-01', place: '静安店', capacity: 3 }, DIRECTOR))).toBe('VALIDATION')
    expect(code(await ev({ action: 'create', kind: 'valentine', date: '2027-03-01', place: '静安店', capacity: 3 }, RECEPTION))).toBe('FORBIDDEN')
    await daily(sh('2027-01-30 09:00'))
    expect((await keys('event_invite')).filter((k) => k.startsWith('ev:ev_valentine'))).toEqual([])
    await daily(sh('2027-01-31 09:00'))
    await daily(sh('2027-02-01 09:00'))
    const invited = (await keys('event_invite')).filter((k) => k.startsWith('ev:ev_valentine'))
    expect(invited).toHaveLength(7) // the seven members in force
    expect(invited).toContain('ev:ev_valentine_20270214:pat_lifetime')
  })

  test('members reply within capacity, exactly, even at once; only members; check-in on the day', async () => {
    cloud.clock.pin(sh('2027-01-05 10:00'))
    data(await ev({ action: 'create', kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 3 }, DIRECTOR))
    const rsvp = (openid: string, guests: number) => ev({ action: 'rsvp', eventId: 'ev_valentine_20270214', attending: true, guests }, openid)
    expect(code(await rsvp('demo-patient-plain', 0))).toBe('EVENT_NOT_MEMBER')
    const rs = await Promise.all([rsvp(LIMING, 1), rsvp(CHENJING, 1), rsvp('demo-member-annual', 1)])
    expect(rs.filter((r) => r.ok)).toHaveLength(1) // 2 people each: only one fits in 3
    expect(rs.filter((r) => !r.ok).map((r) => code(r))).toEqual(['EVENT_FULL', 'EVENT_FULL'])
    const who = rs.findIndex((r) => r.ok)
    const member = [LIMING, CHENJING, 'demo-member-annual'][who]
    const list = data(await ev({ action: 'list' }, member)) as MemberEvent[]
    expect(list[0]).toMatchObject({ going: 2, myAnswer: 'yes', myGuests: 1 })
    // Declining frees the places.
    data(await ev({ action: 'rsvp', eventId: 'ev_valentine_20270214', attending: false }, member))
    expect((data(await rsvp(LIMING, 2)) as MemberEvent).going).toBe(3)
    expect(code(await rsvp(LIMING, 4))).toBe('VALIDATION')
    // At the door: the record number (or the member's code), on the day only.
    const checkIn = (c: string) => ev({ action: 'checkIn', eventId: 'ev_valentine_20270214', code: c }, RECEPTION)
    expect(code(await checkIn('100001'))).toBe('EVENT_NOT_TODAY')
    cloud.clock.pin(sh('2027-02-14 18:00'))
    const a = data(await checkIn('100001')) as Attendee
    expect(a).toMatchObject({ name: '李明', maskedPhone: '139****5678', guests: 2 })
    expect((data(await checkIn('100001')) as Attendee).checkedInAt).toBe(a.checkedInAt) // a second scan changes nothing
    expect(code(await checkIn('100004'))).toBe('EVENT_NOT_INVITED') // 王芳 did not say yes
    expect(code(await rsvp(CHENJING, 0))).toBe('EVENT_CLOSED')
    const people = data(await ev({ action: 'attendees', eventId: 'ev_valentine_20270214' }, RECEPTION)) as Attendee[]
    expect(people.map((p) => [p.name, Boolean(p.checkedInAt)])).toEqual([['李明', true]])
  })
})

describe('what WeChat answers (N3)', () => {
  const oneAnswer = (result: SendResult | Error) => {
    const calls: string[] = []
    const make = (): MessageChannel => ({
      name: 'scripted', needsConsent: true,
      async send(m) { calls.push(m.key); if (result instanceof Error) throw result; return result },
    })
    return { make, calls }
  }
  const queue = async () => {
    cloud.clock.pin(sh('2026-12-01 10:00'))
    await cloud.store.set('outbox', { _id: 'm1', to: { openid: LIMING }, template: 'birthday', data: { name: '李明' }, createdAt: sh('2026-12-01 10:00').toISOString(), status: 'queued', notBefore: sh('2026-12-01 10:00').toISOString(), attempts: 0 })
  }

  test('"no subscription" (43101): skipped as no consent, and the count is set to zero', async () => {
    const ch = oneAnswer({ ok: false, retryable: false, noConsent: true, error: '43101 user refused' })
    cloud = await LocalCloud.open({ dataDir: ':memory:', clock: pinned(), qrSecret: 's'.repeat(64), channel: ch.make })
    await cloud.store.set('consents', { _id: LIMING, counts: { birthday: 3 }, log: [] })
    await queue()
    expect(data(await cloud.deliver())).toMatchObject({ skipped: 1 })
    expect(await cloud.store.get('outbox', 'm1')).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect((data(await cloud.call('notify', { action: 'consents' }, LIMING)) as ConsentCounts).counts.birthday).toBe(0)
  })

  test('no answer at all (a timeout): interrupted, never resent — it may have arrived', async () => {
    const ch = oneAnswer(new Error('ESOCKETTIMEDOUT'))
    cloud = await LocalCloud.open({ dataDir: ':memory:', clock: pinned(), qrSecret: 's'.repeat(64), channel: ch.make })
    await queue()
    expect(data(await cloud.deliver())).toMatchObject({ interrupted: 1 })
    cloud.clock.pin(sh('2026-12-01 18:00'))
    data(await cloud.deliver())
    expect(ch.calls).toEqual(['m1'])
    expect(await cloud.store.get('outbox', 'm1')).toMatchObject({ status: 'interrupted', lastError: 'ESOCKETTIMEDOUT' })
  })
})

describe('birthdays taken at the desk (N1, N2)', () => {
  beforeEach(async () => { cloud = await openCloud() })

  test('a friend registered with a birthday is greeted once a member; a date that does not exist is refused and nothing is written', async () => {
    const FRIEND = 'demo-friend'
    data(await cloud.call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, 'demo-member-giver'))
    data(await cloud.call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001' }, FRIEND))
    const mc = data(await cloud.call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as { token: string }
    const scanned = data(await cloud.call('reception', { action: 'scan', code: mc.token }, RECEPTION)) as { ticket: string }
    const before = await cloud.store.count('patients')
    const bad = await cloud.call('friendcard', { action: 'register', ticket: scanned.ticket, name: '小美', phone: '13600001234', birthday: '1993-02-29' }, RECEPTION)
    expect(code(bad)).toBe('VALIDATION')
    expect(await cloud.store.count('patients')).toBe(before)
    const reg = data(await cloud.call('friendcard', { action: 'register', ticket: scanned.ticket, name: '小美', phone: '13600001234', birthday: '1993-12-05' }, RECEPTION)) as { holderPatientId: string }
    const p = (await cloud.store.get<{ _id: string; birthday: string; birthdayMd: string }>('patients', reg.holderPatientId))!
    expect(p).toMatchObject({ birthday: '1993-12-05', birthdayMd: '12-05' })
    // She buys an annual membership at once (M1); on her birthday she is greeted.
    const items = [{ itemId: 'pi_demo_annual' }] // the demo price list's annual membership (M1)
    data(await cloud.call('reception', { action: 'confirmBill', patientId: reg.holderPatientId, items, requestId: 'bd-annual-01', expectedDueFen: 89_900 }, RECEPTION))
    await daily(sh('2026-12-05 09:00'))
    expect(await keys('birthday')).toContain(`bday:${reg.holderPatientId}:2026`)
  })
})
