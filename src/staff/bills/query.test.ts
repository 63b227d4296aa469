import { readBillQuery } from './query'

test('the desk types one thing; it is read as the criterion it looks like', () => {
  expect(readBillQuery(' 20261122-038471 ')).toEqual({ billNo: '20261122-038471' })
  expect(readBillQuery('20261122 038471')).toEqual({ billNo: '20261122 038471' })
  expect(readBillQuery('2026-11-22')).toEqual({ day: '2026-11-22' })
  expect(readBillQuery('4444')).toEqual({ phoneTail: '4444' })
  expect(readBillQuery('100007')).toEqual({ recordNo: '100007' })
  expect(readBillQuery('')).toBeNull()
  expect(readBillQuery('张三')).toBeNull()
})
