import { hoursLines, openSlots } from './hours'

describe('issue 12: opening hours', () => {
  test('the times of day a clinic is open on a date (2026-11-23 is a Monday, 11-28 a Saturday)', () => {
    const hours = [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '20:30' }, { days: [0, 6], open: '09:00', close: '18:00' }]
    expect(openSlots(hours, '2026-11-23')).toEqual(['morning', 'afternoon', 'evening'])
    expect(openSlots(hours, '2026-11-28')).toEqual(['morning', 'afternoon'])
    expect(openSlots([{ days: [2], open: '13:00', close: '17:00' }], '2026-11-24')).toEqual(['afternoon'])
    expect(openSlots([{ days: [2], open: '13:00', close: '17:00' }], '2026-11-23')).toEqual([])
  })

  test('as people read them: ranges of weekdays, Monday first', () => {
    expect(hoursLines([{ days: [1, 2, 3, 4, 5], open: '09:00', close: '20:30' }, { days: [0, 6], open: '09:00', close: '18:00' }])).toEqual([
      { zh: '周一至周五 09:00–20:30', en: 'Mon–Fri 09:00–20:30' },
      { zh: '周六、周日 09:00–18:00', en: 'Sat, Sun 09:00–18:00' },
    ])
    expect(hoursLines([{ days: [0, 2, 3, 4, 5, 6], open: '09:00', close: '17:30' }])).toEqual([{ zh: '周二至周日 09:00–17:30', en: 'Tue–Sun 09:00–17:30' }])
    expect(hoursLines([{ days: [0, 1, 2, 3, 4, 5, 6], open: '08:30', close: '21:00' }])).toEqual([{ zh: '每天 08:30–21:00', en: 'Daily 08:30–21:00' }])
  })
})
