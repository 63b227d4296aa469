/** Referral (R1–R10, Q1): what the referral function answers. Re-exported by contract.ts. */
import type { DeskPrompt } from '../domain/referral/prompts'
import type { ChainSettings } from '../domain/chain-settings'

export type Line = { zh: string; en: string }

/** R1, C1: the card a patient shares, with the full rules for both sides. */
/** R1: a code image to draw on the referral poster; base64 without a data-URL prefix. */
export interface PosterCodeImage { kind: 'wxacode' | 'qr'; mime: 'image/png' | 'image/jpeg'; base64: string }
export interface ReferralCard { code: string; referrerDisplayName: string; path: string; title: string; forFriend: Line[]; forReferrer: Line[] }
export type ReferralOfferState = 'available' | 'own' | 'existing_patient' | 'taken' | 'yours'
/** `chain` (issue 14): the friend sees the offer in the chain's currency before any whoami. */
export interface ReferralOffer { referrerDisplayName: string; discountFen: number; gift: string; validMonths: number; forFriend: Line[]; state: ReferralOfferState; couponId?: string; chain: ChainSettings }
export interface CouponView { couponId: string; referrerDisplayName: string; discountFen: number; gift: string; expiresAt: string; status: 'active' | 'used' | 'expired' }
export interface ScannedCoupon { couponId: string; ticket: string; holderName: string; holderPatientId?: string; discountFen: number; gift: string; expiresAt: string; referrerDisplayName: string }

export interface MyReferrals {
  card: ReferralCard
  friends: Array<{ friendName: string; state: 'claimed' | 'paid'; rewardFen: number; at: string }>
  bonusBalanceFen: number
  payoutsDueFen: number
}
export type Prompt = DeskPrompt
export interface RatingResult { sentiment: 'promoter' | 'passive' | 'detractor'; askToRefer: boolean; followUpTaskId?: string }
export interface LeaderRow { rank: number; referrerName: string; code: string; validReferrals: number; referredRevenueFen: number }
export interface SheetRow {
  referrerCode: string; referrerName: string; maskedPhone: string; friendName: string; billId: string; paidFen: number
  bonusFen: number; shareFen: number; payoutId?: string; payoutFen: number; payoutStatus?: 'due' | 'paid' | 'void'
}
/** R9: the evening sheet (its CSV and XLSX are made by the page, src/staff/export). */
export interface DaySheet { date: string; rows: SheetRow[]; payoutsToMakeFen: number }
export interface AuditReport {
  from: string; to: string
  rewards: Array<{ entryId: string; at: string; referrerName: string; kind: string; amountFen: number; billId?: string }>
  payments: Array<{ billId: string; at: string; friendName: string; paidFen: number; refundedFen: number }>
  anomalies: Array<{ kind: string; ids: string[]; zh: string; en: string }>
}
export interface PayoutView { payoutId: string; referrerName: string; amountFen: number; status: 'due' | 'paid' | 'void'; method?: string; reference?: string; paidAt?: string }
export interface FollowUpTask { taskId: string; patientName: string; billId: string; score: number; comment?: string; status: 'open' | 'done'; createdAt: string }
export interface PartnerView { partnerId: string; code: string; name: string; consultantName: string; deals: number; commissionDueFen: number; commissionPaidFen: number }
