/**
 * `npm start`'s four weeks of desk activity (cloudfunctions/_local/demo-history.ts), played through
 * the functions: bills every day at both clinics, friends naming referrers (R2, R3), friend cards
 * given, claimed, registered and spent (F1–F5) — and the clock back where it was.
 */
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { LocalClock, LocalCloud as Cloud } from '../../cloudfunctions/_local/local-cloud'
import type { BillDoc, PayoutDoc, ReferralDoc } from '../../cloudfunctions/_core/model'
import type { FriendCard } from '../../src/domain/friendcard/card'
import { NOW } from './helpers'

let cloud: LocalCloud
afterEach(() => cloud?.close())

test('four weeks of bills, referrals and friend cards, written by the product itself', async () => {
  const clock = new LocalClock()
  clock.set(NOW)
  cloud = await Cloud.open({ dataDir: ':memory:', clock, qrSecret: 's'.repeat(64), demoHistory: true })
  expect(Math.abs(cloud.clock.now().getTime() - NOW.getTime())).toBeLessThan(60_000) // the clock runs on from where it was
  const bills = await cloud.store.query<BillDoc>('bills', { where: { at: { $lt: NOW.toISOString() } }, limit: 1000 })
  expect(bills.length).toBe(28 * 3 + 9 + 3) // three a day, a referred friend every third day, three friend cards
  expect(new Set(bills.map((b) => b.clinicId))).toEqual(new Set(['clinic_sh', 'clinic_hz']))
  expect(bills.every((b) => b.day < '2026-11-22')).toBe(true)
  const locked = await cloud.store.query<ReferralDoc>('referrals', { where: { status: 'locked' }, limit: 1000 })
  expect(locked.filter((r) => r.firstPaidAt && r.firstPaidAt > '2026-10-20').length).toBe(9) // R3: rewarded after the friend paid
  const payouts = await cloud.store.query<PayoutDoc>('payouts', { where: { status: 'due' }, limit: 1000 })
  expect(payouts.length).toBeGreaterThanOrEqual(9)
  const cards = await cloud.store.query<FriendCard>('friendCards', { where: { status: 'claimed' }, limit: 1000 })
  expect(cards.filter((c) => c.registeredAt && c.balanceFen === 30_000).length).toBe(3) // a ¥300 extraction paid from each ¥600 card (F4)
})
