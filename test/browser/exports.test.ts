/**
 * Issue 14 item 2 in a real browser (Chromium on the H5 build): the reports' exports and paging.
 *  - The admin exports the end-of-day referral sheet as Excel and as CSV: the files carry the
 *    sheet's rows and figures (parsed back with exceljs), Chinese headers, statuses in words.
 *  - The director's friend-card list shows 100 cards and "更多" loads the next page until all are shown.
 *  - The leaderboard and the paid payouts say how many they show; the outbox says "近 30 天".
 * On the demo chain plus the benchmark's history (this week's activity and two years of old cards).
 * Run: `npm run build:h5` first, then `npx jest test/browser/exports.test.ts --selectProjects browser`.
 */
import type { CardSummary, DaySheet } from '../../src/api/contract'
import { activity, insertAll, longAgo, RECENT, thisWeek, UNIT } from '../../scripts/bench-reports'
import { byId, startHarness, tap, textOf, waitForId, waitForText, type Harness } from './harness'
import { csvRows, downloadBy, xlsxSheet } from './download'
import { data } from './probes'

jest.setTimeout(180_000)

const ADMIN = 'demo-staff-admin'
const DIRECTOR = 'demo-staff-director'
const yuan = (fen: number) => (fen / 100).toFixed(2)

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await insertAll(h.cloud, activity('new', { ...RECENT, patients: 60 }, thisWeek, false))
  await insertAll(h.cloud, activity('old', { ...UNIT, cards: 230 }, longAgo, true))
}, 180_000)
afterAll(async () => { await h?.close() }, 60_000)

test('the day sheet downloads as Excel and CSV with the same figures as the page (R9)', async () => {
  const sheet = data(await h.api<DaySheet>('referral', { action: 'daySheet' }, ADMIN))
  expect(sheet.rows.length).toBeGreaterThan(3) // a real sheet, not an empty one
  const page = await h.openAs(ADMIN, 'staff/referral/index')
  await waitForText(page, 'sheet-title', `${sheet.rows.length} 条`)

  const xlsx = await downloadBy(page, 'sheet-export-xlsx')
  expect(xlsx.name).toBe(`推荐日结单-${sheet.date}.xlsx`)
  const ws = await xlsxSheet(xlsx)
  expect(ws.name).toBe('推荐日结单')
  expect(ws.getCell('A1').value).toBe('推荐人编号')
  expect(ws.getCell('E1').value).toBe('实付（元）')
  expect(ws.rowCount).toBe(1 + sheet.rows.length)
  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(i + 2)
    expect(row.getCell(1).value).toBe(r.referrerCode)
    expect(row.getCell(3).value).toBe(r.maskedPhone) // C2: masked, as on the page
    expect(row.getCell(5).value).toBe(r.paidFen / 100)
    expect(row.getCell(8).value).toBe(r.payoutFen / 100)
    expect(row.getCell(9).value ?? null).toBe(r.payoutStatus === 'due' ? '待发放' : r.payoutStatus === 'paid' ? '已发放' : r.payoutStatus === 'void' ? '已作废' : null)
  })
  const dueInFile = sheet.rows.reduce((s, _r, i) => s + (ws.getRow(i + 2).getCell(9).value === '待发放' ? Math.round(Number(ws.getRow(i + 2).getCell(8).value) * 100) : 0), 0)
  expect(dueInFile).toBe(sheet.payoutsToMakeFen)

  const csv = await downloadBy(page, 'sheet-export-csv')
  expect(csv.name).toBe(`推荐日结单-${sheet.date}.csv`)
  const rows = csvRows(csv)
  expect(rows[0]).toEqual(['推荐人编号', '推荐人', '手机', '朋友', '实付（元）', '奖励金（元）', '分成（元）', '外部发放（元）', '发放状态'])
  expect(rows.slice(1).map((r) => [r[0], r[4], r[7]])).toEqual(sheet.rows.map((r) => [r.referrerCode, yuan(r.paidFen), yuan(r.payoutFen)]))
  expect(csv.bytes.toString('utf8')).not.toMatch(/,due|,paid/) // statuses in words
  // The copy box of CSV text is gone: the buttons replace it.
  expect(await byId(page, 'sheet-csv').count()).toBe(0)

  // R8: the leaderboard says it shows the top 100; paid payouts, the latest 100.
  await tap(page, 'tab-leaders')
  await waitForText(page, 'leaderboard-note', '前 100 名')
  await tap(page, 'tab-payouts')
  await waitForId(page, 'payouts-paid')
  expect(await textOf(page, 'payouts-paid-note')).toContain('最近 100 条')
})

test('the friend-card list: 100 at a time, "更多" loads the next page until every card shows (F7)', async () => {
  const first = data(await h.api<CardSummary>('friendcard', { action: 'summary' }, DIRECTOR))
  const total = first.counts.issued
  expect(total).toBeGreaterThan(200) // three pages
  const page = await h.openAs(DIRECTOR, 'staff/cards/index')
  await waitForText(page, 'summary-shown', '已显示 100 张')
  expect(await page.locator('[id="summary-list"] .summary-row').count()).toBe(100)
  await tap(page, 'summary-more')
  await waitForText(page, 'summary-shown', '已显示 200 张')
  const second = data(await h.api<CardSummary>('friendcard', { action: 'summary', before: first.nextBefore }, DIRECTOR))
  await waitForId(page, `summary-card-${second.cards[0].cardId}`) // the server's second page, after the first
  await tap(page, 'summary-more')
  await waitForText(page, 'summary-shown', `已显示 ${total} 张`)
  expect(await byId(page, 'summary-more').count()).toBe(0) // the last page: no more button
  const ids = await page.locator('[id="summary-list"] .summary-row').evaluateAll((els) => els.map((e) => e.id))
  expect(new Set(ids).size).toBe(total) // each card once

  const xlsx = await downloadBy(page, 'cards-export-xlsx')
  expect(xlsx.name).toMatch(/^亲友卡明细-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect((await xlsxSheet(xlsx)).rowCount).toBe(1 + total)
})

test('the outbox says its sent, not-sent and gave-up counts are the last 30 days (N3)', async () => {
  const page = await h.openAs(DIRECTOR, 'staff/outbox/index')
  await waitForText(page, 'outbox-counts-since', '近 30 天')
  expect(await page.locator('[id="outbox-counts"] [data-window]').evaluateAll((els) => els.map((e) => e.getAttribute('data-window')))).toEqual(['sent', 'skipped', 'dead'])
})
