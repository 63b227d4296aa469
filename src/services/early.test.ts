import { landingRequest, takeEarly } from './early'

describe('early requests of the landing pages (issue 12, speed)', () => {
  test('a shared card link asks for the card offer; a referral link for the referral offer', () => {
    expect(landingRequest('#/pages/card/claim/index?t=demo-share-token-new-card-0001&as=demo-friend'))
      .toEqual({ fn: 'friendcard', action: 'offer', input: { token: 'demo-share-token-new-card-0001' } })
    expect(landingRequest('#/pages/referral/index?c=DKH87NJG')).toEqual({ fn: 'referral', action: 'offer', input: { code: 'DKH87NJG' } })
  })

  test('any other page, or a landing link without its parameter, asks for nothing early', () => {
    expect(landingRequest('#/pages/index/index')).toBeNull()
    expect(landingRequest('#/pages/card/claim/index')).toBeNull()
    expect(landingRequest('#/pages/card/claim/index?c=DKH87NJG')).toBeNull()
    expect(landingRequest('')).toBeNull()
  })

  test('nothing started (not H5 here): a page asks for itself', () => {
    expect(takeEarly('friendcard', 'offer', { token: 'x' })).toBeUndefined()
  })
})
