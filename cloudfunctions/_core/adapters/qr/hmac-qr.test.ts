import { HmacQrSigner } from './hmac-qr'

const key = 'k'.repeat(40)
const t0 = new Date('2026-11-22T02:00:00Z')

describe('signed short-lived QR tokens (S1)', () => {
  const signer = new HmacQrSigner(key)
  test('a fresh token verifies and names its subject', () => {
    const { token } = signer.sign('M', 'pat_1', t0, 60)
    expect(signer.verify(token, new Date(t0.getTime() + 59_000))).toMatchObject({ ok: true, claims: { kind: 'M', subject: 'pat_1' } })
  })
  test('a screenshot older than its lifetime is refused as expired', () => {
    const { token } = signer.sign('M', 'pat_1', t0, 60)
    expect(signer.verify(token, new Date(t0.getTime() + 61_000))).toEqual({ ok: false, reason: 'expired' })
  })
  test('a tampered subject, expiry or signature, or another key, is invalid', () => {
    const { token } = signer.sign('M', 'pat_1', t0, 60)
    const [v, k, , exp, sig] = token.split('.')
    expect(signer.verify([v, k, 'pat_2', exp, sig].join('.'), t0).ok).toBe(false)
    expect(signer.verify([v, k, 'pat_1', String(Number(exp) + 3600), sig].join('.'), t0).ok).toBe(false)
    expect(signer.verify(token.slice(0, -2) + 'xx', t0).ok).toBe(false)
    expect(new HmacQrSigner('z'.repeat(40)).verify(token, t0)).toEqual({ ok: false, reason: 'invalid' })
    expect(signer.verify('garbage', t0)).toEqual({ ok: false, reason: 'invalid' })
  })
})
