/**
 * Issue 13 (one payer panel): a friend who brings both a friend card and a first-visit coupon is
 * registered once, whichever panel the desk starts from; the other then needs no second form.
 */
import type { CardCode, ScannedCard } from '../../src/api/friendcard'
import type { CouponView, NewPatient, ScannedCoupon } from '../../src/api/contract'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, openCloud, RECEPTION } from './helpers'

const FRIEND = 'demo-friend'
const GIVER = 'demo-member-giver'
const NEW_CARD_TOKEN = 'demo-share-token-new-card-0001'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

async function scanBoth(): Promise<{ card: ScannedCard; coupon: ScannedCoupon }> {
  data(await cloud.call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, GIVER))
  data(await cloud.call('friendcard', { action: 'claim', token: NEW_CARD_TOKEN, acceptReminders: true }, FRIEND))
  data(await cloud.call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_plain') }, FRIEND))
  const cc = data(await cloud.call('friendcard', { action: 'code', cardId: 'fc_demo_new' }, FRIEND)) as CardCode
  const [cp] = data(await cloud.call('referral', { action: 'coupons' }, FRIEND)) as CouponView[]
  const kc = data(await cloud.call('referral', { action: 'couponCode', couponId: cp.couponId }, FRIEND)) as CardCode
  const card = data(await cloud.call('reception', { action: 'scan', code: cc.token }, RECEPTION)) as ScannedCard
  const coupon = data(await cloud.call('reception', { action: 'scan', code: kc.token }, RECEPTION)) as ScannedCoupon
  return { card, coupon }
}

test('registered from the card: the coupon\'s holder is the same record, without asking again', async () => {
  const { card, coupon } = await scanBoth()
  expect(coupon.holderPatientId).toBeUndefined()
  const reg = data(await cloud.call('friendcard', { action: 'register', ticket: card.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as ScannedCard
  const same = data(await cloud.call('reception', { action: 'register', ticket: coupon.ticket }, RECEPTION)) as NewPatient
  expect(same.patientId).toBe(reg.holderPatientId)
})

test('registered from the coupon: the card registers (F5: no expiry) without asking again', async () => {
  const { card, coupon } = await scanBoth()
  const reg = data(await cloud.call('reception', { action: 'register', ticket: coupon.ticket, name: '小美', phone: '13600001234' }, RECEPTION)) as NewPatient
  const same = data(await cloud.call('friendcard', { action: 'register', ticket: card.ticket }, RECEPTION)) as ScannedCard
  expect(same).toMatchObject({ holderPatientId: reg.patientId, registered: true, expiresAt: null })
})

test('nobody registered yet: the other panel still needs the details', async () => {
  const { coupon } = await scanBoth()
  expect(code(await cloud.call('reception', { action: 'register', ticket: coupon.ticket }, RECEPTION))).toBe('VALIDATION')
})
