import { landingAt, landingOf, shareLink } from './landings'

describe('friend landings and the links that open them (issue 12, speed)', () => {
  test('a shared card or referral link on H5 goes to the light entry, with the same parameter', () => {
    expect(shareLink('pages/card/claim/index?t=demo-share-token-new-card-0001', 'https://c.example')).toBe('https://c.example/l/card.html?t=demo-share-token-new-card-0001')
    expect(shareLink('/pages/referral/index?c=DKH87NJG', 'https://c.example')).toBe('https://c.example/l/referral.html?c=DKH87NJG')
    expect(shareLink('pages/referral/index?c=a b&x=1', '')).toBe('/l/referral.html?c=a%20b')
  })

  test('any other page, or a landing path without its parameter, stays in the app', () => {
    expect(shareLink('pages/family/join/index?i=abc', 'https://c.example')).toBe('https://c.example/#/pages/family/join/index?i=abc')
    expect(shareLink('pages/card/claim/index', 'https://c.example')).toBe('https://c.example/#/pages/card/claim/index')
    expect(landingOf('pages/card/claim/index?c=DKH87NJG')).toBeNull()
  })

  test('the light entry finds its landing by its own path', () => {
    expect(landingAt('/l/card.html')?.fn).toBe('friendcard')
    expect(landingAt('/l/referral.html')?.fn).toBe('referral')
    expect(landingAt('/l/other.html')).toBeUndefined()
  })
})
