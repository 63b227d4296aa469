/**
 * The staff page's side of a big import (src/staff/import/upload.ts) against the real `records`
 * function: a CSV of 1,200 rows travels in three parts; a family whose rows land in different parts
 * still gets its shared-phone warnings, in the dry run and the real run alike, and repeated record
 * numbers across parts are refused without being sent.
 */
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { PatientDoc } from '../../cloudfunctions/_core/model'
import { prepare, sendFile, PART_ROWS } from '../../src/staff/import/upload'
import { openCloud } from './helpers'
import { changes, snapshotAll } from './snapshot-all'

let mockCloud: LocalCloud
// The page's one client service, answered by the local cloud as the clinic's director.
jest.mock('../../src/services/cloud', () => ({
  callFunction: async (name: string, action: string, input: Record<string, unknown>) => {
    const r = await mockCloud.call(name, { action, ...input }, 'demo-staff-director')
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`)
    return r.data
  },
}))

beforeEach(async () => { mockCloud = await openCloud() })
afterEach(async () => { await mockCloud.close() })

const ROWS = 1_200
const FAMILY_PHONE = '13820000000'
function bigFile(): string {
  const lines = ['病历号,姓名,手机,历史消费']
  for (let i = 0; i < ROWS; i++) lines.push(`${820_000 + i},患者${i},138${20_000_000 + i},10.00`)
  // Row r is lines[r - 1]. Rows 2, 702 and 1102 (three parts): a parent and two children on one phone.
  lines[701] = `820700,秦小一,${FAMILY_PHONE},5.00`
  lines[1101] = `821100,秦小二,${FAMILY_PHONE},5.00`
  lines[1200] = '820001,重号,13820001199,5.00' // row 1201 repeats row 3's record number: both refused, neither sent
  return lines.join('\n')
}

test('a family split across parts gets its warnings in the dry run and the real run', async () => {
  const file = { name: 'big.csv', format: 'csv' as const, content: bigFile(), bytes: 0 }
  const prep = prepare(file)
  expect(prep.parts?.map((p) => p.firstRow)).toEqual([2, 2 + PART_ROWS, 2 + 2 * PART_ROWS])
  expect(prep.repeats.map((p) => p.row)).toEqual([3, 1201])

  const before = snapshotAll(mockCloud)
  const dry = await sendFile(file, prep, { dryRun: true, defaultClinicId: 'clinic_sh' })
  expect(changes(before, snapshotAll(mockCloud))).toEqual([])
  expect(dry).toMatchObject({ rows: ROWS, ok: ROWS - 2, created: ROWS - 2 })
  expect(dry.problems.map((p) => `${p.row}:${p.field}`)).toEqual(['3:recordNo', '1201:recordNo'])
  const expected = [
    '2:与病历号 820700、821100 共用手机号（如家人），一并导入',
    '702:与病历号 820000、821100 共用手机号（如家人），一并导入',
    '1102:与病历号 820000、820700 共用手机号（如家人），一并导入',
  ]
  expect(dry.warnings.map((w) => `${w.row}:${w.reason.zh}`)).toEqual(expected)

  // Written part by part, later parts see the family's earlier records in the database: the same warnings.
  const done = await sendFile(file, prep, { dryRun: false, defaultClinicId: 'clinic_sh', runId: 'run-parts-family' })
  expect(done).toMatchObject({ ok: ROWS - 2, created: ROWS - 2 })
  expect(done.warnings.map((w) => `${w.row}:${w.reason.zh}`)).toEqual(expected)
  const onPhone = await mockCloud.store.query<PatientDoc>('patients', { where: { phone: FAMILY_PHONE } })
  expect(onPhone.map((p) => p.recordNo).sort()).toEqual(['820000', '820700', '821100'])
  expect(await mockCloud.store.get<PatientDoc>('patients', 'pat_820001')).toBeNull()
})
