/**
 * The price list (收费项目, issue 13 item 1) through the `records` cloud function on the embedded
 * database: the demo catalogue, create / change / retire by the director, every refusal typed with
 * nothing written (all collections compared), CSV and XLSX import by the admin with bad rows
 * reported and good rows written, and an index for every query it makes.
 */
import ExcelJS from 'exceljs'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { resolveBillLines, type PriceItemDoc } from '../../cloudfunctions/_core/usecases/pricelist'
import type { PriceImportReport, PriceItemView } from '../../src/api/contract'
import { startQueryPlanCheck } from '../../cloudfunctions/_core/adapters/embedded/query-plan-check'
import { DEFAULT_POLICY } from '../../src/domain/policy'
import { code, data, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'

const DIRECTOR = 'demo-staff-director'
const ADMIN = 'demo-staff-admin'
const CONSULTANT = 'demo-staff-consultant'
const DOCTOR = 'demo-staff-doctor'

const plan = startQueryPlanCheck()
afterAll(() => plan.stop())

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(async () => { await cloud.close() })

const records = (event: object, openid: string | null) => cloud.call('records', event, openid)
const ok = async <T>(event: object, openid = DIRECTOR) => data(await records(event, openid)) as T
const list = (openid = DIRECTOR, includeInactive = false) => ok<PriceItemView[]>({ action: 'priceList', includeInactive }, openid)
const doc = (id: string) => cloud.store.get<PriceItemDoc>('priceItems', id)
const save = (fields: object, openid = DIRECTOR) => records({ action: 'savePriceItem', ...fields }, openid)
const NEW = { requestId: 'pl-new-item-0001', name: '窝沟封闭', category: 'treatment', priceFen: 20_000, active: true }

/** A refusal: the typed error, and not one document written anywhere. */
async function refused(event: object, openid: string | null): Promise<string> {
  const before = snapshotAll(cloud)
  const c = code(await records(event, openid))
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  return c
}

test('the demo catalogue: every role that bills reads the active items, with pinyin initials; a doctor does not', async () => {
  const items = await list(RECEPTION)
  expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['洁牙', '特价洁牙', '根管治疗', '牙线', '电动牙刷', '年度会员']))
  expect(items.find((i) => i.name === '旧版洁牙套餐')).toBeUndefined()
  expect(items.find((i) => i.name === '特价洁牙')).toMatchObject({ category: 'special_price', priceFen: 9_900, initials: 'tjjy' })
  expect(items.find((i) => i.name === '年度会员')).toMatchObject({ category: 'membership_fee', priceFen: DEFAULT_POLICY.membership.annualFeeFen })
  expect((await list(DIRECTOR, true)).find((i) => i.name === '旧版洁牙套餐')).toMatchObject({ active: false })
  const found = await ok<PriceItemView[]>({ action: 'searchPriceItems', query: 'jy' }, CONSULTANT)
  // Initials that start with the query first; initials containing it after (正畸（隐形矫正） is zjyxjz).
  expect(found.map((i) => i.name)).toEqual(['洁牙', '特价洁牙', '正畸（隐形矫正）'])
  expect(await refused({ action: 'priceList' }, DOCTOR)).toBe('FORBIDDEN')
})

test('the director adds, reprices and retires an item; who and when are kept; a retired item stays readable', async () => {
  const made = data(await save(NEW)) as PriceItemView
  expect(made).toMatchObject({ itemId: 'pi_pl-new-item-0001', name: '窝沟封闭', initials: 'wgfb', version: 0, active: true })
  // A double tap (same requestId) answers the same item and writes nothing more.
  const before = snapshotAll(cloud)
  expect(data(await save(NEW))).toEqual(made)
  expect(changes(before, snapshotAll(cloud))).toEqual([])

  cloud.clock.pin(new Date('2026-11-23T02:00:00Z'))
  const repriced = data(await save({ ...NEW, requestId: 'pl-reprice-0001', itemId: made.itemId, version: 0, priceFen: 22_000 }, ADMIN)) as PriceItemView
  expect(repriced).toMatchObject({ priceFen: 22_000, version: 1, updatedAt: '2026-11-23T02:00:00.000Z' })
  expect(await doc(made.itemId)).toMatchObject({ createdBy: 'staff_dir_sh', updatedBy: 'staff_adm', createdAt: '2026-11-22T02:00:00.000Z', priceFen: 22_000 })
  // The retry of that change after it landed: the same answer, no second version.
  expect(data(await save({ ...NEW, requestId: 'pl-reprice-0001', itemId: made.itemId, version: 0, priceFen: 22_000 }, ADMIN))).toMatchObject({ version: 1 })

  const retired = await ok<PriceItemView>({ action: 'setPriceItemActive', requestId: 'pl-retire-0001', itemId: made.itemId, version: 1, active: false })
  expect(retired).toMatchObject({ active: false, version: 2 })
  expect((await list(RECEPTION)).map((i) => i.itemId)).not.toContain(made.itemId)
  expect((await list(DIRECTOR, true)).find((i) => i.itemId === made.itemId)).toMatchObject({ active: false, priceFen: 22_000 })
  expect(await doc(made.itemId)).not.toBeNull()
})

test('refusals are typed and write nothing', async () => {
  // Receptionists and consultants bill from the list but do not change it; only the admin imports.
  expect(await refused({ action: 'savePriceItem', ...NEW }, RECEPTION)).toBe('FORBIDDEN')
  expect(await refused({ action: 'setPriceItemActive', requestId: 'pl-r-0001', itemId: 'pi_demo_scaling', version: 0, active: false }, CONSULTANT)).toBe('FORBIDDEN')
  expect(await refused({ action: 'importPriceItems', fileName: 'p.csv', format: 'csv', content: '名称,类别,价格\n洁牙,治疗,1', dryRun: false }, DIRECTOR)).toBe('FORBIDDEN')
  // Bad fields, named in both languages.
  const bad = await records({ action: 'savePriceItem', ...NEW, priceFen: 0 }, DIRECTOR)
  expect(!bad.ok && bad.error).toMatchObject({ code: 'PRICE_ITEM_INVALID', message: { zh: '价格：价格必须大于 0' }, details: { field: 'priceFen' } })
  expect(await refused({ action: 'savePriceItem', ...NEW, priceFen: 0 }, DIRECTOR)).toBe('PRICE_ITEM_INVALID')
  expect(await refused({ action: 'savePriceItem', ...NEW, name: ' ' }, DIRECTOR)).toBe('PRICE_ITEM_INVALID')
  expect(await refused({ action: 'savePriceItem', ...NEW, category: 'discounted' }, DIRECTOR)).toBe('VALIDATION')
  // M1: the membership item costs the policy's fee.
  expect(await refused({ action: 'savePriceItem', ...NEW, name: '半年会员', category: 'membership_fee', priceFen: 45_000 }, DIRECTOR)).toBe('PRICE_ITEM_INVALID')
  // One item per name (case and spacing folded), on create and on rename.
  expect(await refused({ action: 'savePriceItem', ...NEW, name: ' 洁 牙 ' }, DIRECTOR)).toBe('PRICE_ITEM_DUPLICATE')
  expect(await refused({ action: 'savePriceItem', ...NEW, requestId: 'pl-rename-0001', itemId: 'pi_demo_floss', version: 0, name: '电动牙刷', category: 'oral_care_product' }, DIRECTOR)).toBe('PRICE_ITEM_DUPLICATE')
  // An edit against a version someone else already changed.
  data(await save({ requestId: 'pl-first-0001', itemId: 'pi_demo_floss', version: 0, name: '牙线', category: 'oral_care_product', priceFen: 1_800, active: true }))
  expect(await refused({ action: 'savePriceItem', requestId: 'pl-second-0001', itemId: 'pi_demo_floss', version: 0, name: '牙线', category: 'oral_care_product', priceFen: 2_000, active: true }, ADMIN)).toBe('CONFLICT')
  expect(await refused({ action: 'savePriceItem', ...NEW, requestId: 'pl-nope-0001', itemId: 'pi_nope', version: 0 }, DIRECTOR)).toBe('PRICE_ITEM_NOT_FOUND')
  // A request id used for another item.
  data(await save(NEW))
  expect(await refused({ action: 'savePriceItem', ...NEW, name: '涂氟' }, DIRECTOR)).toBe('REQUEST_ID_REUSED')
})

const CSV = [
  '名称,类别,价格（元）,状态',
  '洁牙,治疗,300,', // the demo's 洁牙 repriced: an update
  '牙线,口腔护理产品,15,启用', // exactly as in the demo: unchanged
  '儿童涂氟,治疗,150,',
  '牙周刮治,治疗,abc,', // bad price
  '特价拔牙,促销,99,', // bad category
  '冲牙器,护理产品,"¥1,099.00",停用',
].join('\n')
const importAs = (openid: string, content: string, dryRun: boolean, format: 'csv' | 'xlsx' = 'csv') =>
  records({ action: 'importPriceItems', fileName: `prices.${format}`, format, content, dryRun }, openid)

test('CSV import by the admin: a dry run writes nothing; the real run writes the good rows and reports the bad ones; again changes nothing', async () => {
  const before = snapshotAll(cloud)
  const dry = data(await importAs(ADMIN, CSV, true)) as PriceImportReport
  expect(dry).toMatchObject({ dryRun: true, rows: 6, created: 2, updated: 1, unchanged: 1, ignoredColumns: [] })
  expect(dry.problems.map((p) => `${p.row}:${p.field}`)).toEqual(['5:priceFen', '6:category'])
  expect(changes(before, snapshotAll(cloud))).toEqual([])

  const real = data(await importAs(ADMIN, CSV, false)) as PriceImportReport
  expect(real).toMatchObject({ dryRun: false, rows: 6, created: 2, updated: 1, unchanged: 1 })
  expect(real.problems.map((p) => p.reason.zh)).toEqual([expect.stringContaining('价格应为金额'), expect.stringContaining('类别须为')])
  const all = await list(ADMIN, true)
  expect(all.find((i) => i.name === '洁牙')).toMatchObject({ priceFen: 30_000, version: 1 })
  expect(all.find((i) => i.name === '儿童涂氟')).toMatchObject({ category: 'treatment', priceFen: 15_000, initials: 'ettf', active: true })
  expect(all.find((i) => i.name === '冲牙器')).toMatchObject({ category: 'oral_care_product', priceFen: 109_900, active: false })
  expect(all.map((i) => i.name)).not.toContain('牙周刮治')
  expect(all.map((i) => i.name)).not.toContain('特价拔牙')

  const again = snapshotAll(cloud)
  expect(data(await importAs(ADMIN, CSV, false))).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
  expect(changes(again, snapshotAll(cloud))).toEqual([])
})

test('XLSX import: the first worksheet is read back into items', async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('价目表')
  ws.addRow(['名称', '类别', '价格', '备注'])
  ws.addRow(['全瓷冠', '治疗', 3280, '二氧化锆'])
  ws.addRow(['漱口水', '口腔护理产品', 39.9, ''])
  ws.addRow(['年度会员', '会员费', 500, '']) // M1: not the policy's fee
  const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
  const r = data(await importAs(ADMIN, content, false, 'xlsx')) as PriceImportReport
  expect(r).toMatchObject({ rows: 3, created: 2, updated: 0, ignoredColumns: ['备注'] })
  expect(r.problems.map((p) => `${p.row}:${p.field}`)).toEqual(['4:priceFen'])
  const all = await list(ADMIN)
  expect(all.find((i) => i.name === '全瓷冠')).toMatchObject({ priceFen: 328_000, initials: 'qcg' })
  expect(all.find((i) => i.name === '漱口水')).toMatchObject({ priceFen: 3_990, category: 'oral_care_product' })
})

test('a file without the needed columns, or not a spreadsheet, is refused as a whole with nothing written', async () => {
  expect(await refused({ action: 'importPriceItems', fileName: 'p.csv', format: 'csv', content: '项目,价格\n洁牙,280', dryRun: false }, ADMIN)).toBe('IMPORT_COLUMNS')
  expect(await refused({ action: 'importPriceItems', fileName: 'p.xlsx', format: 'xlsx', content: Buffer.from('not a workbook').toString('base64'), dryRun: false }, ADMIN)).toBe('IMPORT_FILE')
})

test('resolveBillLines reads the named items by id: catalogue lines take the catalogue category; free text only for managers', async () => {
  expect(await resolveBillLines(cloud.store, [{ itemId: 'pi_demo_special_scaling' }, { itemId: 'pi_demo_floss', quantity: 2 }], 'receptionist')).toEqual([
    { name: '特价洁牙', category: 'special_price', amountFen: 9_900 },
    { name: '牙线 ×2', category: 'oral_care_product', amountFen: 3_000 },
  ])
  await expect(resolveBillLines(cloud.store, [{ name: '洁牙', category: 'treatment', amountFen: 100 }], 'receptionist')).rejects.toMatchObject({ code: 'BILL_FREE_TEXT_FORBIDDEN' })
  await expect(resolveBillLines(cloud.store, [{ itemId: 'pi_demo_old_package' }], 'director')).rejects.toMatchObject({ code: 'PRICE_ITEM_INACTIVE' })
  await expect(resolveBillLines(cloud.store, [{ itemId: 'pi_nope' }], 'director')).rejects.toMatchObject({ code: 'PRICE_ITEM_NOT_FOUND' })
  // Inside a transaction (reads by id only), as confirmBill would call it.
  const inTx = await cloud.store.transaction((tx) => resolveBillLines(tx, [{ itemId: 'pi_demo_annual' }, { name: '外院拍片', category: 'treatment', amountFen: 8_000 }], 'director'))
  expect(inTx).toEqual([{ name: '年度会员', category: 'membership_fee', amountFen: DEFAULT_POLICY.membership.annualFeeFen }, { name: '外院拍片', category: 'treatment', amountFen: 8_000 }])
})

test('every price list query has an index', () => {
  const mine = plan.checked.filter((c) => c.collection === 'priceItems')
  expect(mine.length).toBeGreaterThan(0)
  expect(mine.filter((c) => c.finding).map((c) => `${c.finding!.fields.join()}: ${c.finding!.why}`)).toEqual([])
})
