/**
 * Q1, R7: after a visit the patient rates it 0–10 (the "would you recommend us" question).
 * Promoters (9–10) are invited to refer; detractors (0–6) get a follow-up task and are never asked
 * (seeds 001, 002); passives (7–8) neither.
 */
export type Sentiment = 'promoter' | 'passive' | 'detractor'

export function sentimentOf(score: number): Sentiment {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`score must be 0..10, got ${score}`)
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
}
