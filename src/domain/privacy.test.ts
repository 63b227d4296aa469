import { maskPhone } from './privacy'

test('staff lists see masked phones (C2)', () => {
  expect(maskPhone('13912345678')).toBe('139****5678')
  expect(maskPhone('+86 139-1234-5678')).toBe('861****5678')
  expect(maskPhone('')).toBe('')
  expect(maskPhone('1234')).toBe('**34')
})
