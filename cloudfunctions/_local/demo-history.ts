/**
 * Four weeks of a clinic's life for the local demo (`npm start`), so the director's dashboard, the
 * reports and the policy simulator have something to show: every day some patients pay at the desk,
 * now and then a friend comes in naming a referrer (R2, R3) or a member's friend card is given,
 * claimed, registered and spent (F1–F5). All of it goes through the cloud functions, as the desk,
 * the members and their friends would call them, with the clock set to each moment — so it is what
 * the product itself writes. Tests keep the plain demo chain; only `npm start` plays this.
 */
import type { BillResult } from '../../src/domain/bill/engine'
import type { Result } from '../../src/api/contract'
import { PAYMENT_METHODS } from '../../src/domain/bill/payment'
import type { LocalCloud } from './local-cloud'

const DESK = { clinic_sh: 'demo-staff-receptionist', clinic_hz: 'demo-staff-receptionist-hz' } as const
const CONSULTANT = 'demo-staff-consultant'
/** Who comes in, in turn, and what they are billed for (price list ids, demo-price-list.ts). */
const VISITS: Array<[patientId: string, desk: keyof typeof DESK, items: string[]]> = [
  ['pat_lifetime', 'clinic_sh', ['pi_demo_scaling', 'pi_demo_floss']],
  ['pat_annual', 'clinic_sh', ['pi_demo_filling']],
  ['pat_plain', 'clinic_sh', ['pi_demo_exam', 'pi_demo_special_scaling']],
  ['pat_senior', 'clinic_sh', ['pi_demo_root_canal']],
  ['pat_hz_1', 'clinic_hz', ['pi_demo_extraction']],
  ['pat_hz_2', 'clinic_hz', ['pi_demo_scaling', 'pi_demo_toothbrush']],
  ['pat_family_wife', 'clinic_sh', ['pi_demo_wisdom']],
  ['pat_child', 'clinic_sh', ['pi_demo_exam']],
]
/** Members whose record numbers friends name at the desk (R2: works the same as a coupon). */
const REFERRERS = ['100001', '100004', '100007', '100008']
/** Members who are given a friend card and pass it on (F1: their treatment is half done). */
const GIVERS: Array<[patientId: string, openid: string]> = [['pat_annual', 'demo-member-annual'], ['pat_near_lifetime', 'demo-member-near'], ['pat_annual_lapsing', 'demo-member-lapsing']]

function ok<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo history: ${what}: ${r.error.code} ${r.error.message.en}`)
  return r.data
}

export async function playDemoHistory(cloud: LocalCloud, days = 28): Promise<{ bills: number }> {
  const end = cloud.clock.now()
  const call = async <T>(fn: string, event: Record<string, unknown>, openid: string, what: string) => ok(await cloud.call(fn, event, openid) as Result<T>, what)
  let bills = 0
  let seq = 0
  const pay = async (patientId: string, desk: string, items: string[], extra: Record<string, unknown> = {}) => {
    const lines = items.map((itemId) => ({ itemId }))
    const preview = await call<BillResult>('reception', { action: 'previewBill', patientId, items: lines, ...extra }, desk, 'preview')
    await call('reception', { action: 'confirmBill', patientId, items: lines, ...extra, requestId: `demo-history-${String(++seq).padStart(5, '0')}`, expectedDueFen: preview.totals.dueFen, paymentMethod: PAYMENT_METHODS[seq % PAYMENT_METHODS.length] }, desk, 'confirm')
    bills++
  }
  try {
    for (let d = days; d >= 1; d--) {
      const day = new Date(end.getTime() - d * 86_400_000)
      const at = (minutes: number) => cloud.clock.pin(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 30) + minutes * 60_000)) // from 09:30 in Shanghai
      for (let k = 0; k < 3; k++) {
        const [patientId, clinic, items] = VISITS[(d * 3 + k) % VISITS.length]
        at(20 * k)
        await pay(patientId, DESK[clinic], items)
      }
      if (d % 3 === 0) {
        // A new patient names a member who recommended the clinic (R2, R3: the member is rewarded after the friend pays).
        at(90)
        const walkIn = await call<{ patientId: string }>('reception', { action: 'registerWalkIn', name: `新朋友${d}`, phone: `1880000${String(d).padStart(4, '0')}` }, DESK.clinic_sh, 'walk-in')
        await pay(walkIn.patientId, DESK.clinic_sh, ['pi_demo_root_canal'], { referrerCode: REFERRERS[d % REFERRERS.length] })
      }
      if (d % 9 === 0) await friendCard(d, at)
    }
  } finally {
    cloud.clock.set(end)
  }
  return { bills }

  /** F1–F5: a member is given a card, shares it; a friend claims it, comes in, registers and pays with it. */
  async function friendCard(d: number, at: (minutes: number) => void): Promise<void> {
    const [giver, giverOpenid] = GIVERS[(d / 9) % GIVERS.length]
    const friend = `demo-history-friend-${d}`
    at(120)
    const card = await call<{ cardId: string }>('friendcard', { action: 'issue', patientId: giver, treatmentConfirmed: true, requestId: `demo-history-card-${d}` }, CONSULTANT, 'issue card')
    const shared = await call<{ token: string }>('friendcard', { action: 'share', cardId: card.cardId }, giverOpenid, 'share card')
    at(180)
    await call('friendcard', { action: 'claim', token: shared.token }, friend, 'claim card')
    at(240)
    const code = await call<{ token: string }>('friendcard', { action: 'code', cardId: card.cardId }, friend, 'card code')
    const scanned = await call<{ ticket: string }>('reception', { action: 'scan', code: code.token }, DESK.clinic_sh, 'scan card')
    const reg = await call<{ patientId: string }>('reception', { action: 'register', ticket: scanned.ticket, name: `朋友${d}`, phone: `1890000${String(d).padStart(4, '0')}` }, DESK.clinic_sh, 'register friend')
    await pay(reg.patientId, DESK.clinic_sh, ['pi_demo_extraction', 'pi_demo_floss'], { friendCardTicket: scanned.ticket })
  }
}
