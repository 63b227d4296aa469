/**
 * Issue 12, item 4 — the friend's next step (docs/appointments.md): the chain's clinics, an
 * appointment request from a friend who claimed a card (F3) or took a coupon (R2) or a patient, and
 * the front desk of that clinic calling back and marking it. Every refusal is a typed error with
 * nothing written anywhere (the whole store compared); every query these flows make has an index.
 */
import type { ClinicsPage, RequestedAppointment, StaffAppointment } from '../../src/api/contract'
import type { AppointmentDoc } from '../../cloudfunctions/_core/model'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { startQueryPlanCheck } from '../../cloudfunctions/_core/adapters/embedded/query-plan-check'
import { code, data, openCloud, RECEPTION } from './helpers'
import { everything } from './snapshot-all'

const FRIEND = 'demo-friend' // 小美: not a patient; claims 周婷's card below
const GUEST = 'wx-stranger-0001' // a WeChat user with no card, coupon or record
const PATIENT = 'demo-patient-plain' // 赵磊, 100007, phone 13500004444 on his record
const CONSULTANT = 'demo-staff-consultant' // 静安
const RECEPTION_HZ = 'demo-staff-receptionist-hz' // 西湖
const ADMIN = 'demo-staff-admin'
const DOCTOR = 'demo-staff-doctor'
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)

const check = startQueryPlanCheck()
afterAll(() => check.stop())

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() }) // 2026-11-22 10:00 Shanghai, a Sunday
afterEach(() => cloud.close())

const call = (fn: string, event: object, openid: string) => cloud.call(fn, event, openid)
const claimCard = async () => data(await call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001' }, FRIEND))
let seq = 0
const ask = (over: object = {}, openid = FRIEND) => call('clinic', {
  action: 'request', requestId: `apt-test-${String(++seq).padStart(4, '0')}`, clinicId: 'clinic_sh', preferredDate: '2026-11-24', timeOfDay: 'morning',
  phone: '138 0013 8000', name: '小美', note: '右下牙疼，上午方便', ...over,
}, openid)
const staffList = async (openid: string) => data(await call('clinic', { action: 'appointments' }, openid)) as StaffAppointment[]

/** The call is refused with `expected`, and not one document anywhere changed. */
async function refused(run: () => Promise<unknown>, expected: string): Promise<void> {
  const before = everything(cloud)
  const r = await run()
  expect(code(r as never)).toBe(expected)
  expect(everything(cloud)).toBe(before)
}

test('anyone signed in sees the chain\'s clinics: address, phone, hours, coordinates — no staff data', async () => {
  const page = data(await call('clinic', { action: 'clinics' }, GUEST)) as ClinicsPage
  expect(page.clinics.map((c) => [c.name, c.city])).toEqual([['牙友口腔 · 西湖店', '杭州'], ['牙友口腔 · 静安店', '上海']])
  const jingan = page.clinics.find((c) => c.clinicId === 'clinic_sh')!
  expect(jingan).toMatchObject({ address: '上海市静安区愚园路 388 号 2 楼', phone: '021-62881234' })
  expect(jingan.latitude).toBeCloseTo(31.223, 2)
  expect(jingan.longitude).toBeCloseTo(121.443, 2)
  expect(jingan.hours).toEqual([{ days: [1, 2, 3, 4, 5], open: '09:00', close: '20:30' }, { days: [0, 6], open: '09:00', close: '18:00' }])
  expect({ today: page.today, lastDay: page.lastDay, phoneOnFile: page.phoneOnFile, mine: page.mine }).toEqual({ today: '2026-11-22', lastDay: '2027-01-21', phoneOnFile: null, mine: [] })
  const text = JSON.stringify(page)
  for (const secret of ['staff_', '前台', '13800000101', 'chain_yayou']) expect(text).not.toContain(secret)
  // A patient's number on file is shown masked and not asked for; nor is a name.
  const patient = data(await call('clinic', { action: 'clinics' }, PATIENT)) as ClinicsPage
  expect({ phone: patient.phoneOnFile, needsName: patient.needsName }).toEqual({ phone: '135****4444', needsName: false })
})

test('a friend who claimed a card asks 静安 to call; a repeat of the same tap writes nothing and answers the same', async () => {
  await claimCard()
  const r = data(await ask({ requestId: 'apt-friend-0001' })) as RequestedAppointment
  expect(r).toMatchObject({ appointmentId: 'apt_apt-friend-0001', clinicName: '牙友口腔 · 静安店', preferredDate: '2026-11-24', timeOfDay: 'morning', status: 'open', maskedPhone: '138****8000', replayed: false })
  const doc = await cloud.store.get<AppointmentDoc>('appointments', r.appointmentId)
  expect(doc).toMatchObject({ openid: FRIEND, name: '小美', via: 'friend_card', phone: '13800138000', phoneSource: 'typed', note: '右下牙疼，上午方便', version: 0 })

  const before = everything(cloud)
  const again = data(await ask({ requestId: 'apt-friend-0001' })) as RequestedAppointment
  expect({ ...again, replayed: false }).toEqual(r)
  expect(again.replayed).toBe(true)
  expect(everything(cloud)).toBe(before)
  // The same id with other content is not the same request.
  await refused(() => ask({ requestId: 'apt-friend-0001', timeOfDay: 'afternoon' }), 'REQUEST_ID_REUSED')
  await refused(() => ask({ requestId: 'apt-friend-0001' }, PATIENT), 'REQUEST_ID_REUSED')

  const page = data(await call('clinic', { action: 'clinics' }, FRIEND)) as ClinicsPage
  expect(page.mine.map((m) => [m.clinicName, m.preferredDate, m.status])).toEqual([['牙友口腔 · 静安店', '2026-11-24', 'open']])

  // A retry after a lost answer is answered even once its time of day has passed (nothing written).
  const today = data(await ask({ requestId: 'apt-friend-0002', preferredDate: '2026-11-22', timeOfDay: 'morning' })) as RequestedAppointment
  cloud.clock.pin(sh('2026-11-22 12:30'))
  const later = everything(cloud)
  expect(data(await ask({ requestId: 'apt-friend-0002', preferredDate: '2026-11-22', timeOfDay: 'morning', phone: '13800138000' }))).toEqual({ ...today, replayed: true })
  expect(everything(cloud)).toBe(later)
})

test('a friend with a coupon and a patient may ask too; the patient\'s record gives the name and the phone', async () => {
  data(await call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_lifetime') }, 'wx-coupon-friend'))
  data(await ask({ name: '阿强', phone: '13911112222' }, 'wx-coupon-friend'))
  data(await ask({ name: undefined, phone: undefined }, PATIENT))
  data(await ask({ name: '冒名', phone: '13700000000', preferredDate: '2026-11-25' }, PATIENT)) // typed ones are ignored
  const rows = (await staffList(RECEPTION)).map((a) => [a.name, a.via, a.maskedPhone, a.phoneOnFile, a.recordNo ?? ''])
  expect(rows).toEqual([
    ['阿强', 'coupon', '139****2222', false, ''],
    ['赵磊', 'patient', '135****4444', true, '100007'],
    ['赵磊', 'patient', '135****4444', true, '100007'],
  ])
})

test('refusals: typed errors, nothing written anywhere', async () => {
  await refused(() => ask({}, GUEST), 'APPOINTMENT_NOT_ELIGIBLE') // no card, coupon or record
  await claimCard()
  await refused(() => ask({ preferredDate: '2026-11-21' }), 'APPOINTMENT_DATE') // yesterday
  await refused(() => ask({ preferredDate: '2027-01-22' }), 'APPOINTMENT_DATE') // day 61
  await refused(() => ask({ preferredDate: '2027-02-29' }), 'APPOINTMENT_DATE') // not a calendar date
  await refused(() => ask({ preferredDate: '24/11/2026' }), 'APPOINTMENT_DATE')
  await refused(() => ask({ clinicId: 'clinic_hz', preferredDate: '2026-11-23' }), 'APPOINTMENT_CLINIC_CLOSED') // 西湖 on a Monday
  await refused(() => ask({ preferredDate: '2026-11-28', timeOfDay: 'evening' }), 'APPOINTMENT_CLINIC_CLOSED') // 静安 Saturday evening
  await refused(() => ask({ clinicId: 'clinic_nowhere' }), 'CLINIC_NOT_FOUND')
  await refused(() => ask({ timeOfDay: 'night' }), 'VALIDATION')
  await refused(() => ask({ phone: '12345' }), 'PHONE_INVALID')
  await refused(() => ask({ phone: undefined }), 'PHONE_INVALID')
  await refused(() => ask({ name: '' }), 'APPOINTMENT_NAME_REQUIRED')
  await refused(() => ask({ note: '疼'.repeat(201) }), 'VALIDATION')
  await refused(() => ask({ requestId: 'short' }), 'VALIDATION')
  cloud.clock.pin(sh('2026-11-22 12:30'))
  await refused(() => ask({ preferredDate: '2026-11-22', timeOfDay: 'morning' }), 'APPOINTMENT_DATE') // this morning is over
  data(await ask({ preferredDate: '2026-11-22', timeOfDay: 'afternoon' })) // this afternoon is not
})

test('rate limit: five requests a day per person; the sixth is refused with nothing written', async () => {
  await claimCard()
  for (let i = 0; i < 5; i++) data(await ask({ requestId: `apt-rate-000${i}`, preferredDate: `2026-11-2${4 + i}` }))
  await refused(() => ask(), 'RATE_LIMITED')
  const before = everything(cloud)
  expect((data(await ask({ requestId: 'apt-rate-0000', preferredDate: '2026-11-24' })) as RequestedAppointment).replayed).toBe(true) // a repeat is not a new request
  expect(everything(cloud)).toBe(before)
  cloud.clock.pin(sh('2026-11-23 10:00')) // the next window (UTC days)
  data(await ask())
})

describe('the front desk of that clinic', () => {
  let apt: RequestedAppointment
  beforeEach(async () => {
    await claimCard()
    data(await ask({ preferredDate: '2026-12-01' }))
    apt = data(await ask({ preferredDate: '2026-11-24' })) as RequestedAppointment
  })

  test('静安\'s receptionist sees the requests, open first by preferred day, the phone masked; 西湖\'s sees none', async () => {
    const list = await staffList(RECEPTION)
    expect(list.map((a) => [a.preferredDate, a.status, a.maskedPhone, a.name, a.clinicName])).toEqual([
      ['2026-11-24', 'open', '138****8000', '小美', '牙友口腔 · 静安店'],
      ['2026-12-01', 'open', '138****8000', '小美', '牙友口腔 · 静安店'],
    ])
    expect(JSON.stringify(list)).not.toContain('13800138000')
    expect(await staffList(RECEPTION_HZ)).toEqual([])
    expect((await staffList(ADMIN)).length).toBe(2) // the chain
    await refused(() => call('clinic', { action: 'appointments' }, DOCTOR), 'FORBIDDEN')
  })

  test('another clinic\'s staff cannot dial or mark it: not found, nothing written', async () => {
    await refused(() => call('clinic', { action: 'dial', appointmentId: apt.appointmentId }, RECEPTION_HZ), 'APPOINTMENT_NOT_FOUND')
    await refused(() => call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'booked', version: 0 }, RECEPTION_HZ), 'APPOINTMENT_NOT_FOUND')
    await refused(() => call('clinic', { action: 'mark', appointmentId: 'apt_no-such-request', status: 'booked', version: 0 }, RECEPTION), 'APPOINTMENT_NOT_FOUND')
  })

  test('dialling reveals the number to the one who calls and records who did', async () => {
    expect(data(await call('clinic', { action: 'dial', appointmentId: apt.appointmentId }, RECEPTION))).toEqual({ phone: '13800138000' })
    expect(await cloud.store.get<AppointmentDoc>('appointments', apt.appointmentId)).toMatchObject({ dialedBy: 'staff_rec_sh', dialedAt: '2026-11-22T02:00:00.000Z', status: 'open', version: 0 })
  })

  test('two receptionists mark at once: one wins, the other is told it changed; booked is final', async () => {
    const [a, b] = await Promise.all([
      call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'called', version: 0 }, RECEPTION),
      call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'unreachable', version: 0 }, CONSULTANT),
    ])
    const results = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(results).toEqual(['APPOINTMENT_CHANGED', 'ok'])
    const winner = (a.ok ? a.data : (b as { data: StaffAppointment }).data) as StaffAppointment
    const doc = (await cloud.store.get<AppointmentDoc>('appointments', apt.appointmentId))!
    expect({ status: doc.status, version: doc.version, log: doc.log.length }).toEqual({ status: winner.status, version: 1, log: 1 })

    await refused(() => call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'booked', version: 0 }, RECEPTION), 'APPOINTMENT_CHANGED') // stale
    const booked = data(await call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'booked', version: 1 }, RECEPTION)) as StaffAppointment
    expect(booked).toMatchObject({ status: 'booked', version: 2, handledByName: '前台 小周' })
    await refused(() => call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'called', version: 2 }, RECEPTION), 'APPOINTMENT_STATUS')
    // The list: the open one first, the booked one last; the friend sees it booked.
    expect((await staffList(RECEPTION)).map((x) => [x.preferredDate, x.status])).toEqual([['2026-12-01', 'open'], ['2026-11-24', 'booked']])
    const mine = (data(await call('clinic', { action: 'clinics' }, FRIEND)) as ClinicsPage).mine
    expect(mine.find((m) => m.appointmentId === apt.appointmentId)?.status).toBe('booked')
  })

  test('the compare-and-set itself: a colleague\'s mark landing between the read and the write wins, ours writes nothing', async () => {
    const store = cloud.store
    const real = store.updateIf.bind(store)
    const spy = jest.spyOn(store, 'updateIf').mockImplementationOnce(async (coll, id, expected, patch) => {
      // The consultant's "unreachable" lands first, by the same compare-and-set.
      expect(await real(coll, id, { version: 0, status: 'open' }, { set: { status: 'unreachable', handledBy: 'staff_con_sh' }, inc: { version: 1 } })).toBe(true)
      return real(coll, id, expected, patch)
    })
    try {
      expect(code(await call('clinic', { action: 'mark', appointmentId: apt.appointmentId, status: 'booked', version: 0 }, RECEPTION))).toBe('APPOINTMENT_CHANGED')
    } finally {
      spy.mockRestore()
    }
    expect(await cloud.store.get<AppointmentDoc>('appointments', apt.appointmentId)).toMatchObject({ status: 'unreachable', version: 1, handledBy: 'staff_con_sh' })
  })
})

test('every query these flows made has an index', () => {
  const shapes = check.checked.filter((c) => ['appointments', 'clinics', 'friendCards', 'coupons'].includes(c.collection))
  // The caller's own list, and the staff lists by clinic (receptionist) and chain-wide (admin), were all checked.
  for (const field of ['openid', 'clinicId', 'status']) expect([field, shapes.some((c) => c.collection === 'appointments' && c.sql.includes(`'$.${field}'`))]).toEqual([field, true])
  expect(shapes.filter((c) => c.finding).map((c) => `${c.collection} [${c.finding!.fields.join(', ')}]: ${c.finding!.why}`)).toEqual([])
})
