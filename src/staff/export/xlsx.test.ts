/** Issue 14: the XLSX written without a dependency opens in a spreadsheet library with the same figures. */
import ExcelJS from 'exceljs'
import type { DaySheet } from '../../api/referral'
import { DAY_SHEET_EXPORT } from './reports'
import { buildTable } from './table'
import { columnName, tableXlsx } from './xlsx'
import { crc32, utf8 } from './zip'

const rows: DaySheet['rows'] = [
  { referrerCode: '100007', referrerName: '赵磊', maskedPhone: '135****4444', friendName: '小美', billId: 'b1', paidFen: 170_000, bonusFen: 11_700, shareFen: 1_700, payoutFen: 10_000, payoutStatus: 'due' },
  { referrerCode: '100001', referrerName: '=1+1 <李> & "明"', maskedPhone: '138****0001', friendName: '王五', billId: 'b2', paidFen: 123_456, bonusFen: 0, shareFen: 1, payoutFen: 0, payoutStatus: 'paid' },
]

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return wb
}

describe('tableXlsx', () => {
  test('exceljs reads the day sheet back: headers, text, money as numbers with 2 decimals, statuses in words', async () => {
    const table = buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, rows, { lang: 'zh' })
    const wb = await readBack(tableXlsx(table))
    expect(wb.worksheets).toHaveLength(1)
    const ws = wb.worksheets[0]
    expect(ws.name).toBe('推荐日结单')
    expect(ws.getRow(1).values).toEqual([undefined, ...table.headers])
    expect(ws.getCell('A2').value).toBe('100007')
    expect(ws.getCell('E2').value).toBe(1700)
    expect(ws.getCell('E2').numFmt).toBe('0.00')
    expect(ws.getCell('F2').value).toBe(117)
    expect(ws.getCell('I2').value).toBe('待发放')
    expect(ws.getCell('B3').value).toBe('=1+1 <李> & "明"') // text, never a formula
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell('E3').value).toBe(1234.56)
    expect(ws.getCell('G3').value).toBe(0.01)
    expect(ws.getCell('I3').value).toBe('已发放')
    // The sum a director would take in the spreadsheet equals the report's total in fen.
    const paid = [2, 3].map((r) => Number(ws.getCell(`E${r}`).value)).reduce((s, v) => s + v, 0)
    expect(Math.round(paid * 100)).toBe(rows[0].paidFen + rows[1].paidFen)
  })

  test('an empty report is still a valid workbook with its headers', async () => {
    const table = buildTable(DAY_SHEET_EXPORT.title, DAY_SHEET_EXPORT.columns, [], { lang: 'en' })
    const ws = (await readBack(tableXlsx(table))).worksheets[0]
    expect(ws.getCell('A1').value).toBe('Referrer code')
    expect(ws.rowCount).toBe(1)
  })

  test('ZIP pieces: CRC-32 and UTF-8 as the standards give them, column letters past Z', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926)
    expect(Array.from(utf8('¥牙😀'))).toEqual([0xc2, 0xa5, 0xe7, 0x89, 0x99, 0xf0, 0x9f, 0x98, 0x80])
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'])
  })
})
