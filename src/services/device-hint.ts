/**
 * R6 on H5: a hint of the browser a coupon is taken on — a short hash of its user agent, never the
 * raw string — so the director's audit can flag many referrals from one device. No Taro here: the
 * light landing (src/landing) sends it too. weapp sends the phone model (pages/referral/shared.tsx).
 */

/** FNV-1a, 32 bit, as hex: a short, stable fingerprint. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** `h5-<hash>` of the user agent, or '' (not sent) when there is none. */
export function h5DeviceHint(ua = typeof navigator !== 'undefined' ? navigator.userAgent : ''): string {
  return ua ? `h5-${fnv1a(ua)}` : ''
}
