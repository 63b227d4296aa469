import { assertCanBeReferred, assertCanLock, lockGuardIds, type Friend, type Referrer } from './attribution'

const referrer: Referrer = { patientId: 'p1', phone: '13900000001', familyHead: 'p1', openids: ['wx-p1'] }
const friend: Friend = { openid: 'wx-f', hasPaid: false }
const none = { existing: false, phoneSeen: false }
const codeOf = (f: Friend, prior = none) => { try { assertCanBeReferred(referrer, f, prior) } catch (e) { return (e as { code: string }).code } return 'ok' }

describe('attribution (R6)', () => {
  test('a new friend can be referred', () => expect(codeOf(friend)).toBe('ok'))
  test('self-referral by record, WeChat identity or phone is refused', () => {
    expect(codeOf({ ...friend, patientId: 'p1' })).toBe('REFERRAL_SELF')
    expect(codeOf({ ...friend, openid: 'wx-p1' })).toBe('REFERRAL_SELF')
    expect(codeOf({ ...friend, phone: '13900000001' })).toBe('REFERRAL_SELF')
  })
  test('inside one family is refused', () => expect(codeOf({ ...friend, patientId: 'p2', familyHead: 'p1' })).toBe('REFERRAL_FAMILY'))
  test('existing patients (any earlier payment) cannot be referred', () => expect(codeOf({ ...friend, patientId: 'p3', hasPaid: true })).toBe('REFERRAL_EXISTING_PATIENT'))
  test('the first valid claim wins; a phone already seen is a duplicate', () => {
    expect(codeOf(friend, { existing: true, phoneSeen: false })).toBe('REFERRAL_TAKEN')
    expect(codeOf({ ...friend, phone: '13700000000' }, { existing: false, phoneSeen: true })).toBe('REFERRAL_DUPLICATE')
  })
})

describe('R6 at the lock (the friend\'s first payment)', () => {
  const friend = { patientId: 'pat_f', familyHead: 'pat_f', phones: ['13100000001'], openids: ['wx_f'], hadPaidBefore: false }
  const referrer = { kind: 'patient' as const, patientId: 'pat_r', familyHead: 'pat_r', phone: '13900000009' }
  const refusal = (f: () => void) => { try { f(); return null } catch (e) { return (e as { code?: string }).code } }

  test('a new friend with no other referral locks', () => {
    expect(refusal(() => assertCanLock(friend, referrer, { lockedElsewhere: false }))).toBeNull()
  })
  test('a friend who joined the referrer\'s family since the claim pays the referrer nothing', () => {
    expect(refusal(() => assertCanLock({ ...friend, familyHead: 'pat_r' }, referrer, { lockedElsewhere: false }))).toBe('REFERRAL_FAMILY')
  })
  test('a friend who is an existing patient (a paid bill or an imported history) is refused', () => {
    expect(refusal(() => assertCanLock({ ...friend, hadPaidBefore: true }, referrer, { lockedElsewhere: false }))).toBe('REFERRAL_EXISTING_PATIENT')
  })
  test('the same person already referred by someone else (same record or phone) is refused', () => {
    expect(refusal(() => assertCanLock(friend, referrer, { lockedElsewhere: true }))).toBe('REFERRAL_DUPLICATE')
  })
  test('a partner never earns on their own bills, by WeChat or by phone', () => {
    expect(refusal(() => assertCanLock(friend, { kind: 'partner', openid: 'wx_f', phone: '1' }, { lockedElsewhere: false }))).toBe('REFERRAL_SELF')
    expect(refusal(() => assertCanLock(friend, { kind: 'partner', openid: 'wx_p', phone: '13100000001' }, { lockedElsewhere: false }))).toBe('REFERRAL_SELF')
  })
  test('guards name the record and every phone once', () => {
    expect(lockGuardIds({ patientId: 'pat_f', phones: ['1', '1', '2'] })).toEqual(['pat:pat_f', 'phone:1', 'phone:2'])
  })
})
