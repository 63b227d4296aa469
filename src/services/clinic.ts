/**
 * Issue 12, item 4: the `clinic` function for pages (typed by src/api/clinic.ts), and the two device
 * actions a clinic card offers — the map and the phone — with what H5 does instead.
 *
 * On weapp, `Taro.openLocation` opens WeChat's map at the clinic (GCJ-02 coordinates) and
 * `Taro.makePhoneCall` the dialer. Taro's H5 `openLocation` works only inside WeChat's browser with
 * its JS-SDK (window.wx), otherwise it reports "not supported"; its `makePhoneCall` just navigates to
 * `tel:`. So on H5 the page shows the address as text with a web map link and the phone as a `tel:` link.
 */
import Taro from '@tarojs/taro'
import type { AppointmentRequest, ClinicInfo, StaffMark } from '../api/contract'
import { callFunction } from './cloud'

export const isWeapp = process.env.TARO_ENV === 'weapp'

export const clinicsPage = () => callFunction('clinic', 'clinics', {})
export const requestAppointment = (req: AppointmentRequest) => callFunction('clinic', 'request', req)
export const staffAppointments = () => callFunction('clinic', 'appointments', {})
export const dialAppointment = (appointmentId: string) => callFunction('clinic', 'dial', { appointmentId })
export const markAppointment = (appointmentId: string, status: StaffMark, version: number) => callFunction('clinic', 'mark', { appointmentId, status, version })

/** weapp: WeChat's map at the clinic, with its name and address. */
export async function openClinicMap(c: ClinicInfo): Promise<void> {
  await Taro.openLocation({ latitude: c.latitude, longitude: c.longitude, name: c.name, address: c.address, scale: 17 })
}

/** weapp: the dialer with the number filled in (the person still taps call). */
export async function dialNumber(phone: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: phone })
}

/** H5: the number as a `tel:` link (digits only; a phone's dialer ignores the dash). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`

/** H5: the clinic on Amap's web map (Gaode, the same GCJ-02 coordinates), opened by the person's tap. */
export const webMapHref = (c: ClinicInfo): string =>
  `https://uri.amap.com/marker?position=${c.longitude},${c.latitude}&name=${encodeURIComponent(c.name)}&coordinate=gaode&callnative=0`
