import { toCsv } from './csv'
import { sentimentOf } from './satisfaction'

test('Q1: 9–10 promoters, 7–8 passives, 0–6 detractors', () => {
  expect([10, 9, 8, 7, 6, 0].map(sentimentOf)).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor'])
  expect(() => sentimentOf(11)).toThrow(RangeError)
  expect(() => sentimentOf(7.5)).toThrow(RangeError)
})

test('R9 CSV: quotes, commas, newlines, Chinese, and no formula injection', () => {
  const csv = toCsv(['推荐人', '金额'], [['李明, "老会员"', 100], ['=HYPERLINK("x")', -5], [null, '多行\n文本']])
  expect(csv.startsWith('\uFEFF')).toBe(true)
  expect(csv).toContain('"李明, ""老会员"""')
  expect(csv).toContain(`"'=HYPERLINK(""x"")",-5`)
  expect(csv).toContain('"多行\n文本"')
})
