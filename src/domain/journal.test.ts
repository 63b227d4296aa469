import { DomainError } from './errors'
import { deriveBalance } from './ledger'
import { journal, ledgerKey } from './journal'

const source = { id: 'bill_1', at: '2026-11-22T02:00:00.000Z', actor: 'staff_rec_sh', billId: 'bill_1' }

describe('journal: the one builder of ledger entries (issue 13)', () => {
  test('a bill with bonus, card and payment: keys from ledgerKey, accounts by kind, balances after', () => {
    const j = journal(source)
    j.post({ kind: 'bonus_debit', part: 'bonus', ownerId: 'p1', patientId: 'p1', amountFen: -2_000, balanceBeforeFen: 5_000 })
    j.post({ kind: 'card_redeem', part: 'card', ownerId: 'fc_1', patientId: 'p0', amountFen: -10_000, balanceBeforeFen: 60_000 })
    j.post({ kind: 'bill_payment', part: 'payment', ownerId: 'p1', patientId: 'p1', amountFen: 18_000, balanceBeforeFen: 100_000 })
    expect(j.entries().map((e) => [e._id, e.accountId, e.balanceAfterFen])).toEqual([
      ['bill_1:bonus', 'bonus:p1', 3_000],
      ['bill_1:card', 'friend_card:fc_1', 50_000],
      ['bill_1:payment', 'spend:p1', 118_000],
    ])
    expect(j.entries().every((e) => e.billId === 'bill_1' && e.at === source.at && e.actor === source.actor)).toBe(true)
    expect(ledgerKey('rf_1', 'spend')).toBe('rf_1:spend')
  })

  test('two entries on one account follow each other, and the balance is their sum (R3 reward + share)', () => {
    const j = journal({ ...source, referralId: 'ref_1' })
    j.post({ kind: 'referral_reward', part: 'ref-bonus', ownerId: 'p9', patientId: 'p9', amountFen: 10_000, balanceBeforeFen: 500 })
    j.post({ kind: 'referral_share', part: 'ref-share', ownerId: 'p9', patientId: 'p9', amountFen: 300, balanceBeforeFen: 10_500 })
    expect(j.balanceAfter('p9', 'bonus')).toBe(10_800)
    expect(500 + deriveBalance(j.entries())).toBe(10_800)
    expect(() => j.post({ kind: 'bonus_credit', part: 'bonus', ownerId: 'p9', patientId: 'p9', amountFen: 1, balanceBeforeFen: 500 })).toThrow(/continues from 10800/)
  })

  test('refuses the wrong sign, a zero or fractional amount, and a key used twice — before anything is written', () => {
    const j = journal(source)
    expect(() => j.post({ kind: 'bill_payment', part: 'payment', ownerId: 'p1', patientId: 'p1', amountFen: -100, balanceBeforeFen: 0 })).toThrow(/journal/)
    expect(() => j.post({ kind: 'card_redeem', part: 'card', ownerId: 'fc', patientId: 'p0', amountFen: 100, balanceBeforeFen: 0 })).toThrow(/journal/)
    expect(() => j.post({ kind: 'bonus_credit', part: 'bonus', ownerId: 'p1', patientId: 'p1', amountFen: 0, balanceBeforeFen: 0 })).toThrow(/journal/)
    expect(() => j.post({ kind: 'bonus_credit', part: 'bonus', ownerId: 'p1', patientId: 'p1', amountFen: 1.5, balanceBeforeFen: 0 })).toThrow(/journal/)
    j.post({ kind: 'bill_payment', part: 'payment', ownerId: 'p1', patientId: 'p1', amountFen: 100, balanceBeforeFen: 0 })
    expect(() => j.post({ kind: 'bill_payment', part: 'payment', ownerId: 'p2', patientId: 'p2', amountFen: 100, balanceBeforeFen: 0 })).toThrow(/used twice/)
    expect(j.entries()).toHaveLength(1)
  })

  test('no overdraft (R5, F4), except a clawback (R3: the referrer may have spent the reward)', () => {
    const j = journal(source)
    const over = () => j.post({ kind: 'bonus_debit', part: 'bonus', ownerId: 'p1', patientId: 'p1', amountFen: -1_001, balanceBeforeFen: 1_000 })
    expect(over).toThrow(DomainError)
    expect(over).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_BALANCE' }))
    const claw = j.post({ kind: 'referral_clawback', part: 'ref-clawback', ownerId: 'p9', patientId: 'p9', amountFen: -300, balanceBeforeFen: 100 })
    expect(claw.balanceAfterFen).toBe(-200)
  })
})
