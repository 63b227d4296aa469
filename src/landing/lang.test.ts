import { readLang } from './lang'

describe('the light entry reads the language the app keeps (issue 12)', () => {
  test('English only when the app stored English; Chinese otherwise', () => {
    expect(readLang(JSON.stringify({ data: 'en' }))).toBe('en') // Taro.setStorageSync on H5
    expect(readLang(JSON.stringify({ data: 'zh' }))).toBe('zh')
    expect(readLang(null)).toBe('zh')
    expect(readLang('en')).toBe('zh') // not what Taro writes: not trusted
    expect(readLang('{')).toBe('zh')
  })
})
