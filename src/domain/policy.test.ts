import { DEFAULT_POLICY, giftWords } from './policy'

describe('R2: the first-visit gift in each language', () => {
  test('"中文 English": the first word is the Chinese, the rest the English', () => {
    expect(giftWords(DEFAULT_POLICY.referral.firstVisitGift)).toEqual({ zh: '漱口水', en: 'mouthwash' })
    expect(giftWords('电动牙刷 electric toothbrush')).toEqual({ zh: '电动牙刷', en: 'electric toothbrush' })
  })

  test('a gift configured in one language only reads the same in both', () => {
    expect(giftWords('牙线')).toEqual({ zh: '牙线', en: '牙线' })
  })
})
