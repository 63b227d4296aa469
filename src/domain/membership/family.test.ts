import { DEFAULT_POLICY as P } from '../policy'
import { bind, unbind, type FamilyPerson } from './family'

const now = new Date('2026-06-01T04:00:00Z')
const owner: FamilyPerson = { _id: 'o', tier: 'lifetime', cumulativeSpendFen: 3_000_000 }
const person = (id: string, extra: Partial<FamilyPerson> = {}): FamilyPerson => ({ _id: id, tier: 'none', cumulativeSpendFen: 0, ...extra })
const codeOf = (fn: () => unknown) => { try { fn() } catch (e) { return (e as { code?: string }).code } return 'no error' }

describe('family (M3)', () => {
  test('a lifetime member binds up to 3; the 4th is refused', () => {
    let o = owner
    for (const id of ['a', 'b', 'c']) o = bind(o, person(id), now, P).owner
    expect(o.familySize).toBe(3)
    expect(codeOf(() => bind(o, person('d'), now, P))).toBe('FAMILY_FULL')
  })
  test('the invitee is bound to the owner', () => {
    expect(bind(owner, person('a'), now, P).invitee.familyOwnerId).toBe('o')
  })
  test('refused: oneself, someone in another family, an owner with a family, a non-lifetime owner', () => {
    expect(codeOf(() => bind(owner, { ...owner }, now, P))).toBe('FAMILY_SELF')
    expect(codeOf(() => bind(owner, person('a', { familyOwnerId: 'x' }), now, P))).toBe('FAMILY_ALREADY_BOUND')
    expect(codeOf(() => bind(owner, person('a', { familySize: 1 }), now, P))).toBe('FAMILY_ALREADY_BOUND')
    expect(codeOf(() => bind(person('annual', { tier: 'annual', annualUntil: '2027-01-01T00:00:00Z' }), person('a'), now, P))).toBe('FAMILY_NOT_LIFETIME')
  })
  test('the owner unbinds, freeing a place', () => {
    const { owner: o, invitee } = bind({ ...owner, familySize: 3 - 1 }, person('a'), now, P)
    const after = unbind(o, invitee)
    expect(after.owner.familySize).toBe(2)
    expect(after.member.familyOwnerId).toBeUndefined()
    expect(codeOf(() => unbind(after.owner, after.member))).toBe('FAMILY_NOT_MEMBER')
  })
})
