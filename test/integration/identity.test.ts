/**
 * Issue 10, each attack as a test: a WeChat user becomes a patient only with proof (a verified phone or
 * the desk's one-time code), codes leak nothing, and every refusal is typed and writes nothing.
 */
import type { BindingCode, CouponView, InboxItem, MemberCode, NewPatient, PatientMatch, Persona, ReferralOffer, ScannedCoupon, ScannedPatient, VerifiedPhone } from '../../src/api/contract'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { code, data, openCloud, RECEPTION } from './helpers'
import { picked } from './catalogue'
import { changes, snapshotAll } from './snapshot-all'

const ATTACKER = 'wx-attacker'
const NEWCOMER = 'wx-newcomer'
const PLAIN_CODE = demoReferralCode('pat_plain') // 赵磊, record 100007

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const call = (fn: string, event: object, openid: string | null) => cloud.call(fn, event, openid)
// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object) => call('reception', await picked(cloud, event), RECEPTION)
const whoami = async (openid: string) => (data(await call('identity', { action: 'whoami' }, openid)) as { persona: Persona }).persona

/** A refusal: the typed error, and not one document written anywhere. */
async function refused(fn: string, event: object, openid: string | null): Promise<string> {
  const before = snapshotAll(cloud)
  const c = code(await call(fn, event, openid))
  expect(changes(before, snapshotAll(cloud))).toEqual([])
  return c
}

async function couponTicketFor(openid: string, referralCode = PLAIN_CODE): Promise<string> {
  data(await call('referral', { action: 'takeCoupon', code: referralCode }, openid))
  const [c] = data(await call('referral', { action: 'coupons' }, openid)) as CouponView[]
  const qr = data(await call('referral', { action: 'couponCode', couponId: c.couponId }, openid)) as MemberCode
  return (data(await desk({ action: 'scan', code: qr.token })) as ScannedCoupon).ticket
}

async function codeFromInbox(openid: string): Promise<string> {
  const items = data(await call('notify', { action: 'inbox' }, openid)) as InboxItem[]
  const msg = items.find((m) => m.template === 'phone_code')
  return /(\d{6})/.exec(msg!.body.zh)![1]
}

describe('account takeover at the desk is closed', () => {
  test('a coupon holder registered with an existing patient\'s phone is refused; the desk is told to show a binding code', async () => {
    const ticket = await couponTicketFor(ATTACKER)
    const before = snapshotAll(cloud)
    const r = await desk({ action: 'register', ticket, name: '李明', phone: '13912345678' })
    expect(code(r)).toBe('PHONE_HAS_RECORD')
    expect(!r.ok && r.error.details).toMatchObject({ recordNo: '100001' })
    expect(changes(before, snapshotAll(cloud))).toEqual([])
    expect(await whoami(ATTACKER)).toEqual({ kind: 'guest' })
  })

  test('the same through a friend card\'s registration (F5)', async () => {
    const card = data(await call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001' }, ATTACKER)) as { cardId: string }
    const qr = data(await call('friendcard', { action: 'code', cardId: card.cardId }, ATTACKER)) as MemberCode
    const scanned = data(await desk({ action: 'scan', code: qr.token })) as { ticket: string }
    expect(await refused('reception', { action: 'register', ticket: scanned.ticket, name: '王芳', phone: '13700001111' }, RECEPTION)).toBe('PHONE_HAS_RECORD')
    expect(await whoami(ATTACKER)).toEqual({ kind: 'guest' })
  })

  test('a new phone still registers a new patient at the desk', async () => {
    const ticket = await couponTicketFor(NEWCOMER)
    const p = data(await desk({ action: 'register', ticket, name: '钱多多', phone: '13011112222' })) as NewPatient
    expect(await whoami(NEWCOMER)).toMatchObject({ kind: 'patient', patientId: p.patientId, name: '钱多多' })
  })
})

describe('self-binding with a verified phone', () => {
  test('code to the phone (locally the inbox), the right code, pick the record, bound', async () => {
    data(await call('identity', { action: 'sendPhoneCode', phone: '131 0000 9999' }, NEWCOMER)) // 黄蕾, record 100010
    const otp = await codeFromInbox(NEWCOMER)
    const wrong = otp === '000000' ? '111111' : '000000'
    expect(code(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: wrong }, NEWCOMER))).toBe('PHONE_CODE_WRONG')
    const v = data(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: otp }, NEWCOMER)) as VerifiedPhone
    expect(v).toMatchObject({ maskedPhone: '131****9999', records: [{ patientId: 'pat_new_1', name: '黄蕾', birthYear: '2001', yours: false }] })
    const bound = data(await call('identity', { action: 'bindVerified', patientId: 'pat_new_1' }, NEWCOMER)) as { persona: Persona }
    expect(bound.persona).toMatchObject({ kind: 'patient', patientId: 'pat_new_1' })
    expect(await cloud.store.get('users', NEWCOMER)).toMatchObject({ patientId: 'pat_new_1', verifiedPhone: '13100009999', boundBy: 'phone' })
  })

  test('a typed phone alone binds nothing; a record on another phone cannot be picked', async () => {
    expect(await refused('identity', { action: 'bindVerified', patientId: 'pat_new_1' }, ATTACKER)).toBe('PHONE_NOT_VERIFIED')
    data(await call('identity', { action: 'sendPhoneCode', phone: '13011112222' }, ATTACKER))
    data(await call('identity', { action: 'verifyPhone', phone: '13011112222', code: await codeFromInbox(ATTACKER) }, ATTACKER))
    expect(await refused('identity', { action: 'bindVerified', patientId: 'pat_lifetime' }, ATTACKER)).toBe('PHONE_NOT_MATCHING')
    expect(await whoami(ATTACKER)).toEqual({ kind: 'guest' })
  })

  test('five wrong codes lock the code; codes expire after 5 minutes; one code a minute', async () => {
    data(await call('identity', { action: 'sendPhoneCode', phone: '13100009999' }, ATTACKER))
    expect(code(await call('identity', { action: 'sendPhoneCode', phone: '13100009999' }, ATTACKER))).toBe('RATE_LIMITED')
    const otp = await codeFromInbox(ATTACKER)
    const wrong = otp === '123456' ? '654321' : '123456'
    for (let i = 0; i < 5; i++) expect(code(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: wrong }, ATTACKER))).toBe('PHONE_CODE_WRONG')
    expect(code(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: otp }, ATTACKER))).toBe('PHONE_CODE_LOCKED')
    cloud.clock.advance(61_000)
    data(await call('identity', { action: 'sendPhoneCode', phone: '13100009999' }, ATTACKER))
    const second = (data(await call('notify', { action: 'inbox' }, ATTACKER)) as InboxItem[]).filter((m) => m.template === 'phone_code').map((m) => /(\d{6})/.exec(m.body.zh)![1])
    cloud.clock.advance(5 * 60_000 + 1_000)
    expect(code(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: second[0] }, ATTACKER))).toBe('PHONE_CODE_EXPIRED')
  })

  test('several records on one phone (a parent and a child): the verified owner picks which one', async () => {
    data(await desk({ action: 'registerWalkIn', name: '黄小蕾', phone: '13100009999', birthday: '2019-05-01', sharedPhone: true }))
    data(await call('identity', { action: 'sendPhoneCode', phone: '13100009999' }, NEWCOMER))
    const v = data(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: await codeFromInbox(NEWCOMER) }, NEWCOMER)) as VerifiedPhone
    expect(v.records.map((r) => [r.name, r.birthYear]).sort()).toEqual([['黄小蕾', '2019'], ['黄蕾', '2001']])
  })

  test('WeChat\'s own number is not available off WeChat: a typed error, nothing bound', async () => {
    expect(code(await call('identity', { action: 'verifyWeChatPhone', wxCode: 'code-from-button-123' }, NEWCOMER))).toBe('WECHAT_PHONE_FAILED')
    expect(await whoami(NEWCOMER)).toEqual({ kind: 'guest' })
  })
})

describe('desk binding with proof of presence', () => {
  test('the desk looks the patient up and shows a code; the patient scans it and is bound; the code works once', async () => {
    const [m] = data(await desk({ action: 'lookup', query: '100010' })) as PatientMatch[]
    expect(m).toMatchObject({ patientId: 'pat_new_1', name: '黄蕾', maskedPhone: '131****9999', hasWeChat: false })
    expect((data(await desk({ action: 'lookup', query: '9999' })) as PatientMatch[]).map((x) => x.name)).toEqual(['黄蕾']) // phone tail
    expect((data(await desk({ action: 'lookup', query: '13100009999' })) as PatientMatch[]).map((x) => x.name)).toEqual(['黄蕾'])
    const bc = data(await desk({ action: 'bindingCode', patientId: m.patientId })) as BindingCode
    expect(bc).toMatchObject({ ttlSeconds: 300, patientName: '黄蕾' })
    expect(bc.path).toBe(`/pages/bind/index?b=${encodeURIComponent(bc.token)}`)
    data(await call('identity', { action: 'bindByDeskCode', token: bc.token }, NEWCOMER))
    expect(await whoami(NEWCOMER)).toMatchObject({ kind: 'patient', patientId: 'pat_new_1' })
    expect(await refused('identity', { action: 'bindByDeskCode', token: bc.token }, ATTACKER)).toBe('CODE_USED')
  })

  test('an old code (a photo of the screen) and a code of another kind are refused; a bound user cannot rebind', async () => {
    const bc = data(await desk({ action: 'bindingCode', patientId: 'pat_new_1' })) as BindingCode
    cloud.clock.advance(301_000)
    expect(await refused('identity', { action: 'bindByDeskCode', token: bc.token }, ATTACKER)).toBe('CODE_EXPIRED')
    const mc = data(await call('member', { action: 'code' }, 'demo-member-lifetime')) as MemberCode
    expect(await refused('identity', { action: 'bindByDeskCode', token: mc.token }, ATTACKER)).toBe('CODE_WRONG_KIND')
    const fresh = data(await desk({ action: 'bindingCode', patientId: 'pat_new_1' })) as BindingCode
    expect(await refused('identity', { action: 'bindByDeskCode', token: fresh.token }, 'demo-member-lifetime')).toBe('ALREADY_BOUND')
  })

  test('only the desk makes binding codes', async () => {
    expect(await refused('reception', { action: 'bindingCode', patientId: 'pat_new_1' }, 'demo-member-lifetime')).toBe('FORBIDDEN')
    expect(await refused('reception', { action: 'lookup', query: '100010' }, ATTACKER)).toBe('FORBIDDEN')
  })
})

describe('walk-ins without WeChat (seed 003)', () => {
  test('registered by name and phone, billed with the referrer\'s record number; the referrer is rewarded after the payment', async () => {
    const p = data(await desk({ action: 'registerWalkIn', name: '孙二娘', phone: '13022223333' })) as NewPatient
    const items = [{ name: '洁牙', category: 'treatment', amountFen: 100_000 }]
    const preview = data(await desk({ action: 'previewBill', patientId: p.patientId, items, referrerCode: '100007' })) as { totals: { dueFen: number } }
    data(await desk({ action: 'confirmBill', patientId: p.patientId, items, referrerCode: '100007', requestId: 'walkin-0001', expectedDueFen: preview.totals.dueFen }))
    expect((await cloud.store.get<{ _id: string; balanceFen: number }>('accounts', 'bonus:pat_plain'))?.balanceFen).toBeGreaterThan(0)
    expect(await cloud.store.query('users', { where: { patientId: p.patientId } })).toEqual([])
  })

  test('an existing phone is refused unless a family member shares it', async () => {
    expect(await refused('reception', { action: 'registerWalkIn', name: '冒名', phone: '13912345678' }, RECEPTION)).toBe('PHONE_HAS_RECORD')
    expect(await refused('reception', { action: 'registerWalkIn', name: '李明', phone: '13912345678', sharedPhone: true }, RECEPTION)).toBe('PHONE_HAS_RECORD')
    expect(await refused('reception', { action: 'registerWalkIn', name: '', phone: '13022223333' }, RECEPTION)).toBe('VALIDATION')
    expect(await refused('reception', { action: 'registerWalkIn', name: '张三', phone: '12345' }, RECEPTION)).toBe('VALIDATION')
  })
})

describe('codes that leak nothing (R1, C2)', () => {
  test('a guessed record number finds nobody; the personal code shows only the chosen display name', async () => {
    expect(code(await call('referral', { action: 'offer', code: '100014' }, ATTACKER))).toBe('REFERRAL_CODE_UNKNOWN') // a child's record
    const o = data(await call('referral', { action: 'offer', code: PLAIN_CODE }, ATTACKER)) as ReferralOffer
    expect(o.referrerDisplayName).toBe('赵*')
    expect(JSON.stringify(o)).not.toContain('赵磊')
    data(await call('identity', { action: 'setDisplayName', displayName: '赵哥' }, 'demo-patient-plain'))
    expect((data(await call('referral', { action: 'offer', code: PLAIN_CODE.toLowerCase() }, ATTACKER)) as ReferralOffer).referrerDisplayName).toBe('赵哥')
    expect(code(await call('identity', { action: 'setDisplayName', displayName: '赵 13912345678' }, 'demo-patient-plain'))).toBe('DISPLAY_NAME_INVALID')
  })

  test('a new member gets a personal code of 8 unambiguous characters', async () => {
    const p = data(await desk({ action: 'registerWalkIn', name: '钱多多', phone: '13011112222' })) as NewPatient
    data(await desk({ action: 'bindingCode', patientId: p.patientId }))
    const bc = data(await desk({ action: 'bindingCode', patientId: p.patientId })) as BindingCode
    data(await call('identity', { action: 'bindByDeskCode', token: bc.token }, NEWCOMER))
    const prof = data(await call('identity', { action: 'profile' }, NEWCOMER)) as { referralCode: string; displayName: string }
    expect(prof.referralCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    expect(prof.displayName).toBe('钱*')
  })

  test('lookups by code are rate-limited per caller', async () => {
    let last = ''
    for (let i = 0; i < 31; i++) {
      const r = await call('referral', { action: 'offer', code: `ZZZZZZ${String(i).padStart(2, '2')}` }, ATTACKER)
      last = r.ok ? 'ok' : r.error.code
    }
    expect(last).toBe('RATE_LIMITED')
    expect((data(await call('referral', { action: 'offer', code: PLAIN_CODE }, NEWCOMER)) as ReferralOffer).state).toBe('available') // others are not affected
  })

  test('the desk still accepts the record number (staff only, seed 003)', async () => {
    const s = data(await desk({ action: 'scan', code: '100007' })) as ScannedPatient
    expect(s.name).toBe('赵磊')
  })
})

test('WeChat\'s number first, then a text code: the stored proof moves on cleanly (no stale compare)', async () => {
  await cloud.store.set('phoneChecks', { _id: NEWCOMER, tries: 0, sendsThisHour: 0, verifiedPhone: '13100009999', verifiedUntil: new Date(cloud.clock.now().getTime() - 1000).toISOString() })
  data(await call('identity', { action: 'sendPhoneCode', phone: '13100009999' }, NEWCOMER))
  data(await call('identity', { action: 'verifyPhone', phone: '13100009999', code: await codeFromInbox(NEWCOMER) }, NEWCOMER))
  data(await call('identity', { action: 'bindVerified', patientId: 'pat_new_1' }, NEWCOMER))
  expect(await whoami(NEWCOMER)).toMatchObject({ kind: 'patient', patientId: 'pat_new_1' })
})
