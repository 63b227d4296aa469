/** Shared input schemas. Unknown event fields (WeChat adds `userInfo`) are ignored, never trusted. */
import { z } from 'zod'
import { CATEGORIES } from '../../../src/domain/policy'
import { PAYMENT_METHODS } from '../../../src/domain/bill/payment'
import { dayjs, isCalendarDay } from '../../../src/domain/clock'
import { MAX_QUANTITY } from '../../../src/domain/pricelist/resolve'

/** ¥1,000,000 is far above any dental bill; anything larger is a typo. */
export const MAX_ITEM_FEN = 100_000_000

export const fen = z.number({ invalid_type_error: 'amount must be a number of fen' })
  .int('amount must be whole fen (no fractions)')
  .nonnegative('amount must not be negative')
  .max(MAX_ITEM_FEN, 'amount is too large')

/**
 * Bounds on what a client makes or sends (issue 10 hardening): no id derived from client input may
 * outgrow what a signed code can carry. A QR subject (adapters/qr/hmac-qr.ts) is at most 64
 * characters of [A-Za-z0-9_-]; a signed token `YY1.<kind>.<subject>.<exp>.<sig>` is therefore at
 * most 4 + 2 + 64 + 13 + 28 = 111 characters.
 */
export const MAX_ID = 64
export const MAX_REQUEST_ID = 40
export const MAX_TOKEN = 128

/** A document id the client names (patient, card, coupon, event…): fits a QR subject as is. */
export const id = z.string().trim().min(1).max(MAX_ID).regex(/^[A-Za-z0-9_-]+$/, 'bad id')

/**
 * A WeChat OPENID (28 characters from WeChat; demo personas are longer words): derived ids such as
 * `ref_wx_<openid>` or `pt_<openid>` stay short. Anything else is no caller at all.
 */
export const OPENID = /^[A-Za-z0-9_-]{1,64}$/
export const isOpenid = (v: unknown): v is string => typeof v === 'string' && OPENID.test(v)

/** A one-off line typed by a director or admin (the domain refuses it from anyone else: BILL_FREE_TEXT_FORBIDDEN). */
export const billItem = z.object({
  name: z.string().trim().min(1).max(60),
  category: z.enum(CATEGORIES),
  amountFen: fen,
}).strict()

/** A price list line (issue 13; M2, F4): the catalogue decides name, price and category, so the line carries none. */
export const catalogueLine = z.object({
  itemId: id,
  quantity: z.number().int('quantity must be a whole number').min(1).max(MAX_QUANTITY).optional(),
}).strict()

export const billRequest = z.object({
  patientId: id,
  items: z.array(z.union([catalogueLine, billItem])).min(1, 'the bill has no items').max(50),
  useBonusFen: fen.optional(),
  friendCardTicket: z.string().trim().min(1).max(MAX_TOKEN).optional(),
  namedMemberCode: z.string().trim().min(1).max(20).optional(),
  useOwnerBalanceFen: fen.optional(),
  ownerConsentId: z.string().trim().min(1).max(64).optional(),
  couponTicket: z.string().trim().min(1).max(MAX_TOKEN).optional(),
  referrerCode: z.string().trim().min(1).max(20).optional(),
  payerTicket: z.string().trim().min(1).max(MAX_TOKEN).optional(),
  storedValueOverride: z.string().trim().min(1).max(120).optional(),
})

/**
 * A client-made id for one tap: a retry or double tap sends the same one (S3). It becomes part of
 * ids (`bill_<r>`, `refund_<r>`, `fc_<r>` — a card id that a signed code carries, `po_bill_<r>`,
 * `task_bill_<r>`), so it is bounded well below MAX_ID.
 */
export const requestId = z.string().regex(new RegExp(`^[A-Za-z0-9_-]{8,${MAX_REQUEST_ID}}$`), `requestId must be 8–${MAX_REQUEST_ID} letters, digits, _ or -`)

/** A bill holds at most 50 items (billRequest), so its total may reach 50 × the item cap. */
export const MAX_BILL_FEN = 50 * MAX_ITEM_FEN

export const confirmBillRequest = billRequest.extend({
  requestId,
  expectedDueFen: z.number().int().nonnegative().max(MAX_BILL_FEN, 'amount is too large'),
  quoteId: z.string().regex(/^q1_[0-9a-f]{16}$/, 'a quote id from the preview').optional(), // issue 13 item 7
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
})

export const empty = z.object({})

/** A share token (32 characters) or a signed code (at most 111, see above). */
export const token = z.string().trim().min(8).max(MAX_TOKEN)

/** N1, N2: a birthday, YYYY-MM-DD, a real calendar date (29 February only in leap years). */
export const birthday = z.string().trim().regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'birthday is YYYY-MM-DD')
  .refine((v) => dayjs(v).format('YYYY-MM-DD') === v, 'birthday is not a calendar date')

/** A mainland mobile number as staff type it: 11 digits. */
export const mobile = z.string().trim().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number, 11 digits')

/** A person's name on a record: 1–30 characters. */
export const personName = z.string().trim().min(1).max(30)

/** A business day, `YYYY-MM-DD`, that exists on the calendar (issue 14: 2026-13-45 is refused, not rolled over). */
export const calendarDay = z.string().trim().refine(isCalendarDay, 'a real calendar day, YYYY-MM-DD')
