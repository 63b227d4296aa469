/**
 * QR tokens signed with HMAC-SHA256: `YY1.<kind>.<subject>.<exp>.<sig>`. The key is configuration
 * (YAYOU_QR_SECRET on CloudBase; a random key in the local data folder), never in the repo.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { QR_KINDS, type QrKind, type QrSigner, type QrVerdict } from '../../ports/qr'

const KINDS: readonly QrKind[] = QR_KINDS
const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/

export class HmacQrSigner implements QrSigner {
  constructor(private readonly key: string) {
    if (key.length < 32) throw new Error('QR signing key must be at least 32 characters')
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 27)
  }

  sign(kind: QrKind, subject: string, now: Date, ttlSeconds: number) {
    if (!SUBJECT.test(subject)) throw new Error(`bad QR subject ${subject}`)
    const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
    const body = `YY1.${kind}.${subject}.${exp}`
    return { token: `${body}.${this.mac(body)}`, expiresAt: new Date(exp * 1000) }
  }

  verify(token: string, now: Date): QrVerdict {
    const parts = typeof token === 'string' ? token.trim().split('.') : []
    if (parts.length !== 5 || parts[0] !== 'YY1') return { ok: false, reason: 'invalid' }
    const [, kind, subject, expText, sig] = parts
    if (!KINDS.includes(kind as QrKind) || !SUBJECT.test(subject) || !/^\d{1,12}$/.test(expText)) return { ok: false, reason: 'invalid' }
    const want = Buffer.from(this.mac(`YY1.${kind}.${subject}.${expText}`))
    const got = Buffer.from(sig)
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'invalid' }
    const expiresAt = new Date(Number(expText) * 1000)
    if (now.getTime() > expiresAt.getTime()) return { ok: false, reason: 'expired' }
    return { ok: true, claims: { kind: kind as QrKind, subject, expiresAt } }
  }
}
