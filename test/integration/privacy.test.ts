/**
 * C2: the privacy notice at first use and 我的数据 — a patient sees and exports what the clinic
 * holds about them (profile, visits, ledger, messages, consents, referrals, cards, family), and
 * nothing about anyone else; guests cannot export; acceptance is recorded with its version.
 */
import type { ConsentLog, DataExportFile, DataSummary, PrivacyAccepted, PrivacyStatus } from '../../src/api/privacy'
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice'
import type { LedgerEntry } from '../../src/domain/ledger'
import type { ConsentDoc, PatientDoc, UserDoc } from '../../cloudfunctions/_core/model'
import { CAP } from '../../cloudfunctions/_core/usecases/privacy-export'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { everything } from './snapshot-all'
import { code, data, LIFETIME, openCloud, RECEPTION } from './helpers'
import { lines } from './catalogue'

const ANNUAL = 'demo-member-annual' // 王芳, another patient
const FRIEND = 'demo-friend' // 小美, a WeChat user who is not a patient
const FRESH = 'o-fresh-privacy-0001'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(async () => { await cloud.close() })

const call = async <T>(openid: string | null, action: string, input: Record<string, unknown> = {}) => data(await cloud.call('privacy', { action, ...input }, openid)) as T
/** Confirms a bill at the amount the preview says is due. */
async function confirmBill(patientId: string, name: string, amountFen: number, requestId: string) {
  const items = await lines(cloud, [{ name, category: 'treatment', amountFen }])
  const preview = data(await cloud.call('reception', { action: 'previewBill', patientId, items }, RECEPTION)) as { totals: { dueFen: number } }
  return data(await cloud.call('reception', { action: 'confirmBill', patientId, items, requestId, expectedDueFen: preview.totals.dueFen }, RECEPTION)) as { billId: string }
}

describe('the notice and its acceptance', () => {
  test('a fresh WeChat user has not accepted; accepting records the version on the user and in the consent log, once', async () => {
    const before = await call<PrivacyStatus>(FRESH, 'notice')
    expect(before).toMatchObject({ acceptedVersion: null, acceptedAt: null, notice: { version: PRIVACY_NOTICE_VERSION } })
    // The notice says what is held, why, how long, who sees it, how to export and whom to ask.
    const text = JSON.stringify(before.notice)
    for (const must of ['敏感个人信息', '保存多久', '谁能看到', '我的数据', '导出', '联系我们', '十四周岁']) expect(text).toContain(must)

    const accepted = await call<PrivacyAccepted>(FRESH, 'accept', { version: PRIVACY_NOTICE_VERSION })
    expect(accepted).toMatchObject({ version: PRIVACY_NOTICE_VERSION, acceptedAt: '2026-11-22T02:00:00.000Z', replayed: false })
    expect(await cloud.store.get<UserDoc>('users', FRESH)).toMatchObject({ privacyAcceptedVersion: PRIVACY_NOTICE_VERSION, privacyAcceptedAt: accepted.acceptedAt })
    const log = (await cloud.store.get<ConsentDoc>('consents', FRESH))!.log
    expect(log).toEqual([{ at: accepted.acceptedAt, template: 'privacy_notice', source: 'privacy_notice', version: PRIVACY_NOTICE_VERSION }])
    expect(await call<PrivacyStatus>(FRESH, 'notice')).toMatchObject({ acceptedVersion: PRIVACY_NOTICE_VERSION, acceptedAt: accepted.acceptedAt })

    // Accepting again (a second tap, another device) writes nothing.
    const all = everything(cloud)
    cloud.clock.advance(60_000)
    expect(await call<PrivacyAccepted>(FRESH, 'accept', { version: PRIVACY_NOTICE_VERSION })).toMatchObject({ replayed: true, acceptedAt: accepted.acceptedAt })
    expect(everything(cloud)).toBe(all)
  })

  test('an outdated version is refused (PRIVACY_VERSION_STALE), nothing written; so is a caller nobody identified', async () => {
    const before = everything(cloud)
    expect(code(await cloud.call('privacy', { action: 'accept', version: '2020-01-01' }, FRESH))).toBe('PRIVACY_VERSION_STALE')
    expect(code(await cloud.call('privacy', { action: 'accept', version: PRIVACY_NOTICE_VERSION }, null))).toBe('UNAUTHENTICATED')
    expect(code(await cloud.call('privacy', { action: 'accept', version: 'v'.repeat(21) }, FRESH))).toBe('VALIDATION')
    expect(everything(cloud)).toBe(before)
  })

  test('a patient\'s user document keeps its binding and their message consents stay as they were', async () => {
    // A patient who bound WeChat after the notice changed (the demo people agreed already).
    await cloud.store.set<UserDoc>('users', { _id: 'o-bound-new-0001', displayName: '黄蕾', patientId: 'pat_new_1', createdAt: '2026-11-01T00:00:00.000Z' })
    await cloud.store.set<ConsentDoc>('consents', { _id: 'o-bound-new-0001', counts: { birthday: 2 }, log: [] })
    expect(await call<PrivacyStatus>('o-bound-new-0001', 'notice')).toMatchObject({ acceptedVersion: null })
    await call('o-bound-new-0001', 'accept', { version: PRIVACY_NOTICE_VERSION })
    expect(await cloud.store.get<UserDoc>('users', 'o-bound-new-0001')).toMatchObject({ patientId: 'pat_new_1', displayName: '黄蕾', createdAt: '2026-11-01T00:00:00.000Z', privacyAcceptedVersion: PRIVACY_NOTICE_VERSION })
    expect(await cloud.store.get<ConsentDoc>('consents', 'o-bound-new-0001')).toMatchObject({ counts: { birthday: 2 }, log: [{ template: 'privacy_notice', version: PRIVACY_NOTICE_VERSION }] })
  })

  test('the demo people have agreed already (so only a new WeChat user sees the notice)', async () => {
    for (const openid of [LIFETIME, ANNUAL, FRIEND, RECEPTION]) {
      expect(await call<PrivacyStatus>(openid, 'notice')).toMatchObject({ acceptedVersion: PRIVACY_NOTICE_VERSION })
    }
  })
})

describe('我的数据: export', () => {
  test('a member\'s file holds their own data and nothing about any other patient', async () => {
    // Activity for 李明 and, on the same day, for another patient with a telling treatment.
    const mine = await confirmBill('pat_lifetime', '根管治疗 李明的牙', 120_000, 'privacy-bill-01')
    await confirmBill('pat_annual', '种植牙 另一位患者', 800_000, 'privacy-bill-02')
    data(await cloud.call('referral', { action: 'rate', billId: mine.billId, score: 3, comment: '等候时间太长' }, LIFETIME))
    // N1: the New Year greeting goes to every member; each one's message carries their own name.
    cloud.clock.pin(new Date('2027-01-01T01:00:00Z'))
    data(await cloud.runDaily())

    const patients = await cloud.store.query<PatientDoc>('patients', { limit: 1000 })
    const others = patients.filter((p) => p._id !== 'pat_lifetime')
    expect(others.length).toBeGreaterThan(10)
    for (const format of ['json', 'csv'] as const) {
      const file = await call<DataExportFile>(LIFETIME, 'export', { format })
      expect(file.fileName).toBe(`yayou-mydata-100001-20270101.${format}`)
      const text = file.content
      // Theirs: the record, phone, the visit with its treatment and their rating, the ledger, the
      // greeting, the privacy acceptance, the referrals they made, their cards and family.
      for (const own of ['100001', '李明', '13912345678', '1978-03-14', '根管治疗 李明的牙', '等候时间太长', '李明，牙友口腔祝您元旦快乐', '终身家庭会员', '牙友口腔 · 静安店']) expect(text).toContain(own)
      expect(text).toContain(format === 'json' ? '"role": "我推荐的朋友"' : '我推荐的朋友')
      expect(text).toContain('张*') // the family member, as friends see names
      // Nobody else: no other patient's name or phone anywhere, not their treatment either.
      for (const p of others) {
        expect(text).not.toContain(p.name)
        expect(text).not.toContain(p.phone)
      }
      expect(text).not.toContain('种植牙')
      expect(text).not.toContain('小美')
      expect(file.counts).toMatchObject({ profile: 1, visits: 1, family: 2, cards: 2, referrals: 3 })
      expect(file.counts.ledger).toBeGreaterThanOrEqual(5)
      expect(file.counts.messages).toBeGreaterThanOrEqual(1)
      expect(file.counts.consents).toBe(5) // four demo message consents and the privacy acceptance
    }
    const json = JSON.parse((await call<DataExportFile>(LIFETIME, 'export', { format: 'json' })).content)
    expect(json.profile).toMatchObject({ recordNo: '100001', name: '李明', phone: '13912345678', cumulativeSpendFen: 4_236_000 + 120_000 * 0.88 })
    expect(json.visits[0]).toMatchObject({ clinic: '牙友口腔 · 静安店', items: [{ name: '根管治疗 李明的牙', amountFen: 120_000 }], paidFen: 105_600, rating: { score: 3, followUp: { status: '跟进中' } } })
    const csv = (await call<DataExportFile>(LIFETIME, 'export', { format: 'csv' })).content
    expect(csv.startsWith('\uFEFF分类,时间,内容,金额（元）,说明')).toBe(true)
    expect(csv).toContain('就诊,2026-11-22 10:00,牙友口腔 · 静安店：根管治疗 李明的牙 1200.00,1056.00')
  })

  test('the summary counts match the file; the consent log lists consents newest first with the family standing', async () => {
    cloud.clock.advance(60_000) // after the demo's consents
    data(await cloud.call('notify', { action: 'subscribe', templates: ['event_invite'], source: 'inbox' }, LIFETIME))
    const summary = await call<DataSummary>(LIFETIME, 'summary')
    const file = await call<DataExportFile>(LIFETIME, 'export', { format: 'json' })
    expect(summary).toEqual({ counts: file.counts, truncated: [] })
    data(await cloud.call('family', { action: 'setStanding', patientId: 'pat_family_wife', allowed: true }, LIFETIME))
    const log = await call<ConsentLog>(LIFETIME, 'consentLog')
    expect(log.privacy).toEqual({ version: PRIVACY_NOTICE_VERSION, acceptedAt: '2026-11-22T02:00:00.000Z' })
    expect(log.entries[0]).toEqual({ at: '2026-11-22T02:01:00.000Z', kind: 'subscribe', what: '同意接收一次“会员活动邀请”', source: '消息页订阅' })
    expect(log.entries).toContainEqual({ at: '2026-11-22T02:00:00.000Z', kind: 'privacy', what: `同意《牙友口腔个人信息保护告知书》（${PRIVACY_NOTICE_VERSION}版）`, source: '隐私告知' })
    expect(log.entries.filter((e) => e.kind === 'subscribe').map((e) => e.what)).toEqual(expect.arrayContaining(['同意接收一次“生日祝福”', '同意接收一次“节日祝福”']))
    expect(log.standing).toEqual([{ memberName: '张*', since: expect.any(String) }])
    expect(log.standingFromOwner).toBeNull()
    // The family member sees that the owner lets them pay without asking.
    expect((await call<ConsentLog>('demo-member-family', 'consentLog')).standingFromOwner).toBe(true)
  })

  test('a long history is read in pages of at most 1000: every entry is in the file', async () => {
    const n = 2_345
    for (let i = 0; i < n; i++) {
      await cloud.store.set<LedgerEntry>('ledger', { _id: `hist:${String(i).padStart(5, '0')}`, accountId: 'bonus:pat_plain', kind: 'bonus_credit', amountFen: 1, balanceAfterFen: i + 1, patientId: 'pat_plain', at: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(), actor: 'system' })
    }
    const query = jest.spyOn(cloud.store, 'query')
    const file = await call<DataExportFile>('demo-patient-plain', 'export', { format: 'json' })
    expect(file.counts.ledger).toBe(n + 1) // and the demo's earlier spend
    expect(file.truncated).toEqual([])
    expect(Math.max(...query.mock.calls.map(([, q]) => q?.limit ?? 100))).toBeLessThanOrEqual(1000)
    expect(query.mock.calls.filter(([coll]) => coll === 'ledger').length).toBe(3)
    query.mockRestore()
    expect(CAP).toBeGreaterThanOrEqual(n)
  })

  test('guests and staff cannot export (typed error, nothing written)', async () => {
    const before = everything(cloud)
    for (const [who, expected] of [[FRIEND, 'FORBIDDEN'], [FRESH, 'FORBIDDEN'], [RECEPTION, 'FORBIDDEN'], [null, 'UNAUTHENTICATED']] as const) {
      for (const action of ['export', 'summary', 'consentLog']) {
        expect(code(await cloud.call('privacy', { action, format: 'json' }, who))).toBe(expected)
      }
    }
    expect(code(await cloud.call('privacy', { action: 'export', format: 'pdf' }, ANNUAL))).toBe('VALIDATION')
    expect(everything(cloud)).toBe(before)
  })
})


describe('appointment requests (issue 12) are in 我的数据 too', () => {
  test('a patient\'s request, with the phone they left and its status, is in the export; nobody else\'s', async () => {
    data(await cloud.call('clinic', { action: 'request', requestId: 'apt-privacy-0001', clinicId: 'clinic_sh', preferredDate: '2026-11-24', timeOfDay: 'morning', note: '想洗牙' }, LIFETIME))
    const json = JSON.parse((await call<DataExportFile>(LIFETIME, 'export', { format: 'json' })).content)
    expect(json.appointments).toEqual([expect.objectContaining({ clinic: '牙友口腔 · 静安店', date: '2026-11-24', phone: '13912345678', note: '想洗牙', status: expect.any(String) })])
    const csv = (await call<DataExportFile>(LIFETIME, 'export', { format: 'csv' })).content
    expect(csv).toContain('预约申请,2026-11-22 10:00,牙友口腔 · 静安店：2026-11-24')
    const other = JSON.parse((await call<DataExportFile>(ANNUAL, 'export', { format: 'json' })).content)
    expect(other.appointments).toEqual([])
  })
})
