/**
 * Issue 14 item 5 at the server: the director replays a period's real bills under a proposed policy
 * (`team.policySimulate`), beside what happened. Read-only; the numbers are checked as a save would
 * check them; clinic scoping as for the reports. Bills are made through the desk, on a day with no
 * demo history, so the figures can be worked out by hand.
 */
import type { ConfirmedBill, PolicySimulation, PolicyState } from '../../src/api/contract'
import type { Policy } from '../../src/domain/policy'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'

const DIRECTOR = 'demo-staff-director'
const DAY = '2026-12-10'
const EXTRACTION = { itemId: 'pi_demo_extraction' } // 拔牙, treatment, ¥300
const SPECIAL = { itemId: 'pi_demo_special_scaling' } // 特价洁牙, special price, ¥99

let cloud: LocalCloud
beforeEach(async () => {
  cloud = await openCloud()
  cloud.clock.pin(new Date(`${DAY}T02:00:00Z`)) // 10:00 in Shanghai, after the demo chain's history
})
afterEach(() => cloud.close())

const team = (event: object, openid = DIRECTOR) => cloud.call('team', event, openid)

async function bill(patientId: string, items: object[], requestId: string, expectedDueFen: number): Promise<ConfirmedBill> {
  return data(await cloud.call('reception', { action: 'confirmBill', patientId, items, requestId, expectedDueFen }, RECEPTION)) as ConfirmedBill
}

async function proposed(patch: (p: Policy) => void): Promise<Policy> {
  const { policy } = data(await team({ action: 'policyGet' })) as PolicyState
  const p = structuredClone(policy)
  patch(p)
  return p
}

test('a 10% member discount instead of 12% on the day\'s two bills: ¥6 less discount, ¥6 more paid; nothing written', async () => {
  await bill('pat_lifetime', [EXTRACTION, SPECIAL], 'sim-bill-0001', 36_300) // ¥300 less 12%, and ¥99 special price (M2: no discount)
  await bill('pat_plain', [EXTRACTION], 'sim-bill-0002', 30_000) // not a member
  const policy = await proposed((p) => { p.membership.discountBp = 1000 })
  const before = snapshotAll(cloud)
  const s = data(await team({ action: 'policySimulate', from: DAY, to: DAY, policy })) as PolicySimulation
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  expect(s).toMatchObject({ from: DAY, to: DAY, currency: 'CNY' })
  expect(s.happened).toMatchObject({ bills: 2, grossFen: 69_900, memberDiscountFen: 3_600, paidFen: 66_300 })
  expect(s.proposed).toMatchObject({ bills: 2, memberDiscountFen: 3_000, paidFen: 66_900 })
  expect(s.difference).toMatchObject({ memberDiscountFen: -600, paidFen: 600, netFen: 600, couponFen: 0, cardRedeemedFen: 0 })
})

test('the policy it happened under gives no difference; a preset can be tried as it is', async () => {
  await bill('pat_lifetime', [EXTRACTION], 'sim-bill-0003', 26_400)
  const same = data(await team({ action: 'policySimulate', from: DAY, to: DAY, policy: await proposed(() => undefined) })) as PolicySimulation
  expect(Object.values(same.difference).every((v) => v === 0)).toBe(true)
  const seed003 = data(await team({ action: 'policySimulate', from: DAY, to: DAY, preset: 'seed003' })) as PolicySimulation
  expect(seed003.happened.bills).toBe(1)
})

test('refusals: a receptionist, bad numbers, an impossible date, a period too long — typed, nothing written', async () => {
  const policy = await proposed((p) => { p.membership.discountBp = 20_000 })
  const before = snapshotAll(cloud)
  expect(code(await team({ action: 'policySimulate', preset: 'seed003' }, RECEPTION))).toBe('FORBIDDEN')
  const bad = await team({ action: 'policySimulate', policy })
  expect(code(bad)).toBe('POLICY_INVALID')
  expect(code(await team({ action: 'policySimulate', from: '2026-13-45', preset: 'seed003' }))).toBe('VALIDATION')
  expect(code(await team({ action: 'policySimulate', from: '2025-01-01', to: DAY, preset: 'seed003' }))).toBe('VALIDATION')
  expect(code(await team({ action: 'policySimulate', from: DAY, to: '2026-12-01', preset: 'seed003' }))).toBe('VALIDATION')
  expect(code(await team({ action: 'policySimulate', from: DAY, to: DAY }))).toBe('VALIDATION') // nothing proposed
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})
