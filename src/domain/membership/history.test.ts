import { addsUp, newestFirst, openingBalance, type HistoryEntry } from './history'

const e = (id: string, at: string, amountFen: number, balanceAfterFen: number) => ({ id, at, amountFen, balanceAfterFen })
const ids = (xs: Array<HistoryEntry & { id: string }>) => xs.map((x) => x.id)

describe('an account history reads newest first and adds up (issue 12)', () => {
  test('by time, newest first', () => {
    const xs = [e('a', '2026-11-01T01:00:00Z', 10_000, 10_000), e('c', '2026-11-03T01:00:00Z', 5_000, 25_000), e('b', '2026-11-02T01:00:00Z', 10_000, 20_000)]
    expect(ids(newestFirst(xs))).toEqual(['c', 'b', 'a'])
  })
  test('entries of one instant come in the order their balances prove, whatever order the store gave', () => {
    // A reward and a share written in one transaction (same `at`), after an older credit of ¥100.
    const older = e('older', '2026-11-01T01:00:00Z', 10_000, 10_000)
    const reward = e('reward', '2026-11-05T02:00:00Z', 10_000, 20_000)
    const share = e('share', '2026-11-05T02:00:00Z', 3_714, 23_714)
    expect(ids(newestFirst([reward, share, older]))).toEqual(['share', 'reward', 'older'])
    expect(ids(newestFirst([share, reward, older]))).toEqual(['share', 'reward', 'older'])
    expect(addsUp(newestFirst([reward, older, share]))).toBe(true)
  })
  test('ties at the oldest end are chained from the balance no tied entry leads to', () => {
    const a = e('a', '2026-11-05T02:00:00Z', 10_000, 30_000) // from ¥200 brought forward
    const b = e('b', '2026-11-05T02:00:00Z', -5_000, 25_000)
    expect(ids(newestFirst([a, b]))).toEqual(['b', 'a'])
    expect(ids(newestFirst([b, a]))).toEqual(['b', 'a'])
  })
  test('the opening balance makes the lines add up to the balance: imported spend, or older lines', () => {
    const lines = newestFirst([e('pay', '2026-11-05T02:00:00Z', 371_412, 4_607_412)])
    expect(openingBalance(lines, 4_607_412)).toBe(4_236_000)
    expect(openingBalance([], 4_236_000)).toBe(4_236_000)
  })
  test('a history with a gap does not add up', () => {
    expect(addsUp([e('b', '2026-11-02T00:00:00Z', 100, 300), e('a', '2026-11-01T00:00:00Z', 100, 100)])).toBe(false)
    expect(addsUp([e('b', '2026-11-02T00:00:00Z', 100, 200), e('a', '2026-11-01T00:00:00Z', 100, 100)])).toBe(true)
  })
})
