import { code128Bars, code128Modules, code128Values, code128Widths, QUIET_MODULES, START_C, STOP } from './code128'

describe('Code 128 for the barcode under a code (S1)', () => {
  test('digits go in code set C, two a symbol, with the mod-103 checksum (ISO/IEC 15417 examples)', () => {
    expect(code128Values('12')).toEqual([START_C, 12, 14, STOP])
    expect(code128Values('1234')).toEqual([START_C, 12, 34, 82, STOP]) // 105 + 12×1 + 34×2 = 185 ≡ 82
  })

  test('"1234567890" gives the published module pattern', () => {
    expect(code128Modules('1234567890')).toBe('110100111001011001110010001011000111000101101100001010011011110110100111100101100011101011')
  })

  test('"AIM" in code set B gives ISO/IEC 15417 Figure 1', () => {
    expect(code128Modules('AIM')).toBe('11010010000101000110001100010001010111011000101110110001100011101011')
  })

  test('an 18-digit code: start, nine pairs, checksum, stop = 11 symbols and a 13-module stop', () => {
    const widths = code128Widths('123456789012345678')
    expect(widths).toHaveLength(11 * 6 + 7)
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11 * 11 + 13)
    const { bars, totalModules } = code128Bars('123456789012345678')
    expect(bars[0]).toEqual({ x: QUIET_MODULES, w: 2 }) // start C begins with a bar two modules wide
    expect(totalModules).toBe(11 * 11 + 13 + 2 * QUIET_MODULES)
    expect(bars).toHaveLength(11 * 3 + 4)
  })

  test('text it cannot carry is refused rather than drawn wrong', () => {
    expect(() => code128Values('会员')).toThrow()
    expect(() => code128Values('')).toThrow()
  })
})
