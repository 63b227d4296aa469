/** Issue 14: the export table — columns, money in yuan, times in the clinic's zone, statuses in words, the formula guard. */
import type { DaySheet, PayoutView } from '../../api/referral'
import { AUDIT_EXPORT, DAY_SHEET_EXPORT, PAYOUTS_EXPORT, auditLines } from './reports'
import { buildTable, exportFileName, tableCsv, zonedDateTime } from './table'

const sheetRows: DaySheet['rows'] = [
  { referrerCode: '100007', referrerName: '赵磊', maskedPhone: '135****4444', friendName: '小美', billId: 'b1', paidFen: 170_000, bonusFen: 11_700, shareFen: 1_700, payoutId: 'po_b1', payoutFen: 10_000, payoutStatus: 'due' },
  { referrerCode: '100001', referrerName: '=HYPERLINK("x")', maskedPhone: '138****0001', friendName: '-王,五', billId: 'b2', paidFen: 5, bonusFen: 0, shareFen: 0, payoutFen: 0 },
]

describe('buildTable (issue 14 exports)', () => {
  test('the day sheet: Chinese headers by default, money in yuan, status in words (R9)', () => {
    const t = buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, sheetRows, { lang: 'zh' })
    expect(t.title).toBe('推荐日结单')
    expect(t.headers).toEqual(['推荐人编号', '推荐人', '手机', '朋友', '实付（元）', '奖励金（元）', '分成（元）', '外部发放（元）', '发放状态'])
    expect(t.rows[0]).toEqual(['100007', '赵磊', '135****4444', '小美', 1700, 117, 17, 100, '待发放'])
    expect(t.rows[1][4]).toBe(0.05)
    expect(t.rows[1][8]).toBeNull() // no payout: an empty cell, not "undefined"
  })

  test('English headers and words for an English reader', () => {
    const t = buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, sheetRows, { lang: 'en' })
    expect(t.headers[4]).toBe('Paid (¥)')
    expect(t.rows[0][8]).toBe('Due')
  })

  test('a rouble chain (seed 003): money columns headed with its unit, times in Moscow (issue 14)', () => {
    const zh = buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, sheetRows, { lang: 'zh', currency: 'RUB', zone: 'Europe/Moscow' })
    expect(zh.headers.slice(4, 8)).toEqual(['实付（卢布）', '奖励金（卢布）', '分成（卢布）', '外部发放（卢布）'])
    expect(zh.rows[0][4]).toBe(1700) // the same minor units, in roubles
    expect(buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, sheetRows, { lang: 'en', currency: 'RUB' }).headers[4]).toBe('Paid (₽)')
    const paid: PayoutView = { payoutId: 'p', referrerName: '赵磊', amountFen: 10_000, status: 'paid', method: 'phone_topup', reference: 'R1', paidAt: '2026-11-22T16:30:00.000Z' }
    expect(buildTable(PAYOUTS_EXPORT.title, PAYOUTS_EXPORT.columns, [paid], { lang: 'zh', currency: 'RUB', zone: 'Europe/Moscow' }).rows[0][5]).toBe('2026-11-22 19:30')
    const refunded = auditLines({ from: 'a', to: 'b', rewards: [], anomalies: [], payments: [{ billId: 'b1', at: '2026-11-20T02:00:00Z', friendName: '小美', paidFen: 170_000, refundedFen: 20_000 }] }, 'RUB')
    expect(refunded[0].note).toEqual({ zh: '已退款 200.00 卢布', en: 'Refunded 200.00 ₽' })
  })

  test('times in the clinic zone as "YYYY-MM-DD HH:mm"; another zone when the policy says so', () => {
    const paid: PayoutView = { payoutId: 'p', referrerName: '赵磊', amountFen: 10_000, status: 'paid', method: 'phone_topup', reference: 'R1', paidAt: '2026-11-22T16:30:00.000Z' }
    const t = buildTable(PAYOUTS_EXPORT.title, PAYOUTS_EXPORT.columns, [paid], { lang: 'zh' })
    expect(t.rows[0]).toEqual(['赵磊', 100, '已发放', '话费充值', 'R1', '2026-11-23 00:30']) // past midnight in Shanghai
    expect(zonedDateTime('2026-11-22T16:30:00.000Z', 'Europe/Moscow')).toBe('2026-11-22 19:30')
    expect(zonedDateTime('not a time')).toBe('not a time')
  })

  test('CSV: the BOM, money as text with 2 decimals, formulas neutralised, commas quoted', () => {
    const csv = tableCsv(buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, sheetRows, { lang: 'zh' }))
    expect(csv.startsWith('\uFEFF推荐人编号,推荐人,')).toBe(true)
    const lines = csv.slice(1).trim().split('\r\n')
    expect(lines[1]).toBe('100007,赵磊,135****4444,小美,1700.00,117.00,17.00,100.00,待发放')
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`) // formula injection guard
    expect(lines[2]).toContain(`"'-王,五"`)
    expect(lines[2]).toContain(',0.05,0.00,')
  })

  test('the weekly audit as one list: rewards, payments net of refunds, anomalies in words', () => {
    const lines = auditLines({
      from: '2026-11-15T16:00:00Z', to: '2026-11-22T16:00:00Z',
      rewards: [{ entryId: 'e1', at: '2026-11-20T02:00:00Z', referrerName: '赵磊', kind: 'referral_reward', amountFen: 10_000, billId: 'b1' }],
      payments: [{ billId: 'b1', at: '2026-11-20T02:00:00Z', friendName: '小美', paidFen: 170_000, refundedFen: 20_000 }],
      anomalies: [{ kind: 'payout_marked_twice', ids: ['po_b1'], zh: '发放被标记了 2 次', en: 'Payout marked 2 times' }],
    })
    const t = buildTable(AUDIT_EXPORT.title, AUDIT_EXPORT.columns, lines, { lang: 'zh' })
    expect(t.rows).toEqual([
      ['奖励', '2026-11-20 10:00', '赵磊', 100, '推荐奖励'],
      ['推荐付款', '2026-11-20 10:00', '小美', 1500, '已退款 200.00 元'],
      ['异常', null, null, null, '发放被标记了 2 次'],
    ])
    expect(JSON.stringify(t)).not.toContain('payout_marked_twice')
  })

  test('file names: the report title and its date', () => {
    const t = buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, [], { lang: 'zh' })
    expect(exportFileName(t, '2026-11-22', 'xlsx')).toBe('推荐日结单-2026-11-22.xlsx')
    expect(exportFileName({ ...t, title: 'a/b: c' }, '', 'csv')).toBe('a-b-c.csv')
  })
})
