import { deskPrompts, PROMPT_DAYS } from './prompts'

const now = new Date('2026-11-22T02:00:00Z')
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString()
const kinds = (f: Parameters<typeof deskPrompts>[0]) => deskPrompts(f).map((p) => p.kind)

describe('desk prompts (R7, Q1, F1)', () => {
  test('a recent promoter is asked to refer; an old rating no longer counts', () => {
    expect(kinds({ now, lastRating: { sentiment: 'promoter', at: daysAgo(3) }, bonusFen: 100, returning: true })).toEqual(['ask_referral'])
    expect(kinds({ now, lastRating: { sentiment: 'promoter', at: daysAgo(PROMPT_DAYS + 1) }, bonusFen: 100, returning: true })).toEqual([])
  })
  test('a dissatisfied patient is routed to follow-up and nothing else, whatever else holds', () => {
    expect(kinds({ now, lastRating: { sentiment: 'detractor', at: daysAgo(60) }, unsentCard: true, bonusFen: 0, returning: true, payment: { paidFen: 100, memberAfter: true } })).toEqual(['follow_up'])
  })
  test('on a member\'s receipt: a friend card may be issued (F1); a regular with no bonus hears how to earn one', () => {
    expect(kinds({ now, bonusFen: 0, returning: true, payment: { paidFen: 30_000, memberAfter: true } })).toEqual(['issue_card', 'zero_bonus'])
    expect(kinds({ now, bonusFen: 0, returning: false, payment: { paidFen: 30_000, memberAfter: false } })).toEqual([])
    expect(kinds({ now, bonusFen: 500, returning: true, unsentCard: true })).toEqual(['offer_cards'])
    expect(kinds({ now, returning: true, payment: { paidFen: 30_000, memberAfter: false } })).toEqual([]) // balance not read: no guess
  })
})
