import { dayText, whenText } from './when'

describe('issue 12: a preferred day and time of day as people read them', () => {
  test('Chinese month, day and weekday; English short forms', () => {
    expect(dayText('2026-11-24')).toEqual({ zh: '11月24日（周二）', en: 'Tue 24 Nov' })
    expect(whenText('2026-11-22', 'evening')).toEqual({ zh: '11月22日（周日）晚上', en: 'Sun 22 Nov, evening' })
  })
})
