import { DEFAULT_POLICY as P } from '../policy'
import { computeBill, type BillItem } from './engine'
import { quoted, quoteIdOf, type QuoteParties } from './quote'

const extraction: BillItem = { name: '拔牙', category: 'treatment', amountFen: 30_000 }
const floss: BillItem = { name: '牙线', category: 'oral_care_product', amountFen: 8_000 }
const parties: QuoteParties = { payerId: 'pat_a', cardId: 'fc1', couponId: null, firstVisit: false, namedMemberId: null, fromOwnerBalance: false }
const card = { friendCard: { id: 'fc1', balanceFen: 50_000 } }

describe('the quote a confirmation must name (issue 13 item 7, S2/S3)', () => {
  const base = computeBill([extraction, floss], card, P)
  const id = quoteIdOf(parties, base)

  test('the same bill for the same payer and holdings is the same quote, however often it is computed', () => {
    expect(quoteIdOf({ ...parties }, computeBill([extraction, floss], card, P))).toBe(id)
    expect(id).toMatch(/^q1_[0-9a-f]{16}$/)
  })

  test('the preview answer carries the bill unchanged with its quote id', () => {
    const q = quoted(parties, base)
    expect(q).toEqual({ ...base, quoteId: id })
  })

  test('a price change is a new quote (the admin edited the price list meanwhile)', () => {
    expect(quoteIdOf(parties, computeBill([{ ...extraction, amountFen: 35_000 }, floss], card, P))).not.toBe(id)
  })

  test('a smaller card balance changes what the card pays, so the quote (F4)', () => {
    expect(quoteIdOf(parties, computeBill([extraction, floss], { friendCard: { id: 'fc1', balanceFen: 10_000 } }, P))).not.toBe(id)
  })

  test('another payer, card, coupon, named member or the owner\'s balance is another quote (R2, M4, M5)', () => {
    const others: Array<Partial<QuoteParties>> = [
      { payerId: 'pat_b' }, { cardId: 'fc2' }, { couponId: 'cp1' }, { firstVisit: true }, { namedMemberId: 'pat_m' }, { fromOwnerBalance: true },
    ]
    const ids = others.map((o) => quoteIdOf({ ...parties, ...o }, base))
    expect(new Set([id, ...ids]).size).toBe(others.length + 1)
  })

  test('a new policy version is a new quote, even when the amounts are the same', () => {
    expect(quoteIdOf(parties, { ...base, policyVersion: base.policyVersion + 1 })).not.toBe(id)
  })

  test('the notes shown on the bill do not change the quote (they are words, not money)', () => {
    expect(quoteIdOf(parties, { ...base, notes: [...base.notes, { zh: '首诊赠品', en: 'gift' }] })).toBe(id)
  })
})
