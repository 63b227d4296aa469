import { cardFunnel, cardRoi, funnel, messageCounts, mondayOf, referralFunnel, weeklyTrend } from './figures'

describe('funnel steps and conversion', () => {
  test('each step as a whole percentage of the one before; none for the first step or after a zero', () => {
    expect(funnel([{ key: 'a', count: 8 }, { key: 'b', count: 3 }, { key: 'c', count: 0 }, { key: 'd', count: 0 }])).toEqual([
      { key: 'a', count: 8, conversionPct: null },
      { key: 'b', count: 3, conversionPct: 38 }, // 37.5 rounds up
      { key: 'c', count: 0, conversionPct: 0 },
      { key: 'd', count: 0, conversionPct: null },
    ])
  })

  test('R2/R3 referral funnel: a coupon counts as paid only once used, rewarded only once paid', () => {
    const steps = referralFunnel([
      { used: true, paid: true, rewarded: true },
      { used: true, paid: true, rewarded: false },
      { used: true, paid: false, rewarded: false },
      { used: false, paid: false, rewarded: false },
    ])
    expect(steps.map((s) => [s.key, s.count, s.conversionPct])).toEqual([['taken', 4, null], ['visited', 3, 75], ['paid', 2, 67], ['rewarded', 1, 50]])
  })
})

describe('F7 card funnel and ROI', () => {
  test('ROI is friends\' paid revenue ÷ card value redeemed; nothing redeemed has no ratio', () => {
    expect(cardRoi(45_000, 20_000)).toBe(2.25)
    expect(cardRoi(10_000, 30_000)).toBe(0.33)
    expect(cardRoi(45_000, 0)).toBeNull()
    expect(cardRoi(0, 0)).toBeNull()
  })

  test('steps from issued to later spend, money summed over the cards', () => {
    const base = { shared: false, claimed: false, registered: false, redeemedFen: 0, friendPaidFen: 0 }
    const f = cardFunnel([
      base,
      { ...base, shared: true },
      { ...base, shared: true, claimed: true, registered: true, redeemedFen: 20_000, friendPaidFen: 30_000 },
      { ...base, shared: true, claimed: true, redeemedFen: 5_000 },
    ])
    expect(f.steps.map((s) => [s.key, s.count, s.conversionPct])).toEqual([
      ['issued', 4, null], ['shared', 3, 75], ['claimed', 2, 67], ['registered', 1, 50], ['redeemed', 2, 200], ['spent', 1, 50],
    ])
    expect(f).toMatchObject({ redeemedFen: 25_000, friendsPaidFen: 30_000, roi: 1.2 })
    expect(cardFunnel([base]).roi).toBeNull()
  })
})

describe('weekly buckets in the clinic zone', () => {
  test('Monday of a week', () => {
    expect(mondayOf('2026-12-02')).toBe('2026-11-30') // a Wednesday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
    expect(mondayOf('2026-12-06')).toBe('2026-11-30') // Sunday belongs to the week before
  })

  test('a bill late on Sunday UTC is Monday in Shanghai; every week of the period shown, empty ones too', () => {
    const weeks = weeklyTrend([
      { at: '2026-12-06T17:00:00.000Z', paidFen: 10_000 }, // Mon 7 Dec 01:00 in Shanghai
      { at: '2026-12-06T15:00:00.000Z', paidFen: 2_000 }, // Sun 6 Dec 23:00 in Shanghai
      { at: '2026-12-01T02:00:00.000Z', paidFen: 500 },
      { at: '2026-11-29T02:00:00.000Z', paidFen: 9_999 }, // before the period
    ], '2026-12-01', '2026-12-20', 'Asia/Shanghai')
    expect(weeks).toEqual([
      { weekStart: '2026-11-30', bills: 2, paidFen: 2_500 },
      { weekStart: '2026-12-07', bills: 1, paidFen: 10_000 },
      { weekStart: '2026-12-14', bills: 0, paidFen: 0 },
    ])
    // The same instant in Moscow is still Sunday.
    expect(weeklyTrend([{ at: '2026-12-06T17:00:00.000Z', paidFen: 1 }], '2026-12-01', '2026-12-08', 'Europe/Moscow')[0].bills).toBe(1)
  })
})

test('N3 messages by status, most first, and why the skipped were not sent', () => {
  const m = messageCounts([
    { status: 'sent' }, { status: 'skipped', reason: 'no_consent' }, { status: 'sent' },
    { status: 'skipped', reason: 'no_wechat' }, { status: 'skipped', reason: 'no_consent' }, { status: 'skipped' },
  ])
  expect(m.byStatus).toEqual([{ status: 'skipped', count: 4 }, { status: 'sent', count: 2 }])
  expect(m.skipped).toEqual([{ reason: 'no_consent', count: 2 }, { reason: 'no_wechat', count: 1 }, { reason: 'other', count: 1 }])
})
