import { MAX_IMPORTED_SPEND_FEN, parseDate, parseFen, parseName, parsePhone, parseRecordNo, parseYuan } from './fields'

const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : 'BAD')
const reason = (p: { ok: boolean; reason?: { zh: string; en: string } }) => (p.ok ? 'OK' : p.reason!.zh)
const BIRTHDAY = { zh: '生日', en: 'Birthday' }
const TODAY = '2026-11-22'

test('record numbers: letters, digits and "-" up to 20', () => {
  expect(value(parseRecordNo(' 100001 '))).toBe('100001')
  expect(value(parseRecordNo('SH-2020-0001'))).toBe('SH-2020-0001')
  expect(reason(parseRecordNo(''))).toContain('不能为空')
  expect(reason(parseRecordNo('10 01'))).toContain('病历号')
  expect(reason(parseRecordNo('1'.repeat(21)))).toContain('20')
  expect(reason(parseRecordNo('pat/1'))).toContain('病历号')
})

test('names: trimmed, inner spaces collapsed, at most 40 characters', () => {
  expect(value(parseName('  欧阳   娜娜 '))).toBe('欧阳 娜娜')
  expect(reason(parseName(' '))).toContain('不能为空')
  expect(reason(parseName('名'.repeat(41)))).toContain('40')
  expect(value(parseName('名'.repeat(40)))).toHaveLength(40)
})

test('phones: mainland 11-digit mobiles; spaces, dashes and +86 are dropped', () => {
  expect(value(parsePhone('139 1234 5678'))).toBe('13912345678')
  expect(value(parsePhone('+86 139-1234-5678'))).toBe('13912345678')
  expect(value(parsePhone('008613912345678'))).toBe('13912345678')
  expect(value(parsePhone('8613912345678'))).toBe('13912345678')
  expect(reason(parsePhone('1391234567'))).toContain('11 位') // 10 digits
  expect(reason(parsePhone('23912345678'))).toContain('11 位') // not a mobile
  expect(reason(parsePhone('12012345678'))).toContain('11 位') // 12x is no mobile prefix
  expect(reason(parsePhone('021-12345678'))).toContain('11 位') // a landline
  expect(reason(parsePhone(''))).toContain('不能为空')
})

test('dates: real calendar dates in the usual spellings, not before 1900, not after today', () => {
  expect(value(parseDate('1985-06-01', BIRTHDAY, TODAY))).toBe('1985-06-01')
  expect(value(parseDate('1985/6/1', BIRTHDAY, TODAY))).toBe('1985-06-01')
  expect(value(parseDate('1985.06.01', BIRTHDAY, TODAY))).toBe('1985-06-01')
  expect(value(parseDate('19850601', BIRTHDAY, TODAY))).toBe('1985-06-01')
  expect(value(parseDate('1985年6月1日', BIRTHDAY, TODAY))).toBe('1985-06-01')
  expect(value(parseDate('2026-03-04 15:30', BIRTHDAY, TODAY))).toBe('2026-03-04')
  expect(value(parseDate('2000-02-29', BIRTHDAY, TODAY))).toBe('2000-02-29') // 2000 is a leap year
  expect(value(parseDate('', BIRTHDAY, TODAY))).toBeUndefined()
  expect(reason(parseDate('1999-02-29', BIRTHDAY, TODAY))).toContain('不是真实的日期')
  expect(reason(parseDate('1900-02-29', BIRTHDAY, TODAY))).toContain('不是真实的日期') // 1900 is not
  expect(reason(parseDate('1985-13-01', BIRTHDAY, TODAY))).toContain('不是真实的日期')
  expect(reason(parseDate('1985-04-31', BIRTHDAY, TODAY))).toContain('不是真实的日期')
  expect(reason(parseDate('01/06/1985', BIRTHDAY, TODAY))).toContain('年-月-日')
  expect(reason(parseDate('1899-12-31', BIRTHDAY, TODAY))).toContain('1900')
  expect(reason(parseDate('2026-11-23', BIRTHDAY, TODAY))).toContain('晚于今天')
  expect(value(parseDate('2026-11-22', BIRTHDAY, TODAY))).toBe('2026-11-22')
})

test('spend in yuan becomes integer fen exactly (no float drift)', () => {
  expect(value(parseYuan('12345.60'))).toBe(1_234_560)
  expect(value(parseYuan('12,345.6'))).toBe(1_234_560)
  expect(value(parseYuan('¥30000'))).toBe(3_000_000)
  expect(value(parseYuan('￥0.07'))).toBe(7)
  expect(value(parseYuan('0.29'))).toBe(29) // 0.29 * 100 is 28.999999999999996 as a float
  expect(value(parseYuan('1.005'))).toBe('BAD') // three decimals are refused, not rounded
  expect(value(parseYuan(''))).toBe(0)
  expect(value(parseYuan('100000.00'))).toBe(10_000_000)
  expect(value(parseYuan('10000000'))).toBe(MAX_IMPORTED_SPEND_FEN)
  expect(reason(parseYuan('10000000.01'))).toContain('10,000,000')
  expect(reason(parseYuan('99999999999999999999'))).toContain('10,000,000')
  expect(reason(parseYuan('-5'))).toContain('负数')
  expect(reason(parseYuan('12a'))).toContain('两位小数')
  expect(reason(parseYuan('1e5'))).toContain('两位小数')
})

test('spend in fen is a whole number', () => {
  expect(value(parseFen('1234560'))).toBe(1_234_560)
  expect(value(parseFen('0'))).toBe(0)
  expect(reason(parseFen('12.5'))).toContain('整数')
  expect(reason(parseFen('-1'))).toContain('负数')
  expect(reason(parseFen('1000000001'))).toContain('10,000,000')
})
