import { assertCanBeReferred, type Friend, type Referrer } from './attribution'

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
