import { deskToken } from './deskCode'

describe('deskToken: the binding code from what the patient scanned or pasted', () => {
  test('the bare token, trimmed', () => {
    expect(deskToken('  BC1.abcDEF123_-xyz.sig  ')).toBe('BC1.abcDEF123_-xyz.sig')
  })
  test('the page path or an H5 link carrying it as b', () => {
    expect(deskToken('/pages/bind/index?b=BC1.abcDEF123.sig')).toBe('BC1.abcDEF123.sig')
    expect(deskToken('http://127.0.0.1:8787/#/pages/bind/index?as=x&b=BC1.abc%2BDEF123.sig')).toBe('BC1.abc+DEF123.sig')
  })
  test('nothing that is not a code: empty, spaces inside, too short, broken escapes', () => {
    expect(deskToken('')).toBe('')
    expect(deskToken('请扫描 前台的码')).toBe('')
    expect(deskToken('abc')).toBe('')
    expect(deskToken('/pages/bind/index?b=%E0%A4%A')).toBe('')
  })
})
