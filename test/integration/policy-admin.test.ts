/**
 * Issue 14 items 3 and 4: the director and admin change the chain's policy without code — a new
 * version each save with who, when and why; bad settings, stale edits and other roles refused with
 * nothing written; cards keep the value they were issued with.
 */
import type { IssuedCard, PolicySaved, PolicyState, PolicyHistoryPage, Result } from '../../src/api/contract'
import type { FriendCard } from '../../src/domain/friendcard/card'
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy'
import { withValueAt } from '../../src/domain/policy-fields'
import { POLICY_PRESETS } from '../../src/domain/policy-presets'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, openCloud, RECEPTION } from './helpers'
import { refusedUnchanged } from './snapshot-all'
import { startQueryPlanCheck } from '../../cloudfunctions/_core/adapters/embedded/query-plan-check'

const DIRECTOR = 'demo-staff-director' // 院长 赵强
const ADMIN = 'demo-staff-admin' // 管理员 孙琳
const CONSULTANT = 'demo-staff-consultant'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const team = <T>(event: object, openid = DIRECTOR) => cloud.call('team', event, openid) as Promise<Result<T>>
const get = async (openid = DIRECTOR) => data(await team<PolicyState>({ action: 'policyGet' }, openid))
const withCard = (faceValueFen: number): Policy => withValueAt(DEFAULT_POLICY, 'friendCard.faceValueFen', faceValueFen)
const save = (requestId: string, body: object, openid = DIRECTOR) =>
  team<PolicySaved>({ action: 'policySave', requestId, baseVersion: 1, reason: '提高亲友卡面值吸引新患者', ...body }, openid)
const issue = async (requestId: string) =>
  data(await cloud.call('friendcard', { action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId }, CONSULTANT)) as IssuedCard

/** The typed refusal, and that not one document anywhere changed. */
const refusedWithNothingWritten = (call: () => Promise<Result<unknown>>) => refusedUnchanged(cloud, call)

describe('issue 14: a policy change is a new version with who, when and why', () => {
  test('the director changes the friend card value: version 2, the history names them, the reason and the difference', async () => {
    const start = await get()
    expect(start.policy).toEqual(DEFAULT_POLICY)
    expect(start.versions).toEqual([{ version: 1, changes: [] }])

    const saved = data(await save('req-policy-0001', { policy: withCard(80_000) }))
    expect(saved).toMatchObject({ version: 2, changes: [{ path: 'friendCard.faceValueFen', before: 60_000, after: 80_000 }] })
    expect(saved.policy.friendCard.faceValueFen).toBe(80_000)

    const after = await get(ADMIN)
    expect(after.policy).toEqual({ ...withCard(80_000), version: 2 })
    expect(after.versions).toEqual([
      { version: 2, at: '2026-11-22T02:00:00.000Z', byName: '院长 赵强', reason: '提高亲友卡面值吸引新患者', changes: [{ path: 'friendCard.faceValueFen', before: 60_000, after: 80_000 }] },
      { version: 1, changes: [] },
    ])
    // The version documents are the history: the started-from one kept on the first save.
    const stored = await cloud.store.query<{ _id: string }>('policyVersions', { orderBy: [['version', 'asc']] })
    expect(stored.map((d) => d._id)).toEqual(['1', '2'])
  })

  test('a card issued before the change keeps its value; one issued after gets the new value (F2, issue 14)', async () => {
    const before = await issue('req-card-before-01')
    expect(before.faceValueFen).toBe(60_000)
    data(await save('req-policy-0002', { policy: withCard(80_000) }))
    const later = await issue('req-card-after-001')
    expect(later.faceValueFen).toBe(80_000)
    const [oldCard, newCard] = await Promise.all([before, later].map((c) => cloud.store.get<FriendCard>('friendCards', c.cardId)))
    expect(oldCard).toMatchObject({ faceValueFen: 60_000, balanceFen: 60_000, policyVersion: 1 })
    expect(newCard).toMatchObject({ faceValueFen: 80_000, balanceFen: 80_000, policyVersion: 2 })
  })

  test('seed 003 as a preset: roubles, the 300 coupon for one month, 100 + 100 rewards, no friend cards', async () => {
    const saved = data(await save('req-policy-0003', { preset: 'seed003', reason: '采用俄罗斯诊所推荐条例' }))
    expect(saved.policy).toEqual({ ...POLICY_PRESETS.seed003.policy, version: 2 })
    expect(saved.policy.currency).toBe('RUB')
    // F1 under seed 003: no friend card may be issued.
    expect(code(await cloud.call('friendcard', { action: 'issue', patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'req-card-s3-0001' }, CONSULTANT))).toBe('CARD_LIMIT')
    const back = data(await team<PolicySaved>({ action: 'policySave', requestId: 'req-policy-0004', baseVersion: 2, reason: '恢复默认规则', preset: 'seed004' }))
    expect(back.policy).toEqual({ ...DEFAULT_POLICY, version: 3 })
    const history = data(await team<PolicyHistoryPage>({ action: 'policyHistory', limit: 2 }))
    expect(history.versions.map((v) => [v.version, v.preset])).toEqual([[3, 'seed004'], [2, 'seed003']])
    expect(history.next).toBe(2)
    const rest = data(await team<PolicyHistoryPage>({ action: 'policyHistory', before: 2, limit: 2 }))
    expect(rest).toEqual({ versions: [{ version: 1, changes: [] }] })
  })
})

describe('issue 14: refusals write nothing', () => {
  test('bad settings: POLICY_INVALID naming every bad field', async () => {
    const bad = withValueAt(withValueAt(withValueAt(DEFAULT_POLICY, 'friendCard.faceValueFen', -5), 'notify.holidays', [{ date: '2026-13-45', name: { zh: '某节', en: 'X' } }]), 'timezone', 'Nowhere/City')
    const r = await refusedWithNothingWritten(() => save('req-policy-0010', { policy: bad }))
    expect(r.code).toBe('POLICY_INVALID')
    expect((r.details!.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['friendCard.faceValueFen', 'notify.holidays', 'timezone'])
  })

  test('no reason: POLICY_INVALID on the reason', async () => {
    const r = await refusedWithNothingWritten(() => save('req-policy-0011', { policy: withCard(70_000), reason: ' ' }))
    expect(r).toMatchObject({ code: 'POLICY_INVALID', details: { fields: [expect.objectContaining({ path: 'reason' })] } })
  })

  test('nothing changed: POLICY_UNCHANGED; neither a policy nor a preset, or both: VALIDATION', async () => {
    expect((await refusedWithNothingWritten(() => save('req-policy-0012', { policy: DEFAULT_POLICY }))).code).toBe('POLICY_UNCHANGED')
    expect((await refusedWithNothingWritten(() => save('req-policy-0013', {}))).code).toBe('VALIDATION')
    expect((await refusedWithNothingWritten(() => save('req-policy-0014', { policy: withCard(70_000), preset: 'seed003' }))).code).toBe('VALIDATION')
  })

  test('an edit made against an older version: POLICY_STALE', async () => {
    data(await save('req-policy-0020', { policy: withCard(70_000) }, ADMIN))
    const r = await refusedWithNothingWritten(() => save('req-policy-0021', { policy: withCard(90_000) }))
    expect(r).toMatchObject({ code: 'POLICY_STALE', details: { version: 2 } })
  })

  test('two saves from the same version at once: one wins, the other is stale', async () => {
    const [a, b] = await Promise.all([save('req-policy-0030', { policy: withCard(70_000) }), save('req-policy-0031', { policy: withCard(90_000) }, ADMIN)])
    const results = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(results).toEqual(['POLICY_STALE', 'ok'])
    const winner = (a.ok ? a : b) as { ok: true; data: PolicySaved }
    const now = await get()
    expect(now.policy.friendCard.faceValueFen).toBe(winner.data.policy.friendCard.faceValueFen)
    expect(now.versions.map((v) => v.version)).toEqual([2, 1])
  })

  test('a director cannot widen their own scope to the chain; the admin can', async () => {
    const chainWide = withValueAt(DEFAULT_POLICY, 'staff.directorSeesChain', true)
    const r = await refusedWithNothingWritten(() => save('req-policy-0035', { policy: chainWide }))
    expect(r).toMatchObject({ code: 'POLICY_INVALID', details: { fields: [expect.objectContaining({ path: 'staff.directorSeesChain' })] } })
    expect(data(await save('req-policy-0036', { policy: chainWide }, ADMIN)).policy.staff.directorSeesChain).toBe(true)
  })

  test('receptionists and consultants cannot read or change the policy', async () => {
    for (const who of [RECEPTION, CONSULTANT]) {
      expect((await refusedWithNothingWritten(() => team({ action: 'policyGet' }, who))).code).toBe('FORBIDDEN')
      expect((await refusedWithNothingWritten(() => save('req-policy-0040', { policy: withCard(70_000) }, who))).code).toBe('FORBIDDEN')
    }
  })
})

describe('issue 14: a save is idempotent by request id (S3)', () => {
  test('the same request twice, at once or later, makes one version and answers it both times', async () => {
    const [a, b] = await Promise.all([save('req-policy-0050', { policy: withCard(70_000) }), save('req-policy-0050', { policy: withCard(70_000) })])
    expect(data(a)).toEqual(data(b))
    const again = data(await save('req-policy-0050', { policy: withCard(70_000) }))
    expect(again).toEqual(data(a))
    expect((await get()).versions.map((v) => v.version)).toEqual([2, 1])
  })

  test('another staff member reusing the request id is refused', async () => {
    data(await save('req-policy-0060', { policy: withCard(70_000) }))
    expect((await refusedWithNothingWritten(() => save('req-policy-0060', { policy: withCard(70_000) }, ADMIN))).code).toBe('REQUEST_ID_REUSED')
  })
})

describe('issue 14: the history reads by its index (no whole-collection query)', () => {
  test('saves and both history pages: every policy query has an index', async () => {
    const check = startQueryPlanCheck()
    try {
      data(await save('req-policy-0070', { policy: withCard(70_000) }))
      data(await team({ action: 'policySave', requestId: 'req-policy-0071', baseVersion: 2, reason: '再调整', policy: withCard(75_000) }))
      data(await team({ action: 'policyGet' }))
      data(await team({ action: 'policyHistory', before: 3, limit: 1 }))
      const mine = check.checked.filter((c) => c.collection.startsWith('polic'))
      expect(mine.length).toBeGreaterThan(0)
      expect(mine.filter((c) => c.finding).map((c) => c.sql)).toEqual([])
    } finally {
      check.stop()
    }
  })
})
