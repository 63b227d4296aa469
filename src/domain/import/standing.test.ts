import { DEFAULT_POLICY } from '../policy'
import { standingAfterImport } from './standing'

const NOW = new Date('2026-11-22T02:00:00Z')
const LATER = new Date('2026-12-22T02:00:00Z')
const T = DEFAULT_POLICY.membership.lifetimeThresholdFen // ¥30,000

describe('M1 tiers from imported historical spend', () => {
  test('spend at the threshold makes a lifetime member from the import instant; below it, none', () => {
    expect(standingAfterImport(null, T, NOW, DEFAULT_POLICY)).toEqual({ tier: 'lifetime', cumulativeSpendFen: T, lifetimeSince: NOW.toISOString(), lifetimeFromImport: true })
    expect(standingAfterImport(null, T - 1, NOW, DEFAULT_POLICY)).toEqual({ tier: 'none', cumulativeSpendFen: T - 1, lifetimeFromImport: undefined })
    expect(standingAfterImport(null, 0, NOW, DEFAULT_POLICY).tier).toBe('none')
  })

  test('annual membership is never inferred from spend; an annual member keeps it below the threshold', () => {
    const annual = { tier: 'annual' as const, annualUntil: '2027-05-01T15:59:59.999Z', cumulativeSpendFen: 100_000 }
    expect(standingAfterImport(annual, 500_000, NOW, DEFAULT_POLICY)).toMatchObject({ tier: 'annual', cumulativeSpendFen: 600_000 })
  })

  test('M6: spend paid through Yayou is kept, the imported amount is replaced on re-import', () => {
    const first = { ...standingAfterImport(null, 1_000_000, NOW, DEFAULT_POLICY), importedSpendFen: 1_000_000 }
    const afterBill = { ...first, cumulativeSpendFen: first.cumulativeSpendFen + 50_000 }
    const again = standingAfterImport(afterBill, 1_200_000, LATER, DEFAULT_POLICY)
    expect(again.cumulativeSpendFen).toBe(1_250_000)
    expect(again.tier).toBe('none')
  })

  test('payments and a re-import together reach the threshold: lifetime at the re-import', () => {
    const p = { tier: 'none' as const, cumulativeSpendFen: T - 100_000 + 200_000, importedSpendFen: 200_000 }
    expect(standingAfterImport(p, 100_000, LATER, DEFAULT_POLICY)).toMatchObject({ tier: 'lifetime', cumulativeSpendFen: T, lifetimeSince: LATER.toISOString(), lifetimeFromImport: true })
  })

  test('a lifetime tier granted by a mistaken import is undone by the corrected file; one earned by a payment is kept', () => {
    const wrong = { ...standingAfterImport(null, 100 * T, NOW, DEFAULT_POLICY), importedSpendFen: 100 * T }
    const fixed = standingAfterImport(wrong, 300_000, LATER, DEFAULT_POLICY)
    expect(fixed).toMatchObject({ tier: 'none', cumulativeSpendFen: 300_000 })
    expect(fixed.lifetimeSince).toBeUndefined()

    const earned = { tier: 'lifetime' as const, lifetimeSince: '2025-01-01T00:00:00.000Z', cumulativeSpendFen: T + 5_000_000, importedSpendFen: 5_000_000 }
    expect(standingAfterImport(earned, 0, LATER, DEFAULT_POLICY)).toMatchObject({ tier: 'lifetime', lifetimeSince: '2025-01-01T00:00:00.000Z', cumulativeSpendFen: T })
  })

  test('a re-import that still reaches the threshold keeps the original lifetime date', () => {
    const first = { ...standingAfterImport(null, T + 1, NOW, DEFAULT_POLICY), importedSpendFen: T + 1 }
    expect(standingAfterImport(first, T + 2, LATER, DEFAULT_POLICY)).toMatchObject({ tier: 'lifetime', lifetimeSince: NOW.toISOString(), lifetimeFromImport: true })
  })
})
