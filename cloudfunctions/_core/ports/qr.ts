/**
 * The QR signer port (S1): short-lived signed tokens for member codes (and later friend cards
 * and coupons). A screenshot stops working because the token carries its own expiry.
 */
/**
 * M: a member's code, shown by the member (60 s).
 * F: a friend card's code, shown by its holder (60 s).
 * C: a first-visit coupon's code, shown by the friend (60 s).
 * T: a ticket reception gets when it scans an F or C code: lets that desk bill it for 30 minutes.
 * P: a payer ticket reception gets when it scans an M code: the payer was present (R5, M4 spending).
 * B: a one-time binding code the desk shows; the patient scans it to bind their WeChat (identity).
 * S: a staff invitation an admin hands to a new staff member (72 h; single use by its invitation
 *    document, see usecases/team-invites.ts).
 */
export const QR_KINDS = ['M', 'F', 'C', 'T', 'P', 'B', 'S'] as const
export type QrKind = typeof QR_KINDS[number]

export interface QrClaims { kind: QrKind; subject: string; expiresAt: Date }

export type QrVerdict = { ok: true; claims: QrClaims } | { ok: false; reason: 'invalid' | 'expired' }

export interface QrSigner {
  sign(kind: QrKind, subject: string, now: Date, ttlSeconds: number): { token: string; expiresAt: Date }
  verify(token: string, now: Date): QrVerdict
}
