/**
 * The referral landing on the compiled mini-program (dist/pages/referral/index), where a shared
 * referral link opens (R1, R2, R6). Cloud calls are answered with canned `Result`s.
 * What the friend sees: the referrer's display name and the offer, nothing else about them (C2),
 * the full rules (C1); the take-coupon button only while the offer is open to this person.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { CouponView, Line, Persona, ReferralOffer, ReferralOfferState, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'
import { DEFAULT_CHAIN } from '../../src/domain/chain-settings'

jest.setTimeout(30_000)

const LANDING = 'pages/referral/index'
const CODE = '100007'

const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const FOR_FRIEND: Line[] = [
  { zh: '首次到店立减¥300.00，另赠漱口水或牙线一份', en: '¥300.00 off your first visit, plus mouthwash or floss' },
  { zh: '领取后1个月内有效，仅限首次就诊的新患者', en: 'Valid 1 month after you take it; for new patients on their first visit' },
  { zh: '每人只能有一位推荐人，以首次有效领取为准', en: 'One referrer per person: the first valid claim counts' },
]

const offer = (state: ReferralOfferState): ReferralOffer => ({
  referrerDisplayName: '赵磊',
  discountFen: 30_000,
  gift: '漱口水或牙线 mouthwash or floss',
  validMonths: 1,
  forFriend: FOR_FRIEND,
  chain: DEFAULT_CHAIN,
  state,
})

const COUPON: CouponView = { couponId: 'cp_1', referrerDisplayName: '赵磊', discountFen: 30_000, gift: '漱口水或牙线 mouthwash or floss', expiresAt: '2026-12-22T15:59:59.999Z', status: 'active' }

const unexpected = (name: string, event: Record<string, unknown>) => ({ ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } })

/** The cloud as the friend's phone sees it. */
const friendCloud = (state: ReferralOfferState, takes: Record<string, unknown>[] = []): CloudHandler => (name, event) => {
  if (name === 'referral' && event.action === 'offer') return ok(offer(state))
  if (name === 'referral' && event.action === 'takeCoupon') {
    takes.push(event)
    return ok(COUPON)
  }
  if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-friend', persona: { kind: 'guest' } satisfies Persona })
  return unexpected(name, event)
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('referral landing on the compiled mini-program (R1, R2, R6, C1, C2)', () => {
  test('available: 赵磊, ¥300.00 and the gift, the validity, the full rules and the take-coupon button', async () => {
    page = await renderPage(LANDING, friendCloud('available'), { c: CODE })
    const p = page
    await p.waitFor(() => p.byId('ref-referrer') !== null, 'the offer')

    expect(p.textOf('ref-referrer')).toBe('赵磊')
    expect(p.textOf('ref-discount')).toBe('¥300.00')
    expect(p.textOf('ref-gift')).toContain('漱口水或牙线')
    expect(p.textOf('ref-validity')).toContain('1 个月')
    expect(p.textOf('offer-state')).toContain('可以领取首诊优惠券')
    const rules = p.textOf('ref-rules') ?? ''
    for (const line of FOR_FRIEND) {
      expect(rules).toContain(line.zh)
      expect(rules).not.toContain(line.en) // one language on screen (issue 12)
    }
    expect(p.byId('take-coupon')).not.toBeNull()
    expect(p.textOf('take-coupon')).toContain('领取首诊优惠券')
    expect(p.byId('error-banner')).toBeNull()
    // The code comes from the page query `c`, exactly, and it is the only thing asked.
    expect(p.calls).toEqual([{ name: 'referral', data: { action: 'offer', code: CODE } }])
  })

  test('tapping take-coupon sends the code and a device hint; the coupon is then the friend\'s', async () => {
    const takes: Record<string, unknown>[] = []
    page = await renderPage(LANDING, friendCloud('available', takes), { c: CODE })
    const p = page
    await p.waitFor(() => p.byId('take-coupon') !== null, 'the take-coupon button')
    await p.tap('take-coupon')
    await p.waitFor(() => p.byId('goto-coupon') !== null, 'the taken state')

    expect(takes).toHaveLength(1)
    expect(takes[0]).toMatchObject({ action: 'takeCoupon', code: CODE })
    expect(Object.keys(takes[0]).sort()).toEqual(expect.arrayContaining(['action', 'code']))
    if ('device' in takes[0]) expect(String(takes[0].device).length).toBeLessThanOrEqual(80)
    expect(p.textOf('offer-state')).toContain('已领取')
    expect(p.byId('take-coupon')).toBeNull()
  })

  test('existing patient: says the offer is for new patients, and offers no button', async () => {
    page = await renderPage(LANDING, friendCloud('existing_patient'), { c: CODE })
    const p = page
    await p.waitFor(() => p.byId('offer-state') !== null, 'the offer state')

    expect(p.textOf('offer-state')).toContain('您已是本院患者')
    expect(p.byId('take-coupon')).toBeNull()
    expect(p.textOf('ref-referrer')).toBe('赵磊')
    expect(p.calls).toEqual([{ name: 'referral', data: { action: 'offer', code: CODE } }])
  })

  test('own code and already taken elsewhere: clear texts, no button', async () => {
    page = await renderPage(LANDING, friendCloud('own'), { c: CODE })
    let p = page
    await p.waitFor(() => p.byId('offer-state') !== null, 'the offer state')
    expect(p.textOf('offer-state')).toContain('这是您自己的推荐码')
    expect(p.byId('take-coupon')).toBeNull()
    expect(p.byId('goto-referral-card')).not.toBeNull()
    p.close()

    page = await renderPage(LANDING, friendCloud('taken'), { c: CODE })
    p = page
    await p.waitFor(() => p.byId('offer-state') !== null, 'the offer state')
    expect(p.textOf('offer-state')).toContain('每人限一位推荐人')
    expect(p.byId('take-coupon')).toBeNull()
  })

  test('R1: the poster\'s mini-program code opens the page with `scene` (URL-encoded c=<code>), read as the code', async () => {
    page = await renderPage(LANDING, friendCloud('available'), { scene: encodeURIComponent('c=DKH87NJG') })
    const p = page
    await p.waitFor(() => p.byId('ref-referrer') !== null, 'the offer')
    expect(p.calls).toEqual([{ name: 'referral', data: { action: 'offer', code: 'DKH87NJG' } }])
    expect(p.byId('take-coupon')).not.toBeNull()
  })

  test('a link without a code says so instead of asking the cloud', async () => {
    page = await renderPage(LANDING, friendCloud('available'), {})
    const p = page
    await p.waitFor(() => p.byId('error-banner') !== null, 'the error banner')
    expect(p.textOf('error-banner')).toContain('链接不完整')
    expect(p.calls).toEqual([])
  })
})
