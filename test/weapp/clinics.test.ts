/**
 * Issue 12, item 4, on the compiled mini-program (dist/pages/clinics/index): a tap on a clinic's
 * address opens WeChat's map at its coordinates (`wx.openLocation`), a tap on its phone the dialer
 * (`wx.makePhoneCall`); the day comes from WeChat's date picker (`picker mode="date"`), and a patient
 * with a phone on file is not asked for one.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { ClinicsPage, RequestedAppointment, Result } from '../../src/api/contract'
import { loadMiniProgram, renderPage, type CloudHandler, type RenderedPage } from './harness'
import { findById } from './rendered-page'

jest.setTimeout(30_000)

type Callback = { success?: (r: unknown) => void; complete?: (r: unknown) => void }
type Wx = { openLocation: (o: Record<string, unknown> & Callback) => unknown; makePhoneCall: (o: Record<string, unknown> & Callback) => unknown }
const wx = () => (globalThis as unknown as { wx: Wx }).wx
const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const answered = (name: string) => jest.fn((o: Callback) => { o.success?.({ errMsg: `${name}:ok` }); o.complete?.({}) })

const PAGE: ClinicsPage = {
  clinics: [
    { clinicId: 'clinic_hz', name: '牙友口腔 · 西湖店', city: '杭州', address: '杭州市西湖区文三路 259 号 3 楼', phone: '0571-88271234', latitude: 30.27936, longitude: 120.13905, hours: [{ days: [0, 2, 3, 4, 5, 6], open: '09:00', close: '17:30' }] },
    { clinicId: 'clinic_sh', name: '牙友口腔 · 静安店', city: '上海', address: '上海市静安区愚园路 388 号 2 楼', phone: '021-62881234', latitude: 31.22318, longitude: 121.44269, hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '20:30' }, { days: [0, 6], open: '09:00', close: '18:00' }] },
  ],
  today: '2026-11-22', lastDay: '2027-01-21', phoneOnFile: '135****4444', needsName: false, mine: [],
}

/** What WeChat's date picker does when the person picks a day. */
async function pickDay(p: RenderedPage, value: string): Promise<void> {
  const picker = findById(p.component, 'apt-date-picker')
  if (!picker) throw new Error(`No date picker.\nPage text: ${p.text()}`)
  picker.dispatchEvent('change', { detail: { value } })
  await new Promise((r) => setTimeout(r, 0))
}

let page: RenderedPage | undefined
beforeAll(() => { loadMiniProgram() }) // installs `wx`
afterEach(() => {
  page?.close()
  page = undefined
})

test('the address opens WeChat\'s map at the clinic, the phone the dialer', async () => {
  const openLocation = answered('openLocation')
  const makePhoneCall = answered('makePhoneCall')
  wx().openLocation = openLocation
  wx().makePhoneCall = makePhoneCall
  const cloud: CloudHandler = (name, event) => (name === 'clinic' && event.action === 'clinics' ? ok(PAGE) : { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } })
  page = await renderPage('pages/clinics/index', cloud, { clinicId: 'clinic_sh' })
  const p = page
  await p.waitFor(() => p.byId('clinic-address-clinic_sh') !== null, 'the clinics')
  expect(p.textOf('clinic-hours-clinic_sh')).toBe('周一至周五 09:00–20:30周六、周日 09:00–18:00')
  await p.tap('clinic-address-clinic_sh')
  expect(openLocation).toHaveBeenCalledTimes(1)
  expect(openLocation.mock.calls[0][0]).toMatchObject({ latitude: 31.22318, longitude: 121.44269, name: '牙友口腔 · 静安店', address: '上海市静安区愚园路 388 号 2 楼' })
  await p.tap('clinic-phone-clinic_hz')
  expect(makePhoneCall.mock.calls[0][0]).toMatchObject({ phoneNumber: '0571-88271234' })
  for (const en of ['Address', 'Phone', 'Hours', 'Map']) expect(p.text()).not.toContain(en)
})

test('a patient picks a day in WeChat\'s date picker and a time of day; the phone on file is used', async () => {
  let sent: Record<string, unknown> | null = null
  const cloud: CloudHandler = (name, event) => {
    if (name === 'clinic' && event.action === 'clinics') return ok(PAGE)
    if (name === 'clinic' && event.action === 'request') {
      sent = event
      const r: RequestedAppointment = { appointmentId: 'apt_x', clinicId: 'clinic_sh', clinicName: '牙友口腔 · 静安店', preferredDate: '2026-11-24', timeOfDay: 'evening', status: 'open', createdAt: '2026-11-22T02:00:00.000Z', maskedPhone: '135****4444', replayed: false }
      return ok(r)
    }
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } }
  }
  page = await renderPage('pages/clinics/index', cloud, { clinicId: 'clinic_sh' })
  const p = page
  await p.waitFor(() => p.byId('apt-date') !== null, 'the form')
  expect(p.textOf('apt-phone-on-file')).toContain('135****4444')
  expect(p.byId('apt-phone')).toBeNull()
  expect(p.byId('apt-name')).toBeNull()
  await pickDay(p, '2026-11-24')
  await p.waitFor(() => p.textOf('apt-date') === '11月24日（周二）', 'the picked day')
  await p.tap('apt-slot-evening')
  await p.waitFor(() => (p.textOf('apt-summary') ?? '').includes('11月24日（周二）晚上'), 'the summary')
  await p.tap('apt-submit')
  await p.waitFor(() => p.byId('appointment-done') !== null, 'the success card')
  expect(sent).toMatchObject({ action: 'request', clinicId: 'clinic_sh', preferredDate: '2026-11-24', timeOfDay: 'evening' })
  expect(sent).not.toHaveProperty('phone')
  expect(sent!.requestId).toMatch(/^[A-Za-z0-9_-]{8,40}$/)
  expect(p.textOf('appointment-done')).toContain('诊所会致电 135****4444')
})
