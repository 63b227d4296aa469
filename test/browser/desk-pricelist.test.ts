/**
 * Issue 13 item 1 in a real browser: the receptionist bills from the price list — finds an item by
 * its pinyin initials, taps it, steps the quantity; the category is the catalogue's and shows as
 * text (M2, F4). Only the director sees the one-off "其他项目" form, whose category starts unchosen
 * every time. Uses the demo chain's price list (cloudfunctions/_local/demo-price-list.ts).
 *
 * Run: `npm run build:h5` first, then `npx jest test/browser/desk-pricelist.test.ts --selectProjects browser`.
 */
import type { Page, Request } from 'playwright-core'
import type { BillDoc } from '../../cloudfunctions/_core/model'
import { byId, PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal } from './gestures'
import { pickItem, scan } from './desk'

jest.setTimeout(120_000)

const RECEPTION = 'staff/reception/index'

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

/** The bill lines the page sends with each preview or confirmation. */
function watchBillItems(page: Page): unknown[][] {
  const seen: unknown[][] = []
  page.on('request', (r: Request) => {
    if (!r.url().endsWith('/api/fn/reception') || r.method() !== 'POST') return
    const body = r.postDataJSON() as { action?: string; items?: unknown[] } | null
    if (body?.action === 'confirmBill' && body.items) seen.push(body.items)
  })
  return seen
}

async function deskFor(persona: string): Promise<Page> {
  const desk = await h.openAs(persona, RECEPTION)
  await scan(desk, '100007') // 赵磊, not a member: no discount to reason about
  await waitForText(desk, 'scanned-name', '赵磊')
  return desk
}

test('the receptionist finds 根管治疗 by "ggzl", taps it, steps to 2, adds 特价洁牙; the catalogue prices and tags the bill', async () => {
  const desk = await deskFor(PERSONA.receptionist)
  const sent = watchBillItems(desk)
  expect(await byId(desk, 'other-item').count()).toBe(0) // no free text at the front desk

  await typeInto(desk, 'item-search', 'ggzl')
  await waitForText(desk, 'item-results', '根管治疗')
  expect(await textOf(desk, 'item-results')).toContain('治疗') // the category shows, as text
  await shot(desk, 'desk-01-pricelist-search')
  await pickItem(desk, 'ggzl', '根管治疗')
  expect(await byId(desk, 'item-search').inputValue()).toBe('') // ready for the next item
  const line = byId(desk, 'bill-lines').locator('.bill-line').first()
  expect(await line.locator('.bill-line__amount').innerText()).toBe('¥1,800.00')
  await line.locator('.stepper__plus').click()
  await waitForText(desk, 'bill-lines', '¥3,600.00')
  expect(await line.locator('.stepper__qty').innerText()).toBe('2')

  await pickItem(desk, 'tjjy', '特价洁牙')
  expect(await byId(desk, 'bill-lines').locator('.bill-line').nth(1).getAttribute('data-category')).toBe('special_price')
  expect(await textOf(desk, 'bill-lines')).toContain('特价项目')

  await tap(desk, 'preview-btn')
  await waitForText(desk, 'total-due', '¥3,699.00')
  await shot(desk, 'desk-02-pricelist-bill')
  await tap(desk, 'confirm-btn')
  await acceptModal(desk)
  await waitForText(desk, 'receipt-paid', '¥3,699.00')

  // What went to the server names the items, never a price or a category; the bill holds the catalogue's.
  expect(sent).toEqual([[{ itemId: 'pi_demo_root_canal', quantity: 2 }, { itemId: 'pi_demo_special_scaling', quantity: 1 }]])
  const bills = await h.cloud.store.query<BillDoc>('bills', { where: { patientId: 'pat_plain' }, limit: 100 })
  const bill = bills.find((b) => b.paidFen === 369_900)
  expect(bill?.items).toEqual([
    { name: '根管治疗 ×2', category: 'treatment', amountFen: 360_000 },
    { name: '特价洁牙', category: 'special_price', amountFen: 9_900 },
  ])
})

test('the director may add a one-off item; its category must be chosen each time', async () => {
  const desk = await deskFor(PERSONA.director)
  await waitForId(desk, 'other-item')
  await typeInto(desk, 'other-name', '夜磨牙垫')
  await typeInto(desk, 'other-amount', '500')
  await tap(desk, 'other-add')
  await waitForId(desk, 'error-banner') // no category chosen: refused, nothing added
  expect(await textOf(desk, 'bill-lines')).not.toContain('夜磨牙垫')
  await tap(desk, 'other-category-oral_care_product')
  await tap(desk, 'other-add')
  await waitForText(desk, 'bill-lines', '夜磨牙垫')
  expect(await textOf(desk, 'bill-lines')).toContain('口腔护理产品')
  // The next one-off line starts with no category: none stays on the last choice.
  expect(await byId(desk, 'other-category').locator('.chip--on').count()).toBe(0)
  await tap(desk, 'preview-btn')
  await waitForText(desk, 'total-due', '¥500.00')
  await shot(desk, 'desk-03-other-item')
})
