import { trimConsentLog } from './consents'

test('C2: trimming the consent log drops old subscribe grants, never a privacy acceptance', () => {
  const privacy = { at: '2026-01-01', template: 'privacy_notice', source: 'privacy_notice' }
  const grants = Array.from({ length: 60 }, (_, i) => ({ at: `2026-02-${i}`, template: 'birthday', source: 'home' }))
  const out = trimConsentLog([privacy, ...grants])
  expect(out[0]).toBe(privacy)
  expect(out).toHaveLength(51)
  expect(out[out.length - 1]).toBe(grants[59])
})
