import { deriveBalance, post } from './ledger'

describe('append-only ledger', () => {
  const base = { accountId: 'bonus:p1', patientId: 'p1', at: '2026-01-01T00:00:00Z', actor: 'system' }
  test('each entry carries the balance after it; the balance is the sum of entries', () => {
    const a = post(0, { ...base, _id: 'k1', kind: 'bonus_credit', amountFen: 10_000 })!
    const b = post(a.balanceAfterFen, { ...base, _id: 'k2', kind: 'bonus_debit', amountFen: -2_500 })!
    expect(b.balanceAfterFen).toBe(7_500)
    expect(deriveBalance([a, b])).toBe(b.balanceAfterFen)
  })
  test('refuses to take a balance below zero (R5: no overdraft)', () => {
    expect(post(1_000, { ...base, _id: 'k3', kind: 'bonus_debit', amountFen: -1_001 })).toBeNull()
  })
})
