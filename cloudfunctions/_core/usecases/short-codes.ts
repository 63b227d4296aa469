/**
 * S1: the 18-digit short code issued with every short-lived QR token (member, friend card and
 * coupon codes), for a desk that types it or reads its barcode. The code is random digits from
 * crypto with a Damm check digit (src/domain/codes/short-code.ts); the server keeps code → token
 * in `shortCodes` with the token's own expiry, so a code means exactly what its token means:
 * a member code may be shown again until it lapses, a friend card code works once — whichever of
 * the two (QR or digits) reaches the desk first uses it up (the token's single use, usedCodes).
 *
 * Lookups are by `_id` and check the expiry, so a lapsed entry is harmless; the daily job's expiry
 * step deletes lapsed ones by the `expiresAt` index (daily/expiry.ts, docs/architecture.md).
 */
import { randomInt } from 'node:crypto'
import { DomainError } from '../../../src/domain/errors'
import { readShortCode, shortCodeFrom, SHORT_CODE_RANDOM_DIGITS } from '../../../src/domain/codes/short-code'
import { isStoreError } from '../ports/store'
import type { Deps } from '../deps'
import { C, type ShortCodeDoc } from '../model'

/** A fresh collision is one in 10^17 per live code; a few tries cover even a lapsed entry left behind. */
const ISSUE_TRIES = 4

function randomDigits(n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += String(randomInt(10))
  return out
}

/** A new short code for this token, valid as long as the token. One write, keyed by the code. */
export async function issueShortCode(deps: Deps, token: string, expiresAt: Date): Promise<string> {
  const kind = token.split('.')[1] ?? ''
  for (let attempt = 0; attempt < ISSUE_TRIES; attempt++) {
    const code = shortCodeFrom(randomDigits(SHORT_CODE_RANDOM_DIGITS))
    try {
      await deps.store.create<ShortCodeDoc>(C.shortCodes, { _id: code, kind, token, expiresAt: expiresAt.toISOString(), createdAt: deps.clock.now().toISOString() })
      return code
    } catch (e) {
      if (!isStoreError(e, 'DUPLICATE')) throw e
    }
  }
  throw new DomainError('INTERNAL')
}

/**
 * What the desk typed or scanned, as the text the existing readers take: a short code becomes the
 * token it was issued with; anything else (a QR token, a record number) is passed on as it is.
 * A typo is refused by the check digit before any lookup; an unknown code is invalid; a lapsed one
 * expired (as a screenshot of the QR would be).
 */
export async function deskCodeToToken(deps: Deps, input: string): Promise<string> {
  const reading = readShortCode(input)
  if (reading.kind === 'other') return input.trim()
  if (reading.kind === 'mistyped') throw new DomainError('CODE_MISTYPED')
  const doc = await deps.store.get<ShortCodeDoc>(C.shortCodes, reading.code)
  if (!doc) throw new DomainError('CODE_INVALID')
  if (deps.clock.now().toISOString() > doc.expiresAt) throw new DomainError('CODE_EXPIRED')
  return doc.token
}
