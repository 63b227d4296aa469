/**
 * Two clinics' worth of the things clinic scoping is about, written straight into the store so the
 * scoping tests do not depend on how bills come about: today's referral bills in 静安 (clinic_sh) and
 * 西湖 (clinic_hz), their payouts and follow-up tasks (one of each in the older shape, without a
 * clinic, which is then taken from the bill), December's birthday gifts, an event in each clinic,
 * and a director for 西湖.
 */
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { BillDoc, BirthdayGiftDoc, EventDoc, PayoutDoc, StaffDoc, TaskDoc, UserDoc } from '../../cloudfunctions/_core/model'

export const TODAY = '2026-11-22' // NOW (helpers.ts) in Shanghai
export const RECEPTION_HZ = 'demo-staff-receptionist-hz' // 前台 小陈, 西湖
export const DIRECTOR_HZ = 'test-director-hz'
export const SH_EVENT = 'ev_thanks_dinner_20261213' // the demo's dinner, planned by the 静安 director (no clinic on it)
export const HZ_EVENT = 'ev_valentine_20261122'

const bill = (id: string, clinicId: string, patientId: string, referralId: string, at: string): BillDoc => ({
  _id: id, requestId: `req-${id}`, fingerprint: 'f', referralId, patientId, staffId: 'staff_rec_sh', clinicId, items: [],
  result: { lines: [], totals: { subtotalFen: 50_000, dueFen: 50_000 } } as unknown as BillDoc['result'],
  paidFen: 50_000, at, day: TODAY, tierAfter: 'none', cumulativeSpendAfterFen: 50_000, referralFixedFen: 10_000,
})

export async function seedTwoClinics(cloud: LocalCloud): Promise<void> {
  const s = cloud.store
  await s.set<BillDoc>('bills', bill('b_sh', 'clinic_sh', 'pat_child', 'ref_pat_pat_child', '2026-11-22T01:00:00.000Z'))
  await s.set<BillDoc>('bills', bill('b_hz', 'clinic_hz', 'pat_hz_1', 'ref_pat_pat_hz_1', '2026-11-22T01:30:00.000Z'))
  const payout = (billId: string, clinicId?: string): PayoutDoc => ({
    _id: `po_${billId}`, referralId: 'r', referrerPatientId: 'pat_bonus', billId, amountFen: 10_000, status: 'due', createdAt: '2026-11-22T01:40:00.000Z', day: TODAY, markAttempts: 0, ...(clinicId ? { clinicId } : {}),
  })
  await s.set<PayoutDoc>('payouts', payout('b_sh')) // older shape: the clinic comes from the bill
  await s.set<PayoutDoc>('payouts', payout('b_hz', 'clinic_hz'))
  const task = (billId: string, patientId: string, clinicId?: string): TaskDoc => ({
    _id: `task_${billId}`, kind: 'follow_up', patientId, billId, score: 3, status: 'open', createdAt: '2026-11-22T01:50:00.000Z', ...(clinicId ? { clinicId } : {}),
  })
  await s.set<TaskDoc>('tasks', task('b_sh', 'pat_child'))
  await s.set<TaskDoc>('tasks', task('b_hz', 'pat_hz_1', 'clinic_hz'))
  const gift = (patientId: string, name: string, clinicId: string): BirthdayGiftDoc => ({
    _id: `2026-12:${patientId}`, month: '2026-12', patientId, name, phone: '13300007777', clinicId, birthday: '2026-12-05', spend12mFen: 100_000, budgetFen: 500, status: 'todo', createdAt: '2026-11-01T01:00:00.000Z',
  })
  await s.set<BirthdayGiftDoc>('birthdayGifts', gift('pat_plain', '赵磊', 'clinic_sh'))
  await s.set<BirthdayGiftDoc>('birthdayGifts', gift('pat_hz_1', '吴昊', 'clinic_hz'))
  await s.set<EventDoc>('events', {
    _id: HZ_EVENT, kind: 'valentine', date: TODAY, place: '西湖店', capacity: 20, inviteOn: '2026-11-08', inviteAt: '2026-11-07T16:00:00.000Z', going: 0, createdAt: '2026-11-01T01:00:00.000Z', createdBy: 'staff_rec_hz', clinicId: 'clinic_hz',
  })
  await s.set<StaffDoc>('staff', { _id: 'staff_dir_hz', name: '院长 钱进', role: 'director', clinicId: 'clinic_hz', phone: '13800000107', active: true, openid: DIRECTOR_HZ })
  await s.set<UserDoc>('users', { _id: DIRECTOR_HZ, displayName: '院长 钱进', staffId: 'staff_dir_hz', createdAt: '2026-11-01T01:00:00.000Z' })
}
