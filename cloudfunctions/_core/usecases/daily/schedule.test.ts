/** The daily function's time budget comes from the invocation context, never from an assumption. */
import { DEFAULT_LIMIT_MS, MARGIN_MS, timeBudget, timeLimitOf } from './schedule'

describe('the time limit, read from the invocation context', () => {
  test('the remaining time, where the runtime offers it', () => {
    const context = { time_limit_in_ms: 60_000, getRemainingTimeInMillis: () => 58_500 }
    expect(timeLimitOf(context)).toBe(58_500)
  })
  test('else the function\'s configured limit (CloudBase: time_limit_in_ms)', () => {
    expect(timeLimitOf({ time_limit_in_ms: 120_000, memory_limit_in_mb: 256, request_id: 'r1' })).toBe(120_000)
  })
  test('nothing usable: CloudBase\'s default of 3 s, not the 60 s config.json asks for', () => {
    expect(timeLimitOf(undefined)).toBe(DEFAULT_LIMIT_MS)
    expect(timeLimitOf({})).toBe(3_000)
    expect(timeLimitOf({ time_limit_in_ms: 'soon', getRemainingTimeInMillis: () => Number.NaN })).toBe(3_000)
  })
})

describe('the budget of one run', () => {
  test('a 60 s function stops 10 s before its limit; its lease lasts the limit plus the margin', () => {
    expect(timeBudget(60_000, 1_000_000)).toEqual({ stopAt: 1_050_000, leaseMs: 70_000 })
    expect(MARGIN_MS).toBe(10_000)
  })
  test('the 3 s default keeps a quarter back, so the run still gets work done', () => {
    expect(timeBudget(3_000, 0)).toEqual({ stopAt: 2_250, leaseMs: 13_000 })
  })
  test('a killed run\'s lease ends a margin after the platform stopped it, not 15 minutes later', () => {
    for (const limit of [3_000, 60_000, 900_000]) expect(timeBudget(limit, 0).leaseMs - limit).toBe(MARGIN_MS)
    expect(timeBudget(60_000, 0).leaseMs).toBeLessThan(10 * 60_000) // the next 10-minute run finds it free
  })
})
