/** Issue 10: the pure rules of proven identity — display names, referral codes, phone codes, windows. */
import { cleanDisplayName, defaultDisplayName } from './public-name'
import { isReferralCode, normalizeReferralCode, referralCodeFrom, REFERRAL_CODE_ALPHABET } from './referral-code'
import { checkCode, EMPTY_STATE, MAX_TRIES, normalizePhone, planSend, provenPhone } from './phone-code'
import { LOOKUP_RULE, rateDocId } from './rate-limit'

const t0 = new Date('2026-12-01T02:00:00Z')
const at = (s: number) => new Date(t0.getTime() + s * 1000)

describe('display names (R1, C2)', () => {
  test('the default keeps the surname only, compound surnames too', () => {
    expect(defaultDisplayName('李明')).toBe('李*')
    expect(defaultDisplayName('欧阳娜娜')).toBe('欧阳*')
    expect(defaultDisplayName('Anna')).toBe('A*')
  })
  test('a chosen name is 1–12 characters with no phone number in it', () => {
    expect(cleanDisplayName('  赵哥  ')).toBe('赵哥')
    expect(cleanDisplayName('')).toBeNull()
    expect(cleanDisplayName('一二三四五六七八九十一二三')).toBeNull()
    expect(cleanDisplayName('赵 139 1234 5678')).toBeNull()
  })
})

describe('referral codes (R1)', () => {
  test('8 characters, no look-alikes, from random bytes; bytes that would skew the draw are skipped', () => {
    const code = referralCodeFrom(Uint8Array.from([0, 1, 2, 3, 255, 4, 5, 6, 7]))!
    expect(code).toHaveLength(8)
    expect(code).not.toContain(REFERRAL_CODE_ALPHABET[255 % REFERRAL_CODE_ALPHABET.length] + 'X')
    expect(isReferralCode(code)).toBe(true)
    expect(/[01ILO]/.test(REFERRAL_CODE_ALPHABET)).toBe(false)
    expect(referralCodeFrom(Uint8Array.from([1, 2, 3]))).toBeNull()
  })
  test('a code read aloud or copied with spaces still matches; a record number is not a code', () => {
    expect(normalizeReferralCode('dkh8 7njg')).toBe('DKH87NJG')
    expect(isReferralCode('100007')).toBe(false)
  })
})

describe('phone codes', () => {
  test('mainland numbers, with or without +86 and spaces', () => {
    expect(normalizePhone('+86 139 1234 5678')).toBe('13912345678')
    expect(normalizePhone('1391234567')).toBeNull()
    expect(normalizePhone('23912345678')).toBeNull()
  })
  test('one send a minute, five an hour', () => {
    let s = EMPTY_STATE
    for (let i = 0; i < 5; i++) {
      const r = planSend(s, '13912345678', 'h', at(i * 61))
      expect(r.ok).toBe(true)
      if (r.ok) s = r.state
    }
    expect(planSend(s, '13912345678', 'h', at(4 * 61 + 10))).toEqual({ ok: false, reason: 'too_soon' })
    expect(planSend(s, '13912345678', 'h', at(6 * 61))).toEqual({ ok: false, reason: 'hourly_cap' })
    expect(planSend(s, '13912345678', 'h', at(3601)).ok).toBe(true)
  })
  test('the right code within 5 minutes proves the phone for 10; wrong tries lock it; another phone is no code', () => {
    const sent = planSend(EMPTY_STATE, '13912345678', 'good', t0)
    if (!sent.ok) throw new Error('not sent')
    expect(checkCode(sent.state, '13800000000', 'good', at(10))).toMatchObject({ ok: false, reason: 'no_code' })
    expect(checkCode(sent.state, '13912345678', 'good', at(301))).toMatchObject({ ok: false, reason: 'expired' })
    let s = sent.state
    for (let i = 0; i < MAX_TRIES; i++) {
      const r = checkCode(s, '13912345678', 'bad', at(10))
      expect(r).toMatchObject({ ok: false, reason: 'wrong' })
      s = r.state
    }
    expect(checkCode(s, '13912345678', 'good', at(20))).toMatchObject({ ok: false, reason: 'locked' })
    const ok = checkCode(sent.state, '13912345678', 'good', at(30))
    expect(ok.ok).toBe(true)
    expect(provenPhone(ok.state, at(30 + 600))).toBe('13912345678')
    expect(provenPhone(ok.state, at(30 + 601))).toBeNull()
    expect(checkCode(ok.state, '13912345678', 'good', at(40))).toMatchObject({ ok: false, reason: 'no_code' }) // spent
  })
})

test('rate windows: one document per caller, action and window', () => {
  expect(rateDocId('lookup', 'wx1', t0, LOOKUP_RULE)).toBe(rateDocId('lookup', 'wx1', at(1), LOOKUP_RULE))
  expect(rateDocId('lookup', 'wx1', t0, LOOKUP_RULE)).not.toBe(rateDocId('lookup', 'wx1', at(600), LOOKUP_RULE))
})
