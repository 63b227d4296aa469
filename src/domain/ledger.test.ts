import { deriveBalance } from './ledger'

describe('append-only ledger', () => {
  test('the balance is the sum of the entries', () => {
    expect(deriveBalance([{ amountFen: 10_000 }, { amountFen: -2_500 }])).toBe(7_500)
    expect(deriveBalance([])).toBe(0)
  })
})
