/**
 * The friend's landing page on the compiled mini-program (dist/pages/card/claim/index), where a
 * shared friend card link opens (F3). Cloud calls are answered with canned `Result`s.
 * What the friend sees: the giver's display name and nothing else about them (C2), the offer and
 * the full rules (C1); the claim button only while the card can be claimed.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { CardAvailability, CardOffer, CardRules, Persona, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'
import { DEFAULT_CHAIN } from '../../src/domain/chain-settings'

jest.setTimeout(30_000)

const CLAIM = 'pages/card/claim/index'
const TOKEN = 'tok-XyZ_0123456789-share'

const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const RULES: CardRules = {
  faceValueFen: 60_000,
  validMonths: 3,
  excludedCategories: ['special_price', 'oral_care_product', 'membership_fee'],
  lines: [
    { zh: '面值¥600.00，可用于任何人的任何治疗项目', en: 'Worth ¥600.00, for any treatment, for anyone' },
    { zh: '不可用于特价项目、口腔护理产品', en: 'Not for special-price item or oral-care product' },
    { zh: '可分次使用，余额留在卡内；不兑现、不找零', en: 'Use it in parts; the rest stays on the card. No cash, no change' },
    { zh: '自发卡起3个月内有效；到店登记后不再过期', en: 'Valid 3 months from issue; once you register at the clinic it no longer expires' },
    { zh: '赠卡是诊所的礼物，不出售', en: 'The card is a gift from the clinic and is never sold' },
  ],
}

const offer = (availability: CardAvailability): CardOffer => ({
  giverDisplayName: '周婷',
  faceValueFen: 60_000,
  balanceFen: availability === 'available' ? 60_000 : 0,
  expiresAt: '2027-02-21T15:59:59.999Z', // 2027-02-21 23:59:59.999 in the clinic's zone
  rules: RULES,
  availability,
  chain: DEFAULT_CHAIN,
})

/** The cloud as the friend's phone sees it: a WeChat user who is not a patient. */
const friendCloud = (availability: CardAvailability): CloudHandler => (name, event) => {
  if (name === 'friendcard' && event.action === 'offer') return ok(offer(availability))
  if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-friend', persona: { kind: 'guest' } satisfies Persona })
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('friend card landing page on the compiled mini-program (F3, C1, C2)', () => {
  test('available: the giver\'s display name, ¥600.00, the expiry, the full rules and the claim button', async () => {
    page = await renderPage(CLAIM, friendCloud('available'), { t: TOKEN })
    const p = page
    await p.waitFor(() => p.byId('offer-giver') !== null, 'the offer')

    expect(p.textOf('offer-giver')).toBe('周婷')
    expect(p.textOf('offer-value')).toBe('¥600.00')
    expect(p.textOf('offer-balance')).toContain('¥600.00')
    expect(p.textOf('offer-expiry')).toContain('2027-02-21')
    expect(p.textOf('offer-state')).toContain('可以领取')
    // C1: every rule line before the friend claims, in Chinese (the default language).
    const rules = p.textOf('offer-rules') ?? ''
    for (const line of RULES.lines) {
      expect(rules).toContain(line.zh)
      expect(rules).not.toContain(line.en) // one language on screen (issue 12)
    }
    expect(p.byId('claim-btn')).not.toBeNull()
    expect(p.textOf('claim-btn')).toContain('领取')
    expect(p.byId('card-taken')).toBeNull()
    expect(p.byId('error-banner')).toBeNull()

    // The token comes from the page query `t`, exactly, and it is the only thing asked.
    expect(p.calls).toEqual([{ name: 'friendcard', data: { action: 'offer', token: TOKEN } }])
  })

  test('seed 003\'s chain (issue 14): the value in roubles and the expiry on its Moscow day, from the offer itself', async () => {
    const moscow = { ...offer('available'), expiresAt: '2027-02-21T20:59:59.999Z', chain: { currency: 'RUB', timezone: 'Europe/Moscow', utcOffsetMinutes: 180 } } satisfies CardOffer
    page = await renderPage(CLAIM, (name, event) => (name === 'friendcard' && event.action === 'offer' ? ok(moscow) : friendCloud('available')(name, event)), { t: TOKEN })
    const p = page
    await p.waitFor(() => p.byId('offer-value') !== null, 'the offer')
    expect(p.textOf('offer-value')).toBe('600.00 ₽')
    expect(p.textOf('offer-balance')).toContain('600.00 ₽')
    expect(p.textOf('offer-expiry')).toContain('2027-02-21') // 23:59 in Moscow; Beijing time would say the 22nd
  })

  test('taken: says so, and offers no claim button', async () => {
    page = await renderPage(CLAIM, friendCloud('taken'), { t: TOKEN })
    const p = page
    await p.waitFor(() => p.byId('offer-state') !== null, 'the offer state')

    expect(p.byId('card-taken')).not.toBeNull()
    expect(p.textOf('card-taken')).toContain('这张卡已被领取')
    expect(p.textOf('offer-state')).toContain('已被领取')
    expect(p.byId('claim-btn')).toBeNull()
    expect(p.byId('offer-balance')).toBeNull() // nothing left for this friend
    expect(p.textOf('offer-giver')).toBe('周婷')
    expect(p.calls).toEqual([{ name: 'friendcard', data: { action: 'offer', token: TOKEN } }])
  })

  test('tapping claim sends the same token and, with no reminder template in the build, no consent', async () => {
    const claims: Record<string, unknown>[] = []
    page = await renderPage(CLAIM, (name, event) => {
      if (name === 'friendcard' && event.action === 'claim') {
        claims.push(event)
        return ok({ ...offer('yours'), balanceFen: 60_000, cardId: 'fc_1' })
      }
      return friendCloud('available')(name, event)
    }, { t: TOKEN })
    const p = page
    await p.waitFor(() => p.byId('claim-btn') !== null, 'the claim button')
    await p.tap('claim-btn')
    await p.waitFor(() => p.byId('goto-card-code') !== null, 'the claimed state')

    expect(claims).toEqual([{ action: 'claim', token: TOKEN, acceptReminders: false }])
    expect(p.textOf('offer-state')).toContain('已领取')
    expect(p.byId('claim-btn')).toBeNull()
  })

  test('a link without a token says so instead of asking the cloud', async () => {
    page = await renderPage(CLAIM, friendCloud('available'), {})
    const p = page
    await p.waitFor(() => p.byId('error-banner') !== null, 'the error banner')
    expect(p.textOf('error-banner')).toContain('链接不完整')
    expect(p.calls).toEqual([])
  })
})
