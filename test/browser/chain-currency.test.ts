/**
 * Issue 14 item 4 in a real browser (Chromium on the H5 build): seed 003's Russian clinic runs the
 * programme unchanged — the director applies the seed 003 preset on 规则设置, and from then on the
 * reception's day close shows roubles and Moscow times: the day's net, each bill's time, the
 * confirmation, and the export's money column headed in roubles with Moscow times.
 * Run: `npm run build:h5` first, then `npx jest test/browser/chain-currency.test.ts --selectProjects browser`.
 */
import type { BillResult } from '../../src/domain/bill/engine'
import { PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal } from './gestures'
import { setClock } from './desk'
import { apiDataOf } from './api'
import { csvRows, downloadBy } from './download'
import { lines } from '../integration/catalogue'

jest.setTimeout(120_000)

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

const apiData = apiDataOf(() => h)

test('after the director applies seed 003, the day close shows roubles and Moscow times', async () => {
  const director = await h.openAs(PERSONA.director, 'staff/policy/index')
  await waitForText(director, 'policy-current', '第 1 版')
  await tap(director, 'policy-preset-seed003')
  await waitForText(director, 'policy-preset-preview', '卢布（₽）')
  await tap(director, 'policy-preset-load')
  await typeInto(director, 'policy-reason', '俄罗斯诊所采用推荐条例')
  await tap(director, 'policy-save')
  await acceptModal(director)
  await waitForText(director, 'policy-saved', '已保存为第 2 版')

  // A bill at 23:30 Moscow time on the 21st — already 04:30 on the 22nd in Beijing.
  setClock(h, '2026-11-21T20:30:00Z')
  const items = await lines(h.cloud, [{ name: '拔牙', category: 'treatment', amountFen: 45_000 }, { name: '牙线', category: 'oral_care_product', amountFen: 8_000 }])
  const quote = await apiData<BillResult>('reception', { action: 'previewBill', patientId: 'pat_plain', items }, PERSONA.receptionist)
  expect(quote.totals.dueFen).toBe(53_000)
  await apiData('reception', { action: 'confirmBill', patientId: 'pat_plain', items, requestId: 'browser-rub-bill-01', expectedDueFen: 53_000, paymentMethod: 'cash' }, PERSONA.receptionist)
  setClock(h, '2026-11-22T08:00:00Z') // 11:00 in Moscow

  const desk = await h.openAs(PERSONA.receptionist, 'staff/dayclose/index')
  await waitForId(desk, 'day-title')
  await tap(desk, 'day-prev')
  await waitForText(desk, 'day-title', /2026-11-21/)
  expect(await textOf(desk, 'day-net')).toBe('530.00 ₽')
  const sheet = await textOf(desk, 'day-sheet')
  expect(sheet).toContain('23:30') // the bill's time in Moscow
  expect(sheet).not.toContain('04:30') // not Beijing time
  expect(sheet).not.toContain('¥')

  const csv = csvRows(await downloadBy(desk, 'day-export-csv'))
  expect(csv[0]).toEqual(['单号', '时间', '患者', '病历号', '实收（卢布）', '退款（卢布）', '支付方式'])
  expect(csv[1][1]).toBe('2026-11-21 23:30')
  expect(csv[1][4]).toBe('530.00')

  await tap(desk, 'day-close')
  expect(await acceptModal(desk)).toContain('实收 530.00 ₽')
  await waitForText(desk, 'day-closed', '2026-11-22 11:00') // closed now, at 11:00 Moscow time
  await shot(desk, 'chain-01-day-close-in-roubles')
})
