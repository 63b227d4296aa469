/**
 * R7 (seed 003 step 10), Q1, F1: what the desk is prompted to say to the patient in front of it —
 * when the patient is scanned, and again on the receipt of a payment. One rule for both moments.
 * A dissatisfied patient is routed to follow-up and never asked to refer (seeds 001, 002).
 */
import type { Sentiment } from './satisfaction'

export type PromptKind = 'ask_referral' | 'offer_cards' | 'zero_bonus' | 'issue_card' | 'follow_up'
export interface DeskPrompt { kind: PromptKind; zh: string; en: string }

/** How long a rating counts: an old "very satisfied" is not today's. */
export const PROMPT_DAYS = 30

export interface PromptFacts {
  now: Date
  lastRating?: { sentiment: Sentiment; at: string }
  /** The patient holds a friend card they have not sent yet (known at the scan only). */
  unsentCard?: boolean
  /** The bonus balance, when known (a bill that spends no bonus does not read it). */
  bonusFen?: number
  /** A regular patient: has paid before (or just now). */
  returning: boolean
  /** On a payment's receipt: the money paid now, and whether the payer is a member after it (F1). */
  payment?: { paidFen: number; memberAfter: boolean }
}

const TEXT: Record<PromptKind, Omit<DeskPrompt, 'kind'>> = {
  follow_up: { zh: '患者上次评价不满意：请勿邀请推荐，先安排回访', en: 'The patient was dissatisfied last time: do not ask for referrals; arrange a follow-up first' },
  ask_referral: { zh: '患者满意，请邀请其推荐亲友，并介绍推荐卡', en: 'A satisfied patient: ask for a referral and offer the referral card' },
  offer_cards: { zh: '患者有未送出的亲友卡，可提醒分享', en: 'The patient has a friend card not sent yet: remind them to share it' },
  issue_card: { zh: '若会员治疗已过半或已完成，可为其发放亲友卡', en: 'If the member\'s treatment is half done or finished, a friend card may be issued' },
  zero_bonus: { zh: '奖励金为零：可介绍推荐有礼', en: 'Bonus balance is zero: tell them how referrals earn one' },
}

const prompt = (kind: PromptKind): DeskPrompt => ({ kind, ...TEXT[kind] })

export function deskPrompts(f: PromptFacts): DeskPrompt[] {
  const rating = f.lastRating
  const fresh = rating !== undefined && f.now.getTime() - Date.parse(rating.at) < PROMPT_DAYS * 86_400_000
  if (rating?.sentiment === 'detractor') return [prompt('follow_up')] // Q1: routed, never asked
  const out: DeskPrompt[] = []
  if (rating?.sentiment === 'promoter' && fresh) out.push(prompt('ask_referral'))
  if (f.unsentCard) out.push(prompt('offer_cards'))
  if (f.payment && f.payment.paidFen > 0 && f.payment.memberAfter) out.push(prompt('issue_card')) // F1: to members, by staff
  if (f.bonusFen === 0 && f.returning) out.push(prompt('zero_bonus'))
  return out
}
