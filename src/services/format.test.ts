import { parseYuan, zhe, clinicDate, clinicDateTime, shiftMonth, isMobile, queryParam } from './format'

describe('parseYuan (reception amount entry → integer fen)', () => {
  it.each([
    ['1280', 128000],
    ['1280.5', 128050],
    ['1,280.50', 128050],
    ['0.01', 1],
    ['.5', 50],
    ['¥30,000', 3000000],
    ['12.', 1200],
  ])('%s → %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen })
  })

  it.each([
    ['', 'Enter an amount'],
    ['-5', 'The amount cannot be negative'],
    ['1.234', 'At most 2 decimal places'],
    ['abc', 'The amount must be a number'],
    ['1e3', 'The amount must be a number'],
    ['0', 'The amount must be more than zero'],
    ['99999999999999999', 'The amount is too large'],
  ])('refuses %j', (input, en) => {
    const r = parseYuan(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message.en).toBe(en)
  })
})

describe('zhe (M2 discount label)', () => {
  it('shows 12% as 88折 and 10% as 9折', () => {
    expect(zhe(1200)).toBe('88折')
    expect(zhe(1000)).toBe('9折')
    expect(zhe(0)).toBe('无折扣')
  })
})

describe('clinicDate', () => {
  it('uses the clinic zone (UTC+8) for the business date', () => {
    expect(clinicDate('2025-03-01T17:30:00.000Z')).toBe('2025-03-02')
  })
})

describe('clinicDateTime (N3: when a message arrived)', () => {
  it('shows the clinic zone (UTC+8) date and time', () => {
    expect(clinicDateTime('2026-11-29T02:00:00.000Z')).toBe('2026-11-29 10:00')
    expect(clinicDateTime('2026-11-29T17:05:00.000Z')).toBe('2026-11-30 01:05')
    expect(clinicDateTime('not a date')).toBe('not a date')
  })
})

describe('shiftMonth (N2 month picker)', () => {
  it('moves across year ends both ways', () => {
    expect(shiftMonth('2027-03', 1)).toBe('2027-04')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2027-01', -1)).toBe('2026-12')
    expect(shiftMonth('2027-01', -13)).toBe('2025-12')
    expect(shiftMonth('bad', 1)).toBe('bad')
  })
})

describe('isMobile (F5 registration at the desk)', () => {
  it('takes 11 digits starting with 1, as the server does', () => {
    expect(isMobile('13600001234')).toBe(true)
    expect(isMobile(' 13600001234 ')).toBe(true)
    for (const bad of ['', '1360000123', '136000012345', '23600001234', '1360000123a', '+8613600001234']) expect(isMobile(bad)).toBe(false)
  })
})

describe('queryParam (page query values)', () => {
  it('reads a value, decodes a percent-encoded one once, and gives "" when absent', () => {
    expect(queryParam({ t: 'abc_-123' }, 't')).toBe('abc_-123')
    expect(queryParam({ t: 'a%2Bb%3D' }, 't')).toBe('a+b=')
    expect(queryParam({ t: '100%' }, 't')).toBe('100%') // not valid percent-encoding: kept as it came
    expect(queryParam({}, 't')).toBe('')
    expect(queryParam(undefined, 't')).toBe('')
  })
})

test('R1: a page opened from a mini-program code reads its parameter from `scene`', () => {
  expect(queryParam({ scene: encodeURIComponent('c=100007') }, 'c')).toBe('100007')
  expect(queryParam({ c: '100001', scene: 'c=100007' }, 'c')).toBe('100001')
  expect(queryParam({ scene: 'x=1' }, 'c')).toBe('')
})

describe('parseYuan in roubles (issue 14: seed 003\'s chain types amounts in roubles)', () => {
  test('the ₽ sign is accepted as ¥ is; the amount is still integer minor units', () => {
    expect(parseYuan('1 280.50 ₽')).toEqual({ ok: true, fen: 128_050 })
    expect(parseYuan('₽300')).toEqual({ ok: true, fen: 30_000 })
    expect(parseYuan('300 ₽')).toEqual({ ok: true, fen: 30_000 })
    expect(parseYuan('₽').ok).toBe(false)
  })
})
