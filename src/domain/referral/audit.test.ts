import { findAnomalies, type AuditReferral } from './audit'

const ref = (id: string, extra: Partial<AuditReferral> = {}): AuditReferral => ({ id, referrerPatientId: 'p1', referrerPhone: '13900000001', ...extra })

describe('weekly audit anomalies (R9)', () => {
  test('a clean week has none', () => {
    expect(findAnomalies([ref('r1', { friendPhone: '13700000001' })], [{ entryId: 'e1', referralId: 'r1', billId: 'b1', amountFen: 10_000 }], [{ id: 'b1', paidFen: 170_000, refundedFen: 0 }], [{ id: 'po1', referralId: 'r1', markAttempts: 1 }])).toEqual([])
  })
  test('a reward whose bill is missing or fully refunded', () => {
    const a = findAnomalies([], [{ entryId: 'e1', referralId: 'r1', billId: 'gone', amountFen: 10_000 }, { entryId: 'e2', referralId: 'r1', billId: 'b2', amountFen: 100 }], [{ id: 'b2', paidFen: 5_000, refundedFen: 5_000 }], [])
    expect(a.map((x) => [x.kind, x.ids[0]])).toEqual([['reward_without_payment', 'e1'], ['reward_without_payment', 'e2']])
  })
  test('a payout marked paid twice', () => {
    expect(findAnomalies([], [], [], [{ id: 'po1', referralId: 'r1', markAttempts: 2 }])[0].kind).toBe('payout_marked_twice')
  })
  test('many referrals from one phone or one device; a friend with the referrer\'s phone', () => {
    const refs = [ref('r1', { friendPhone: '137', device: 'd1' }), ref('r2', { friendPhone: '137', device: 'd1' }), ref('r3', { friendPhone: '137', device: 'd1' }), ref('r4', { friendPhone: '13900000001' })]
    expect(findAnomalies(refs, [], [], []).map((a) => a.kind).sort()).toEqual(['friend_shares_referrer_phone', 'many_referrals_one_device', 'referrals_share_phone'])
  })
})
