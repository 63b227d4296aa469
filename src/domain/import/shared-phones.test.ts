import { mergeWarnings, SHARED_LISTED, sharedPhoneWarnings, type PhoneRow } from './shared-phones'

const PHONE = '13912345678'
const text = (ws: ReturnType<typeof sharedPhoneWarnings>) => ws.map((w) => `${w.row}:${w.field}:${w.reason.zh}`)

describe('a phone on several records is a warning, not a problem (a family)', () => {
  test('a parent and two children on one phone: each row names the other two', () => {
    const family: PhoneRow[] = [
      { row: 2, recordNo: '400010', phone: PHONE },
      { row: 3, recordNo: '400011', phone: PHONE },
      { row: 4, recordNo: '400012', phone: PHONE },
      { row: 5, recordNo: '400013', phone: '13700001111' },
    ]
    const ws = sharedPhoneWarnings(family)
    expect(text(ws)).toEqual([
      '2:phone:与病历号 400011、400012 共用手机号（如家人），一并导入',
      '3:phone:与病历号 400010、400012 共用手机号（如家人），一并导入',
      '4:phone:与病历号 400010、400011 共用手机号（如家人），一并导入',
    ])
    expect(ws[0].reason.en).toBe('Shares the phone with record numbers 400011, 400012, e.g. a family; imported as well')
    expect(ws[0].sharedWith).toEqual(['400011', '400012'])
  })

  test('a record already in the system on that phone is named too; a lone phone has no warning', () => {
    const ws = sharedPhoneWarnings([{ row: 7, recordNo: 'A-9', phone: PHONE }, { row: 8, recordNo: 'A-10', phone: '13700001111' }], (p) => (p === PHONE ? ['100001'] : []))
    expect(text(ws)).toEqual(['7:phone:与病历号 100001 共用手机号（如家人），一并导入'])
    expect(ws[0].reason.en).toBe('Shares the phone with record number 100001, e.g. a family; imported as well')
  })

  test('record numbers are listed in numeric order, at most three in the text, with the count', () => {
    const rows = ['12', '9', '100', '11', '10'].map((recordNo, i) => ({ row: i + 2, recordNo, phone: PHONE }))
    const ws = sharedPhoneWarnings(rows)
    expect(ws[0].sharedWith).toEqual(['9', '10', '11', '100'])
    expect(ws[0].reason.zh).toBe('与病历号 9、10、11 等 4 个档案共用手机号（如家人），一并导入')
    expect(ws[0].reason.en).toContain('and others (4 in all)')
  })

  test('a placeholder phone on thousands of rows: each warning lists at most 50 and says "or more"', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ row: i + 2, recordNo: String(500_000 + i), phone: PHONE }))
    const ws = sharedPhoneWarnings(rows)
    expect(ws).toHaveLength(3000)
    for (const w of ws) expect(w.sharedWith).toHaveLength(SHARED_LISTED)
    expect(ws[0].sharedWith![0]).toBe('500001') // not itself
    expect(ws[0].reason.zh).toContain(`等 ${SHARED_LISTED} 个以上档案`)
    expect(ws[0].reason.en).toContain(`${SHARED_LISTED} or more in all`)
  })
})

describe('warnings of a file checked in parts', () => {
  test('one warning per row, the record numbers united', () => {
    const fromServer = sharedPhoneWarnings([{ row: 502, recordNo: '400012', phone: PHONE }], () => ['100001'])
    const overFile = sharedPhoneWarnings([{ row: 2, recordNo: '400010', phone: PHONE }, { row: 502, recordNo: '400012', phone: PHONE }])
    expect(text(mergeWarnings(fromServer, overFile))).toEqual([
      '2:phone:与病历号 400012 共用手机号（如家人），一并导入',
      '502:phone:与病历号 100001、400010 共用手机号（如家人），一并导入',
    ])
    expect(mergeWarnings([], [])).toEqual([])
  })
})
