/**
 * S1: the 18-digit short code issued with every member, friend card and coupon code. The desk may
 * type it (in groups, with spaces) or read its barcode; it names exactly what its QR token names,
 * lapses with it, and a typo is refused by the check digit before anything is looked up.
 */
import type { CardCode, ConfirmedBill, CouponView, MemberCode, ScannedCard, ScannedCoupon, ScanResult } from '../../src/api/contract'
import type { DailySummary } from '../../cloudfunctions/_core/usecases/daily'
import type { FriendCard } from '../../src/domain/friendcard/card'
import { groupShortCode, hasValidCheckDigit } from '../../src/domain/codes/short-code'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { code, data, LIFETIME, openCloud, RECEPTION } from './helpers'
import { picked } from './catalogue'
import { changes, snapshotAll } from './snapshot-all'

const GIVER = 'demo-member-giver' // 周婷, holds the demo card fc_demo_new
const FRIEND = 'demo-friend'
const NEW_CARD_TOKEN = 'demo-share-token-new-card-0001'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object) => cloud.call('reception', await picked(cloud, event), RECEPTION)
const scan = (text: string) => desk({ action: 'scan', code: text })
const memberCode = async () => data(await cloud.call('member', { action: 'code' }, LIFETIME)) as MemberCode

/** A digit of the code changed, so the check digit no longer holds. */
const typo = (c: string, at = 7) => c.slice(0, at) + ((Number(c[at]) + 1) % 10) + c.slice(at + 1)

test('every member code comes with its own 18-digit short code, check digit valid, same expiry', async () => {
  const a = await memberCode()
  const b = await memberCode()
  for (const c of [a, b]) {
    expect(c.shortCode).toMatch(/^\d{18}$/)
    expect(hasValidCheckDigit(c.shortCode)).toBe(true)
    expect(await cloud.store.get('shortCodes', c.shortCode)).toMatchObject({ token: c.token, expiresAt: c.expiresAt, kind: 'M' })
  }
  expect(a.shortCode).not.toBe(b.shortCode)
})

test('the member code typed in groups gives the same answer as scanning its QR, and may be shown again until it lapses', async () => {
  const mc = await memberCode()
  const byToken = data(await scan(mc.token)) as ScanResult
  const byDigits = data(await scan(groupShortCode(mc.shortCode))) as ScanResult
  expect(byDigits).toEqual(byToken)
  expect(byDigits).toMatchObject({ kind: 'patient', name: '李明', tier: 'lifetime' })
  expect(data(await scan(mc.shortCode))).toEqual(byToken) // as a scanner gun sends it: digits only
})

test('a lapsed short code is refused as expired, like a screenshot of the QR; nothing written', async () => {
  const mc = await memberCode()
  cloud.clock.advance((mc.ttlSeconds + 1) * 1000)
  const before = snapshotAll(cloud)
  expect(code(await scan(groupShortCode(mc.shortCode)))).toBe('CODE_EXPIRED')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('one mistyped digit is refused by the check digit before any lookup; an unknown code is invalid; nothing written', async () => {
  const mc = await memberCode()
  const before = snapshotAll(cloud)
  const reads: string[] = []
  const { get, query } = cloud.store
  cloud.store.get = ((coll: string, id: string) => { reads.push(coll); return get.call(cloud.store, coll, id) }) as typeof get
  cloud.store.query = ((coll: string, q?: object) => { reads.push(coll); return query.call(cloud.store, coll, q) }) as typeof query
  try {
    expect(code(await scan(groupShortCode(typo(mc.shortCode))))).toBe('CODE_MISTYPED')
    expect(code(await scan(groupShortCode(mc.shortCode.slice(0, 17))))).toBe('CODE_MISTYPED') // a digit left out
    expect(reads.length).toBeGreaterThan(0) // the spy sees the store (the caller was looked up)…
    expect(reads.filter((c) => c === 'shortCodes')).toEqual([]) // …but no short code was
  } finally {
    Object.assign(cloud.store, { get, query })
  }
  // Digits with a valid check digit that were never issued.
  const unknown = '12345678901234567' + ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].find((d) => hasValidCheckDigit(`12345678901234567${d}`))
  expect(code(await scan(unknown))).toBe('CODE_INVALID')
  expect(changes(before, snapshotAll(cloud))).toEqual([])
})

test('a friend card code typed as digits redeems like its token; it works once, whichever form comes first', async () => {
  data(await cloud.call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await cloud.call('friendcard', { action: 'claim', token: NEW_CARD_TOKEN }, FRIEND))
  const cc = data(await cloud.call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
  expect(hasValidCheckDigit(cc.shortCode)).toBe(true)

  const scanned = data(await scan(groupShortCode(cc.shortCode))) as ScanResult & ScannedCard
  expect(scanned).toMatchObject({ kind: 'friend_card', cardId: 'fc_demo_new', balanceFen: 60_000 })
  // Single use (S1): neither the digits nor the QR of the same code work again.
  expect(code(await scan(cc.shortCode))).toBe('CODE_USED')
  expect(code(await scan(cc.token))).toBe('CODE_USED')

  const reg = data(await cloud.call('friendcard', { action: 'register', ticket: scanned.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
  const items = [{ name: '拔牙 extraction', category: 'treatment', amountFen: 45_000 }]
  const bill = data(await desk({ action: 'confirmBill', patientId: reg.holderPatientId, items, friendCardTicket: reg.ticket, requestId: 'short-code-card-01', expectedDueFen: 0 })) as ConfirmedBill
  expect(bill.paidFen).toBe(0)
  expect((await cloud.store.get<FriendCard>('friendCards', 'fc_demo_new'))!.balanceFen).toBe(15_000)
})

test('a coupon code typed as digits finds the coupon', async () => {
  data(await cloud.call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_plain') }, FRIEND))
  const [coupon] = data(await cloud.call('referral', { action: 'coupons' }, FRIEND)) as CouponView[]
  const cc = data(await cloud.call('referral', { action: 'couponCode', couponId: coupon.couponId }, FRIEND)) as CardCode
  const scanned = data(await scan(groupShortCode(cc.shortCode))) as ScanResult & ScannedCoupon
  expect(scanned).toMatchObject({ kind: 'coupon', couponId: coupon.couponId })
})

test('lapsed short codes are swept by their expiry; live ones stay', async () => {
  const old = await memberCode()
  cloud.clock.advance((old.ttlSeconds + 1) * 1000)
  const live = await memberCode()
  const summary = data(await cloud.runDaily()) as DailySummary
  expect(summary.shortCodesSwept).toBe(1)
  expect(await cloud.store.get('shortCodes', old.shortCode)).toBeNull()
  expect(await cloud.store.get('shortCodes', live.shortCode)).not.toBeNull()
  expect(data(await scan(live.shortCode))).toMatchObject({ kind: 'patient', name: '李明' })
})
