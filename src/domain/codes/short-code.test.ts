import { checkDigit, groupShortCode, hasValidCheckDigit, readShortCode, shortCodeFrom, SHORT_CODE_LENGTH } from './short-code'

const CODE = shortCodeFrom('12345678901234567')

describe('short numeric codes (S1)', () => {
  test('the Damm check digit: the textbook example 572 → 4, and a valid code folds to 0', () => {
    expect(checkDigit('572')).toBe('4')
    expect(hasValidCheckDigit('5724')).toBe(true)
    expect(CODE).toHaveLength(SHORT_CODE_LENGTH)
    expect(hasValidCheckDigit(CODE)).toBe(true)
  })

  test('every single mistyped digit and every swap of neighbours is caught', () => {
    for (let i = 0; i < CODE.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === CODE[i]) continue
        expect(hasValidCheckDigit(CODE.slice(0, i) + d + CODE.slice(i + 1))).toBe(false)
      }
    }
    for (const body of ['09090909090909090', '12345678901234567', '98765432109876543']) {
      const code = shortCodeFrom(body)
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
        expect(hasValidCheckDigit(swapped)).toBe(false)
      }
    }
  })

  test('shown in groups of 4-4-4-4-2', () => {
    expect(groupShortCode('123456789012345678')).toBe('1234 5678 9012 3456 78')
  })

  test('read from what the desk typed: spaces and hyphens allowed, typos refused, other text passed on', () => {
    expect(readShortCode(groupShortCode(CODE))).toEqual({ kind: 'code', code: CODE })
    expect(readShortCode(` ${CODE} `)).toEqual({ kind: 'code', code: CODE })
    expect(readShortCode(CODE.replace(/(\d{4})/g, '$1-'))).toEqual({ kind: 'code', code: CODE })
    const typo = CODE.slice(0, 5) + ((Number(CODE[5]) + 1) % 10) + CODE.slice(6)
    expect(readShortCode(groupShortCode(typo))).toEqual({ kind: 'mistyped' })
    expect(readShortCode(groupShortCode(CODE.slice(0, 17)))).toEqual({ kind: 'mistyped' }) // a digit missed
    expect(readShortCode('300001')).toEqual({ kind: 'other' }) // a record number
    expect(readShortCode('YY1.M.pat_1.1795312860.sig')).toEqual({ kind: 'other' })
  })

  test('a body that is not 17 digits is a programming error', () => {
    expect(() => shortCodeFrom('123')).toThrow()
    expect(() => checkDigit('12a')).toThrow()
  })
})
