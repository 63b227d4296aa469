/**
 * Patient import (issue 10) through the `records` cloud function on the embedded database:
 * dry run and real run with malformed rows (nothing half-written), re-import updates, M1 tiers from
 * historical spend, shared phones (a warning, never a refusal), XLSX, chunked files, the record-number
 * counter, and every refusal typed with nothing written (all collections compared).
 */
import ExcelJS from 'exceljs'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { PatientDoc } from '../../cloudfunctions/_core/model'
import type { PatientMatch } from '../../src/api/contract'
import type { ImportReport, ImportRequest } from '../../src/api/records'
import type { ImportRunDoc } from '../../cloudfunctions/_core/usecases/patient-import'
import { createPatientInTx, hasPaid } from '../../cloudfunctions/_core/usecases/patients'
import { planImport } from '../../cloudfunctions/_core/usecases/patient-import-plan'
import { writeRows } from '../../cloudfunctions/_core/usecases/patient-import-write'
import { checkTable } from '../../src/domain/import/rows'
import { csvTable } from '../../src/domain/import/csv'
import { DEFAULT_POLICY } from '../../src/domain/policy'
import { code, data, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'

const DIRECTOR = 'demo-staff-director' // clinic_sh
const ADMIN = 'demo-staff-admin'
const HEADER = '病历号,姓名,手机,生日,诊所,历史消费,最近就诊'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(async () => { await cloud.close() })

const importAs = (openid: string | null, req: Partial<ImportRequest> & { content: string }) =>
  cloud.call('records', { action: 'importPatients', fileName: 'patients.csv', format: 'csv', dryRun: false, ...req }, openid)
const run = async (req: Partial<ImportRequest> & { content: string }, openid = DIRECTOR) => data(await importAs(openid, req)) as ImportReport
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')
const patient = (id: string) => cloud.store.get<PatientDoc>('patients', id)
const problems = (r: ImportReport) => r.problems.map((p) => `${p.row}:${p.field}:${p.reason.zh}`)
const warnings = (r: ImportReport) => r.warnings.map((w) => `${w.row}:${w.field}:${w.reason.zh}`)

const MIXED = csv(
  '500001,钱多多,13811110001,1980-01-15,静安店,"35,000.00",2026-10-08', // lifetime from spend (M1)
  '500002,孙小小,13811110002,2015/6/1,,1200.5,', // default clinic, no visit
  '500003,,13811110003,1999-02-29,,abc,', // three bad fields
  '500004,周全,1381111000,1985-01-01,,0,', // bad phone
  '100001,李明,13912345678,1978-03-14,,50000,', // the demo's existing 李明: an update
  '500006,吴用,13811110006,1970-01-01,西湖店,100,', // another clinic: out of a director's scope
)

test('dry run: the per-row report with row, field and reason, and nothing written', async () => {
  const before = snapshotAll(cloud)
  const r = await run({ content: MIXED, dryRun: true, defaultClinicId: 'clinic_sh' })
  expect(r).toMatchObject({ dryRun: true, rows: 6, ok: 3, created: 2, updated: 1, unchanged: 0, lifetime: 1, byClinic: { clinic_sh: 3 }, warnings: [] })
  expect(problems(r)).toEqual([
    '4:name:姓名不能为空',
    '4:birthday:生日“1999-02-29”不是真实的日期',
    '4:spendYuan:历史消费应为金额，最多两位小数，如 12345.60',
    '5:phone:手机号须为 11 位中国大陆手机号（1 开头）',
    '7:clinic:无权导入到“牙友口腔 · 西湖店”',
  ])
  for (const p of r.problems) expect(p.reason.en).toMatch(/\w/)
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('real run: good rows imported with spend, tier, birthday and visit; bad rows not written at all', async () => {
  const before = snapshotAll(cloud)
  const r = await run({ content: MIXED, defaultClinicId: 'clinic_sh', runId: 'run-mixed-1' })
  expect(r).toMatchObject({ dryRun: false, rows: 6, ok: 3, created: 2, updated: 1, lifetime: 1 })
  expect(r.problems).toHaveLength(5)

  const rich = await patient('pat_500001')
  expect(rich).toMatchObject({
    recordNo: '500001', name: '钱多多', phone: '13811110001', phoneTail: '0001', clinicId: 'clinic_sh', birthday: '1980-01-15', birthdayMd: '01-15',
    tier: 'lifetime', lifetimeSince: '2026-11-22T02:00:00.000Z', cumulativeSpendFen: 3_500_000, importedSpendFen: 3_500_000,
    source: 'import', importedAt: '2026-11-22T02:00:00.000Z', lastVisitAt: '2026-10-07T16:00:00.000Z', // 8 Oct 00:00 in Shanghai
  })
  expect(await patient('pat_500002')).toMatchObject({ tier: 'none', cumulativeSpendFen: 120_050, birthday: '2015-06-01', clinicId: 'clinic_sh' })
  // 李明 had ¥42,360 paid through Yayou: the imported ¥50,000 is added, the lifetime tier kept.
  expect(await patient('pat_lifetime')).toMatchObject({ name: '李明', tier: 'lifetime', cumulativeSpendFen: 4_236_000 + 5_000_000, importedSpendFen: 5_000_000 })

  // Exactly the good rows' records, the record-number counter (so the desk never mints these numbers) and the run's record.
  const counter = before.counters?.recordNo ? '~ counters/recordNo' : '+ counters/recordNo'
  expect(changes(before, snapshotAll(cloud))).toEqual([counter, '+ imports/run-mixed-1', '+ patients/pat_500001', '+ patients/pat_500002', '~ patients/pat_lifetime'].sort())

  const runDoc = await cloud.store.get<ImportRunDoc>('imports', 'run-mixed-1')
  expect(runDoc).toMatchObject({ fileName: 'patients.csv', format: 'csv', by: { kind: 'staff', staffId: 'staff_dir_sh' }, startedAt: '2026-11-22T02:00:00.000Z' })
  expect(runDoc?.totals).toEqual({ rows: 6, ok: 3, created: 2, updated: 1, unchanged: 0, lifetime: 1, problems: 3, warnings: 0 })
  // R6: an imported patient with historical spend is an existing patient.
  expect(hasPaid((await patient('pat_500002'))!)).toBe(true)
})

test('re-import updates by record number, never duplicates; an identical file writes nothing', async () => {
  const first = csv('600001,郑一,13811112001,,,100.00,', '600002,郑二,13811112002,,,200.00,')
  await run({ content: first, defaultClinicId: 'clinic_sh' })
  const count = await cloud.store.count('patients')

  const same = snapshotAll(cloud)
  const again = await run({ content: first, defaultClinicId: 'clinic_sh', runId: 'run-again-1' })
  expect(again).toMatchObject({ ok: 2, created: 0, updated: 0, unchanged: 2 })
  expect(changes(same, snapshotAll(cloud))).toEqual(['+ imports/run-again-1']) // only the run's record

  const fixed = csv('600001,郑壹,13811112011,1990-09-09,,150.00,', '600002,郑二,13811112002,,,200.00,')
  expect(await run({ content: fixed, defaultClinicId: 'clinic_sh' })).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
  expect(await cloud.store.count('patients')).toBe(count)
  expect(await patient('pat_600001')).toMatchObject({ name: '郑壹', phone: '13811112011', phoneTail: '2011', birthday: '1990-09-09', birthdayMd: '09-09', cumulativeSpendFen: 15_000, importedSpendFen: 15_000 })
  // A record written before the last 4 digits were kept gets them on the next import.
  await cloud.store.updateIf('patients', 'pat_600002', {}, { set: { phoneTail: undefined } })
  expect(await run({ content: fixed, defaultClinicId: 'clinic_sh' })).toMatchObject({ updated: 1, unchanged: 1 })
  expect(await patient('pat_600002')).toMatchObject({ phone: '13811112002', phoneTail: '2002' })
})

test('M1: tiers from historical spend at the threshold; a corrected file undoes a lifetime the import gave', async () => {
  const r = await run({ content: csv('700001,甲,13811113001,,,30000.00,', '700002,乙,13811113002,,,29999.99,'), defaultClinicId: 'clinic_sh' })
  expect(r.lifetime).toBe(1)
  expect((await patient('pat_700001'))?.tier).toBe('lifetime')
  expect((await patient('pat_700002'))?.tier).toBe('none')
  await run({ content: csv('700001,甲,13811113001,,,3000.00,'), defaultClinicId: 'clinic_sh' })
  const fixed = await patient('pat_700001')
  expect(fixed).toMatchObject({ tier: 'none', cumulativeSpendFen: 300_000 })
  expect(fixed?.lifetimeSince).toBeUndefined()
})

test('shared phones are normal: a family of three on one phone imports as three records, each row with a warning', async () => {
  const family = csv(
    '810001,赵刚,13811119900,1980-01-01,,5000.00,',
    '810002,赵大宝,13811119900,2012-05-05,,800.00,',
    '810003,赵小宝,138-1111-9900,2016-06-06,,120.00,',
    '810004,李小明,13912345678,2018-08-08,,60.00,', // the phone of the demo's 李明 (100001)
  )
  const before = snapshotAll(cloud)
  const dry = await run({ content: family, dryRun: true, defaultClinicId: 'clinic_sh' })
  expect(dry).toMatchObject({ rows: 4, ok: 4, created: 4, problems: [] })
  expect(warnings(dry)).toEqual([
    '2:phone:与病历号 810002、810003 共用手机号（如家人），一并导入',
    '3:phone:与病历号 810001、810003 共用手机号（如家人），一并导入',
    '4:phone:与病历号 810001、810002 共用手机号（如家人），一并导入',
    '5:phone:与病历号 100001 共用手机号（如家人），一并导入',
  ])
  for (const w of dry.warnings) expect(w.reason.en).toContain('Shares the phone with record number')
  expect(changes(before, snapshotAll(cloud))).toEqual([])

  const r = await run({ content: family, defaultClinicId: 'clinic_sh', runId: 'run-family-1' })
  expect(r).toMatchObject({ ok: 4, created: 4, problems: [] })
  expect(r.warnings).toEqual(dry.warnings)
  expect((await cloud.store.get<ImportRunDoc>('imports', 'run-family-1'))?.totals).toMatchObject({ ok: 4, problems: 0, warnings: 4 })
  const onPhone = await cloud.store.query<PatientDoc>('patients', { where: { phone: '13811119900' } })
  expect(onPhone.map((p) => [p._id, p.name, p.phoneTail]).sort()).toEqual([['pat_810001', '赵刚', '9900'], ['pat_810002', '赵大宝', '9900'], ['pat_810003', '赵小宝', '9900']])
  expect(await patient('pat_lifetime')).toMatchObject({ name: '李明', phone: '13912345678' }) // untouched
  // R6: an imported record with historical spend is an existing patient, whoever shares its phone.
  for (const p of onPhone) expect(hasPaid(p)).toBe(true)
  // The desk finds all three by the last 4 digits of the phone.
  const found = data(await cloud.call('reception', { action: 'lookup', query: '9900' }, RECEPTION)) as PatientMatch[]
  expect(found.map((m) => m.recordNo).sort()).toEqual(['810001', '810002', '810003'])
  // The same file again: nothing written, the same warnings.
  expect(await run({ content: family, defaultClinicId: 'clinic_sh' })).toMatchObject({ unchanged: 4, warnings: dry.warnings })
})

test('conflicts with the database: another clinic\'s record, repeated record numbers (still problems)', async () => {
  const content = csv(
    '200001,吴昊,13300007777,,,,', // a 西湖店 record: not the director's clinic
    '800003,重复,13811114003,,,,',
    '800003,重复二,13811114004,,,,',
  )
  const before = snapshotAll(cloud)
  const r = await run({ content, defaultClinicId: 'clinic_sh' })
  expect(problems(r)).toEqual([
    '2:recordNo:该病历号属于“牙友口腔 · 西湖店”的患者，无权修改',
    '3:recordNo:病历号在文件中重复（第 4 行）',
    '4:recordNo:病历号在文件中重复（第 3 行）',
  ])
  expect(r).toMatchObject({ ok: 0, warnings: [] })
  expect(changes(before, snapshotAll(cloud)).filter((c) => !c.includes('imports/'))).toEqual([])
  // The admin sees the chain: the 西湖店 record updates.
  expect(data(await importAs(ADMIN, { content: csv('200001,吴昊,13300007777,,西湖店,980.00,') }))).toMatchObject({ updated: 1 })
})

test('XLSX round trip: a workbook written with exceljs imports with dates and numbers as typed in Excel', async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('患者')
  ws.addRow(['recordNo', 'name', 'phone', 'birthday', 'clinic', 'spend', 'lastVisit'])
  ws.addRow([900001, '林表', 13811115001, new Date(Date.UTC(1988, 1, 29)), 'clinic_sh', 31000.5, new Date(Date.UTC(2026, 9, 1))])
  ws.addRow(['900002', { richText: [{ text: '林' }, { text: '里' }] }, '138 1111 5002', '1990-12-31', '静安店', '88.80', ''])
  ws.addRow(['900003', '坏数', '13811115003', '', 'clinic_sh', 0.1 + 0.2, ''])
  const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
  const r = data(await cloud.call('records', { action: 'importPatients', fileName: '患者.xlsx', format: 'xlsx', content, dryRun: false }, DIRECTOR)) as ImportReport
  expect(r).toMatchObject({ rows: 3, ok: 2, created: 2, lifetime: 1 })
  expect(problems(r)).toEqual(['4:spendYuan:历史消费应为金额，最多两位小数，如 12345.60'])
  expect(await patient('pat_900001')).toMatchObject({ name: '林表', phone: '13811115001', birthday: '1988-02-29', cumulativeSpendFen: 3_100_050, tier: 'lifetime', lastVisitAt: '2026-09-30T16:00:00.000Z' })
  expect(await patient('pat_900002')).toMatchObject({ name: '林里', phone: '13811115002', cumulativeSpendFen: 8_880 })
})

test('a big file in parts: rows keep the file\'s numbers, the run records each part once', async () => {
  const part1 = csv('910001,分一,13811116001,,,1.00,', '910002,分二,13811116002,,,2.00,')
  const part2 = csv('910003,分三,13811116003,,,3.00,', '910004,,13811116004,,,4.00,')
  const common = { defaultClinicId: 'clinic_sh', runId: 'run-parts-01', fileName: 'big.csv' }
  await run({ ...common, content: part1, part: 0, firstRow: 2 })
  const r2 = await run({ ...common, content: part2, part: 1, firstRow: 4 })
  expect(problems(r2)).toEqual(['5:name:姓名不能为空'])
  await run({ ...common, content: part2, part: 1, firstRow: 4 }) // a retry of part 2
  const doc = await cloud.store.get<ImportRunDoc>('imports', 'run-parts-01')
  expect(Object.keys(doc!.parts)).toEqual(['0', '1'])
  expect(doc!.totals).toMatchObject({ rows: 4, ok: 3, created: 3, problems: 1 })
  // Someone else cannot add to this run.
  const before = snapshotAll(cloud)
  expect(code(await importAs(ADMIN, { ...common, content: csv('910009,他人,13811116009,,,,'), part: 2 }))).toBe('FORBIDDEN')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('imported numbers are never minted again: the counter moves above the largest numeric one', async () => {
  await run({ content: csv('300123,数一,13811117001,,,,', 'X-1,数二,13811117002,,,,'), defaultClinicId: 'clinic_sh' })
  expect(await cloud.store.get('counters', 'recordNo')).toMatchObject({ next: 300124 })
  const minted = await cloud.store.transaction((tx) => createPatientInTx(tx, { name: '新人', phone: '13811117003', clinicId: 'clinic_sh', at: '2026-11-22T02:00:00.000Z' }))
  expect(minted.recordNo).toBe('300124')
  // A smaller number later does not move the counter back.
  await run({ content: csv('300001,数三,13811117004,,,,'), defaultClinicId: 'clinic_sh' })
  expect(await cloud.store.get('counters', 'recordNo')).toMatchObject({ next: 300125 })
})

test('a row that loses a race while written is reported and not written; its batch-mates still are', async () => {
  const table = csvTable(csv(...Array.from({ length: 60 }, (_, i) => `95${String(i).padStart(4, '0')},批${i},138222${String(i).padStart(5, '0')},,,10.00,`)))
  const checked = checkTable(table, { today: '2026-11-22', clinics: [{ id: 'clinic_sh', name: '静安店' }], defaultClinicId: 'clinic_sh', mayImportInto: () => true, maxRows: 100 })
  const now = cloud.clock.now()
  const plan = await planImport(cloud.store, { records: checked.records, inScope: () => true, clinicName: (id) => id, now, policy: DEFAULT_POLICY })
  expect(plan.rows.every((r) => r.action === 'create')).toBe(true)
  // Between the check and the write, someone else creates the record of row 5 (record number 950003).
  const intruder = { _id: 'pat_950003', recordNo: '950003', name: '先到', phone: '13899999999', clinicId: 'clinic_sh', tier: 'none', cumulativeSpendFen: 0, createdAt: now.toISOString() } as PatientDoc
  await cloud.store.create('patients', intruder)
  const w = await writeRows(cloud.store, plan.rows, now, DEFAULT_POLICY)
  expect(w.created).toBe(59)
  expect(w.problems.map((p) => `${p.row}:${p.field}:${p.reason.zh}`)).toEqual(['5:row:写入时该记录正被修改，本行未导入，请重新导入'])
  expect(await patient('pat_950003')).toEqual(intruder) // untouched
  expect(await patient('pat_950002')).toMatchObject({ name: '批2', importedSpendFen: 1_000 }) // same batch, written
  expect(await cloud.store.count('patients', { recordNo: { $in: plan.rows.map((r) => r.rec.recordNo) } })).toBe(60)
})

test('only the director and admin may import: everyone else is refused, nothing written', async () => {
  const content = csv('990001,某人,13811118001,,,100,')
  for (const openid of ['demo-staff-receptionist', 'demo-staff-consultant', 'demo-staff-doctor', 'demo-member-lifetime', 'demo-friend', 'someone-unknown']) {
    const before = snapshotAll(cloud)
    expect([openid, code(await importAs(openid, { content, defaultClinicId: 'clinic_sh' }))]).toEqual([openid, 'FORBIDDEN'])
    expect(changes(before, snapshotAll(cloud))).toEqual([])
  }
  const before = snapshotAll(cloud)
  expect(code(await importAs(null, { content }))).toBe('UNAUTHENTICATED')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('bad input is refused with typed errors and nothing written', async () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['IMPORT_COLUMNS', { content: '姓名,生日\n李明,1978-03-14' }],
    ['IMPORT_COLUMNS', { content: '病历号,recordNo,姓名,手机\n1,1,a,13811119001' }],
    ['IMPORT_FILE', { content: Buffer.from('not a zip at all').toString('base64'), format: 'xlsx' }],
    ['IMPORT_FILE', { content: 'PK\u0003\u0004\u0000\u0000binary' }],
    ['IMPORT_TOO_MANY_ROWS', { content: csv(...Array.from({ length: 2001 }, (_, i) => `${i + 1},n,1381119${String(i).padStart(4, '0')},,,,`)) }],
    ['VALIDATION', { content: '' }],
    ['VALIDATION', { content: csv('1,a,13811119001,,,,'), format: 'pdf' }],
    ['VALIDATION', { content: csv('1,a,13811119001,,,,'), dryRun: 'yes' }],
    ['VALIDATION', { content: csv('1,a,13811119001,,,,'), runId: 'short' }],
    ['VALIDATION', { content: 'x'.repeat(250_001) }],
  ]
  for (const [expected, req] of cases) {
    const before = snapshotAll(cloud)
    const r = await cloud.call('records', { action: 'importPatients', fileName: 'f.csv', format: 'csv', dryRun: false, defaultClinicId: 'clinic_sh', ...req }, DIRECTOR)
    expect([JSON.stringify(req).slice(0, 60), code(r)]).toEqual([JSON.stringify(req).slice(0, 60), expected])
    expect(changes(before, snapshotAll(cloud))).toEqual([])
  }
})
