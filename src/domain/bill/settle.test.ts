import { DomainError } from '../errors'
import { claimCard, issueCard } from '../friendcard/card'
import { deriveBalance } from '../ledger'
import { DEFAULT_POLICY as P } from '../policy'
import { computeBill, type BillItem } from './engine'
import { holdingsFor, type BillParty, type BillSituation } from './holdings'
import { settleBill } from './settle'

const now = new Date('2026-11-22T02:00:00Z')
const treatment: BillItem = { name: '补牙', category: 'treatment', amountFen: 100_000 }
const fee: BillItem = { name: '年度会员', category: 'membership_fee', amountFen: P.membership.annualFeeFen }
const guest: BillParty = { _id: 'p_friend', tier: 'none', cumulativeSpendFen: 0 }
const base: BillSituation = { payer: guest, owner: null, named: null, bonus: null, ownerBonus: null, consent: null, card: null }

function settle(s: BillSituation, items: BillItem[], ask: { useBonusFen?: number; useOwnerBalanceFen?: number } = {}) {
  const result = computeBill(items, holdingsFor(s, { items, ...ask }, now, P), P)
  const annualOnBill = items.some((i) => i.category === 'membership_fee')
  return { result, plan: settleBill({ billId: 'bill_1', actor: 'staff_1', now, situation: s, payerName: '小王', result, annualOnBill, fromOwnerBalance: Boolean(ask.useOwnerBalanceFen) }, P) }
}

describe('settling a bill (issue 13: a pure plan)', () => {
  test('F4, M6: a friend card pays its part; only the money paid counts to spend; entries match the documents', () => {
    const card = claimCard(issueCard({ id: 'fc_1', shareToken: 't', giverPatientId: 'p_giver', giverDisplayName: '李', staffId: 's', now }, P), { openid: 'o' }, now)
    const { result, plan } = settle({ ...base, card }, [treatment])
    expect(plan.card?.balanceFen).toBe(card.balanceFen - result.totals.friendCardFen)
    expect(plan.paidFen).toBe(result.totals.dueFen)
    expect(plan.standing.cumulativeSpendFen).toBe(result.totals.dueFen)
    expect(plan.entries.map((e) => [e._id, e.amountFen])).toEqual([['bill_1:card', -result.totals.friendCardFen], ['bill_1:payment', result.totals.dueFen]])
    expect(plan.bonus).toBeNull()
  })

  test('R5: the bonus spent leaves the balance the entry says; M1: an annual fee on the bill makes a member', () => {
    const s = { ...base, bonus: { balanceFen: 20_000 } }
    const { plan } = settle(s, [treatment, fee], { useBonusFen: 5_000 })
    expect(plan.bonus).toEqual({ ownerId: guest._id, balanceAfterFen: 15_000 })
    expect(20_000 + deriveBalance(plan.entries.filter((e) => e.accountId === 'bonus:p_friend'))).toBe(15_000)
    expect(plan.standing.tier).toBe('annual')
  })

  test('M4: a family member spends the owner\'s balance: the owner\'s account, the request used, the member named in the memo', () => {
    const owner: BillParty = { _id: 'p_owner', tier: 'lifetime', cumulativeSpendFen: 5_000_000 }
    const kid: BillParty = { _id: 'p_kid', tier: 'none', cumulativeSpendFen: 0, familyOwnerId: owner._id }
    const consent = { ownerId: owner._id, memberId: kid._id, amountFen: 3_000, status: 'approved' as const }
    const { plan } = settle({ ...base, payer: kid, owner, ownerBonus: { balanceFen: 9_000 }, consent }, [treatment], { useOwnerBalanceFen: 3_000 })
    expect(plan.bonus).toEqual({ ownerId: owner._id, balanceAfterFen: 6_000 })
    expect(plan.consentUsed).toBe(true)
    expect(plan.entries[0]).toMatchObject({ accountId: 'bonus:p_owner', patientId: 'p_kid', memo: expect.stringContaining('小王') })
  })

  test('a bonus the account no longer holds is refused, nothing planned', () => {
    const result = computeBill([treatment], { bonus: { balanceFen: 5_000, useFen: 5_000 } }, P)
    const s = { ...base, bonus: { balanceFen: 4_000 } } // spent elsewhere since the price was computed
    expect(() => settleBill({ billId: 'b', actor: 'a', now, situation: s, payerName: 'x', result, annualOnBill: false, fromOwnerBalance: false }, P))
      .toThrow(expect.objectContaining({ code: 'INSUFFICIENT_BALANCE' }) as DomainError)
  })
})
