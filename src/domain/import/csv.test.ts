import { csvLine, csvTable, parseCsv, splitCsv, utf8Bytes } from './csv'

describe('CSV as clinic systems and Excel write it', () => {
  test('quoted fields keep commas, quotes and line breaks; CRLF and a BOM are read', () => {
    const text = '\ufeff病历号,姓名,备注\r\n100001,"李, 明","说""好""的\r\n第二行"\r\n100002,王芳,\n'
    expect(parseCsv(text)).toEqual([
      ['病历号', '姓名', '备注'],
      ['100001', '李, 明', '说"好"的\r\n第二行'],
      ['100002', '王芳', ''],
    ])
  })

  test('the header is row 1, so the first data row is row 2', () => {
    const t = csvTable('a,b\n1,2\n3,4')
    expect(t).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4']], firstRow: 2 })
  })

  test('writing and reading a line gives the same cells back', () => {
    const cells = ['x', 'a,b', 'say "hi"', 'two\nlines', '']
    expect(parseCsv(csvLine(cells))).toEqual([cells])
  })

  test('UTF-8 sizes are counted like the network counts them', () => {
    expect(utf8Bytes('abc')).toBe(3)
    expect(utf8Bytes('李明')).toBe(6)
    expect(utf8Bytes('😀')).toBe(4)
    expect(utf8Bytes('é')).toBe(2)
  })
})

describe('splitting a big file into calls', () => {
  const header = 'recordNo,name,phone'
  const rows = Array.from({ length: 25 }, (_, i) => `${100 + i},"名, ${i}",139000000${String(i).padStart(2, '0')}`)
  const text = [header, ...rows].join('\n')

  test('each piece repeats the header and knows the spreadsheet row of its first data row', () => {
    const parts = splitCsv(text, 10, 100_000)
    expect(parts.map((p) => [p.firstRow, p.rows])).toEqual([[2, 10], [12, 10], [22, 5]])
    for (const p of parts) expect(csvTable(p.text, p.firstRow).header).toEqual(['recordNo', 'name', 'phone'])
    const second = csvTable(parts[1].text, parts[1].firstRow)
    expect(second.rows[0]).toEqual(['110', '名, 10', '13900000010'])
  })

  test('no piece is over the byte budget (unless one row alone is)', () => {
    const parts = splitCsv(text, 1000, 120)
    expect(parts.length).toBeGreaterThan(3)
    for (const p of parts) expect(utf8Bytes(p.text)).toBeLessThanOrEqual(120)
    expect(parts.reduce((n, p) => n + p.rows, 0)).toBe(25)
  })

  test('an empty file has no pieces', () => {
    expect(splitCsv('', 10, 1000)).toEqual([])
    expect(splitCsv('recordNo,name,phone\n', 10, 1000)).toEqual([])
  })
})
