/**
 * Issue 12, item 4 — the friend's next step, in Chromium on the H5 build, each person on their own
 * phone: 小美 claims the friends card a member gave her (F3), taps 下一步：预约到店, sees the chain's
 * clinics (address with a map link, phone as a tel: link, hours) and asks 静安 for a Tuesday morning.
 * 静安's receptionist sees the request (phone masked, C2), taps to call (the number appears for her)
 * and marks it booked; 小美 sees it booked. 西湖's receptionist never sees it. All in Chinese.
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/appointments.test.ts --selectProjects browser`.
 */
import type { Page } from 'playwright-core'
import type { AppointmentDoc } from '../../cloudfunctions/_core/model'
import { byId, pageTextWithout, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'

jest.setTimeout(120_000)

const FRIEND = 'demo-friend' // 小美, a WeChat user, not a patient yet
const CLAIM = 'pages/card/claim/index?t=demo-share-token-new-card-0001'
const STAFF_APPOINTMENTS = 'staff/appointments/index'
const RECEPTION_SH = 'demo-staff-receptionist' // 前台 小周, 静安
const RECEPTION_HZ = 'demo-staff-receptionist-hz' // 前台 小陈, 西湖
const latinWords = (text: string) => (text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => w !== 'English')

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000) // 2026-11-22 10:00 Shanghai, a Sunday
afterAll(async () => { await h?.close() }, 60_000)

describe('a friend who claimed a card asks for a visit; the clinic\'s front desk calls back', () => {
  let friend: Page
  let appointmentId: string

  test('after the claim: 下一步：预约到店 opens the clinics, each with address, map, phone and hours', async () => {
    friend = await h.openAs(FRIEND, CLAIM)
    await waitForText(friend, 'offer-state', '可以领取')
    expect(await byId(friend, 'goto-clinics').count()).toBe(0) // nothing to do next before the claim
    await tap(friend, 'claim-btn')
    await waitForText(friend, 'offer-state', '已领取')
    expect(await textOf(friend, 'goto-clinics')).toBe('下一步：预约到店')
    await tap(friend, 'goto-clinics')

    await waitForText(friend, 'clinic-address-clinic_sh', '上海市静安区愚园路 388 号 2 楼')
    expect(await textOf(friend, 'clinic-hours-clinic_sh')).toBe('周一至周五 09:00–20:30 周六、周日 09:00–18:00')
    expect(await textOf(friend, 'clinic-hours-clinic_hz')).toBe('周二至周日 09:00–17:30')
    // H5 has no WeChat map or dialer: a tel: link and a web map at the clinic's coordinates.
    expect(await byId(friend, 'clinic-phone-clinic_sh').getAttribute('href')).toBe('tel:02162881234')
    expect(await textOf(friend, 'clinic-phone-clinic_sh')).toBe('021-62881234')
    expect(await byId(friend, 'clinic-map-clinic_hz').getAttribute('href')).toContain('position=120.13905,30.27936')
    expect(latinWords(await pageTextWithout(friend, ['persona-bar']))).toEqual([])
    await shot(friend, '95-friend-clinics')
  })

  test('she asks 静安 for Tuesday morning: a day picker within 60 days, the slots the clinic is open, her phone and name', async () => {
    await tap(friend, 'choose-clinic-clinic_sh')
    await waitForText(friend, 'choose-clinic-clinic_sh', '已选择此门店')
    const date = byId(friend, 'apt-date')
    expect([await date.getAttribute('min'), await date.getAttribute('max')]).toEqual(['2026-11-22', '2027-01-21'])
    await date.fill('2026-11-28') // a Saturday: no evening in 静安
    expect(await byId(friend, 'apt-slot-evening').isDisabled()).toBe(true)
    await date.fill('2026-11-24')
    expect(await byId(friend, 'apt-slot-evening').isDisabled()).toBe(false)
    await tap(friend, 'apt-slot-morning')
    expect(await byId(friend, 'apt-submit').isDisabled()).toBe(true) // no name or phone yet
    await typeInto(friend, 'apt-name', '小美')
    await typeInto(friend, 'apt-phone', '12345')
    await typeInto(friend, 'apt-note', '右下牙疼')
    await tap(friend, 'apt-submit')
    await waitForText(friend, 'error-banner', '请输入11位手机号')
    expect(await h.cloud.store.query('appointments')).toEqual([]) // refused: nothing written

    await typeInto(friend, 'apt-phone', '13800138000')
    await tap(friend, 'apt-submit')
    const done = await waitForText(friend, 'appointment-done-text', '牙友口腔 · 静安店，11月24日（周二）上午')
    expect(done).not.toContain('apt_')
    expect(await textOf(friend, 'appointment-done')).toContain('诊所会致电 138****8000')
    await waitForText(friend, 'my-appointments', '待联系')
    const [doc] = await h.cloud.store.query<AppointmentDoc>('appointments')
    expect(doc).toMatchObject({ openid: FRIEND, clinicId: 'clinic_sh', preferredDate: '2026-11-24', timeOfDay: 'morning', name: '小美', phone: '13800138000', note: '右下牙疼', via: 'friend_card' })
    appointmentId = doc._id
    expect(latinWords(await pageTextWithout(friend, ['persona-bar']))).toEqual([])
    await shot(friend, '96-friend-appointment-sent')
  })

  test('静安\'s receptionist sees it with the phone masked, calls (the number appears for her) and marks it booked', async () => {
    const desk = await h.openAs(RECEPTION_SH, STAFF_APPOINTMENTS)
    await waitForId(desk, `apt-${appointmentId}`)
    expect(await textOf(desk, `apt-${appointmentId}`)).toContain('小美')
    expect(await textOf(desk, `apt-when-${appointmentId}`)).toBe('11月24日（周二）上午 · 牙友口腔 · 静安店')
    expect(await textOf(desk, `apt-phone-${appointmentId}`)).toBe('138****8000')
    expect(await textOf(desk, `apt-status-${appointmentId}`)).toBe('待联系')
    expect(await textOf(desk, `apt-note-${appointmentId}`)).toContain('右下牙疼')

    await tap(desk, `apt-dial-${appointmentId}`)
    await waitForText(desk, `apt-phone-${appointmentId}`, '13800138000')
    expect(await byId(desk, `apt-phone-${appointmentId}`).getAttribute('href')).toBe('tel:13800138000')
    expect((await h.cloud.store.get<AppointmentDoc>('appointments', appointmentId))?.dialedBy).toBe('staff_rec_sh')

    await tap(desk, `apt-mark-booked-${appointmentId}`)
    await waitForText(desk, `apt-status-${appointmentId}`, '已预约')
    expect(await byId(desk, `apt-mark-called-${appointmentId}`).count()).toBe(0) // booked is final
    expect(latinWords(await pageTextWithout(desk, ['persona-bar']))).toEqual([])
    await shot(desk, '97-desk-appointments')
    expect(await h.cloud.store.get<AppointmentDoc>('appointments', appointmentId)).toMatchObject({ status: 'booked', version: 1, handledBy: 'staff_rec_sh' })
  })

  test('西湖\'s receptionist does not see it', async () => {
    const other = await h.openAs(RECEPTION_HZ, STAFF_APPOINTMENTS)
    await waitForText(other, 'apt-empty', '暂无预约申请')
    expect(await byId(other, `apt-${appointmentId}`).count()).toBe(0)
    expect(await pageTextWithout(other, ['persona-bar'])).not.toContain('小美')
  })

  test('小美 sees her request booked', async () => {
    await friend.reload()
    await waitForText(friend, `my-apt-status-${appointmentId}`, '已预约')
  })
})
