/** Issue 14: dates people type are real calendar days; an impossible one is refused, never rolled over. */
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'

let cloud: LocalCloud
beforeAll(async () => { cloud = await openCloud() })
afterAll(() => cloud.close())

test.each([
  ['referral', { action: 'daySheet', date: '2026-13-45' }, RECEPTION],
  ['referral', { action: 'audit', weekOf: '2026-02-30' }, 'demo-staff-director'],
  ['reception', { action: 'findBills', day: '2026-11-31' }, RECEPTION],
  ['reception', { action: 'daySheet', day: '2027-02-29' }, RECEPTION],
  ['events', { action: 'create', kind: 'spring_outing', place: '西湖边草坪', date: '2026-04-31', capacity: 10 }, 'demo-staff-director'],
])('%s %o is refused as VALIDATION and writes nothing', async (fn, event, openid) => {
  const before = snapshotAll(cloud)
  expect(code(await cloud.call(fn, event, openid))).toBe('VALIDATION')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('the same requests with a real day are accepted (the refusals above are about the date)', async () => {
  const ok = async (fn: string, event: object, openid: string) => expect((await cloud.call(fn, event, openid)).ok).toBe(true)
  await ok('referral', { action: 'daySheet', date: '2026-11-22' }, RECEPTION)
  await ok('reception', { action: 'daySheet', day: '2028-02-29' }, RECEPTION)
  await ok('events', { action: 'create', kind: 'spring_outing', place: '西湖边草坪', date: '2027-04-30', capacity: 10 }, 'demo-staff-director')
})
