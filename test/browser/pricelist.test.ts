/**
 * The price list page (收费项目, issue 13 item 1) in a real browser on the H5 build: the director
 * adds an item with its category and price, finds it again by its pinyin initials, and the item
 * is stored with the category chosen; a receptionist cannot open the page.
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/pricelist.test.ts --selectProjects browser`.
 */
import type { PriceItemDoc } from '../../cloudfunctions/_core/usecases/pricelist'
import { byId, PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'

jest.setTimeout(120_000)

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

const rows = (page: Awaited<ReturnType<Harness['openAs']>>) => page.locator('#price-list .price-row').filter({ visible: true })

test('the director adds an item and finds it by its pinyin initials', async () => {
  const page = await h.openAs(PERSONA.director, 'staff/pricelist/index')
  await waitForText(page, 'price-list', '特价洁牙') // the demo catalogue
  await tap(page, 'price-add')
  await waitForId(page, 'price-form')
  // The server's per-field reason shows under the field: a membership fee must be the policy's.
  await typeInto(page, 'price-name', '半年会员')
  await tap(page, 'price-category-membership_fee')
  await typeInto(page, 'price-amount', '450')
  await tap(page, 'price-save')
  await waitForText(page, 'price-problem-priceFen', '年度会员费')

  await typeInto(page, 'price-name', '窝沟封闭')
  await tap(page, 'price-category-treatment')
  await typeInto(page, 'price-amount', '199.5')
  await tap(page, 'price-save')
  await waitForId(page, 'price-search')
  await typeInto(page, 'price-search', 'wgfb')
  await waitForText(page, 'price-list', '窝沟封闭')
  expect(await rows(page).count()).toBe(1)
  expect(await textOf(page, 'price-list')).toContain('¥199.50')
  expect(await textOf(page, 'price-list')).toContain('治疗')
  await shot(page, '85-price-list-search')

  const stored = (await h.cloud.store.query<PriceItemDoc>('priceItems', { where: { nameKey: '窝沟封闭' } }))[0]
  expect(stored).toMatchObject({ name: '窝沟封闭', category: 'treatment', priceFen: 19_950, initials: 'wgfb', active: true, createdBy: 'staff_dir_sh' })

  // Initials that start with the query come first (洁牙 jy), then initials containing it, retired items too.
  await typeInto(page, 'price-search', 'jy')
  await waitForText(page, 'price-list', '特价洁牙')
  expect(await rows(page).locator('.price-row__name').allInnerTexts()).toEqual(['洁牙', '特价洁牙', '旧版洁牙套餐', '正畸（隐形矫正）'])
  expect(await byId(page, 'price-import').count()).toBe(0) // the file import is the admin's
})

test('a receptionist cannot open the price list page', async () => {
  const page = await h.openAs(PERSONA.receptionist, 'staff/pricelist/index')
  await waitForText(page, 'price-forbidden', '仅院长和管理员')
  expect(await byId(page, 'price-add').count()).toBe(0)
  expect(await byId(page, 'price-list').count()).toBe(0)
})
