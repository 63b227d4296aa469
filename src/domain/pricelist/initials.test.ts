import { pinyinInitials } from './initials'

describe('pinyin initials of item names (computed when an item is saved)', () => {
  test.each([
    ['洁牙', 'jy'], ['补牙', 'by'], ['拔牙', 'by'], ['根管治疗', 'ggzl'], ['种植', 'zz'], ['正畸', 'zj'],
    ['特价洁牙', 'tjjy'], ['牙线', 'yx'], ['电动牙刷', 'ddys'], ['年度会员', 'ndhy'], ['窝沟封闭', 'wgfb'], ['儿童涂氟', 'ettf'],
  ])('%s → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials)
  })

  test('Latin letters and digits stay, punctuation goes', () => {
    expect(pinyinInitials('3M 牙线（50米）')).toBe('3myx50m')
  })
})
