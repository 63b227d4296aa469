/** Shared input schemas. Unknown event fields (WeChat adds `userInfo`) are ignored, never trusted. */
import { z } from 'zod'
import { CATEGORIES } from '../../../src/domain/policy'
import { dayjs } from '../../../src/domain/clock'

/** ¥1,000,000 is far above any dental bill; anything larger is a typo. */
export const MAX_ITEM_FEN = 100_000_000

export const fen = z.number({ invalid_type_error: 'amount must be a number of fen' })
  .int('amount must be whole fen (no fractions)')
  .nonnegative('amount must not be negative')
  .max(MAX_ITEM_FEN, 'amount is too large')

export const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'bad id')

export const billItem = z.object({
  name: z.string().trim().min(1).max(60),
  category: z.enum(CATEGORIES),
  amountFen: fen,
})

export const billRequest = z.object({
  patientId: id,
  items: z.array(billItem).min(1, 'the bill has no items').max(50),
  useBonusFen: fen.optional(),
  friendCardTicket: z.string().trim().min(1).max(300).optional(),
  namedMemberCode: z.string().trim().min(1).max(20).optional(),
  useOwnerBalanceFen: fen.optional(),
  ownerConsentId: z.string().trim().min(1).max(64).optional(),
  couponTicket: z.string().trim().min(1).max(300).optional(),
  referrerCode: z.string().trim().min(1).max(20).optional(),
})

export const confirmBillRequest = billRequest.extend({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId must be 8–64 letters, digits, _ or -'),
  expectedDueFen: fen,
})

export const empty = z.object({})

/** A client-made id for one tap: a retry or double tap sends the same one (S3). */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId must be 8–64 letters, digits, _ or -')

export const token = z.string().trim().min(8).max(300)

/** N1, N2: a birthday, YYYY-MM-DD, a real calendar date (29 February only in leap years). */
export const birthday = z.string().trim().regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'birthday is YYYY-MM-DD')
  .refine((v) => dayjs(v).format('YYYY-MM-DD') === v, 'birthday is not a calendar date')
