/**
 * The QR signer port (S1): short-lived signed tokens for member codes (and later friend cards
 * and coupons). A screenshot stops working because the token carries its own expiry.
 */
export type QrKind = 'M' // member code; more kinds come with cards and coupons

export interface QrClaims { kind: QrKind; subject: string; expiresAt: Date }

export type QrVerdict = { ok: true; claims: QrClaims } | { ok: false; reason: 'invalid' | 'expired' }

export interface QrSigner {
  sign(kind: QrKind, subject: string, now: Date, ttlSeconds: number): { token: string; expiresAt: Date }
  verify(token: string, now: Date): QrVerdict
}
