import { isDomainError } from '../errors'
import { assertStoredValueAllowed, overrideToRecord, payerProof } from './payer-proof'

const refusal = (f: () => void) => { try { f(); return null } catch (e) { return isDomainError(e) ? e.code : 'other' } }

test('R5, M4: bonus or owner balance needs the payer present (their own code) or an override with a reason', () => {
  expect(refusal(() => assertStoredValueAllowed({ useBonusFen: 100 }, payerProof(false, undefined)))).toBe('PAYER_NOT_PRESENT')
  expect(refusal(() => assertStoredValueAllowed({ useOwnerBalanceFen: 100 }, payerProof(false, '  短 ')))).toBe('PAYER_NOT_PRESENT')
  expect(refusal(() => assertStoredValueAllowed({ useBonusFen: 100 }, payerProof(true, undefined)))).toBeNull()
  expect(refusal(() => assertStoredValueAllowed({ useBonusFen: 100 }, payerProof(false, '患者手机没电')))).toBeNull()
})

test('a bill that spends no stored value needs no proof, and records no override', () => {
  expect(refusal(() => assertStoredValueAllowed({ useBonusFen: 0 }, payerProof(false, undefined)))).toBeNull()
  expect(overrideToRecord({}, payerProof(false, '患者手机没电'))).toBeUndefined()
  expect(overrideToRecord({ useBonusFen: 1 }, payerProof(false, '患者手机没电'))).toBe('患者手机没电')
  expect(overrideToRecord({ useBonusFen: 1 }, payerProof(true, '患者手机没电'))).toBeUndefined()
})
