import { billNoOf, parseBillNo } from './bill-no'

describe('receipt numbers (issue 13)', () => {
  test('the business day and six digits, the same for the same bill', () => {
    const no = billNoOf('2026-11-22', 'bill_rq-abc')
    expect(no).toMatch(/^20261122-\d{6}$/)
    expect(billNoOf('2026-11-22', 'bill_rq-abc')).toBe(no)
    expect(billNoOf('2026-11-22', 'bill_rq-abd')).not.toBe(no)
  })
  test('typed with spaces or without the dash, it reads the same; anything else is not a number', () => {
    expect(parseBillNo(' 20261122 038471 ')).toBe('20261122-038471')
    expect(parseBillNo('20261122038471')).toBe('20261122-038471')
    expect(parseBillNo('2026112203847')).toBeNull()
    expect(parseBillNo('1234')).toBeNull()
  })
})
