/**
 * Issue 14 item 4: the client learns the chain's currency and time zone with answers it asks for
 * anyway — `identity.whoami` for everyone, the friend card offer (F3) and the referral offer (R2) for
 * a friend who has not opened the app yet. After the director applies seed 003 (roubles, Moscow)
 * every one of them says so.
 */
import type { CardOffer, PolicySaved, PolicyState, ReferralOffer, Result } from '../../src/api/contract'
import type { ChainSettings } from '../../src/domain/chain-settings'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { data, openCloud, RECEPTION } from './helpers'

const DIRECTOR = 'demo-staff-director'
const PATIENT = 'demo-patient-bonus'
const NEW_WECHAT_USER = 'o-chain-first-time'
const CARD_TOKEN = 'demo-share-token-new-card-0001'
const REFERRAL_CODE = 'DKH87NJG'

const SHANGHAI: ChainSettings = { currency: 'CNY', timezone: 'Asia/Shanghai', utcOffsetMinutes: 480 }
const MOSCOW: ChainSettings = { currency: 'RUB', timezone: 'Europe/Moscow', utcOffsetMinutes: 180 }

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const whoami = async (openid: string) => data(await cloud.call('identity', { action: 'whoami' }, openid) as Result<{ chain: ChainSettings }>).chain
const cardOffer = async () => data(await cloud.call('friendcard', { action: 'offer', token: CARD_TOKEN }, NEW_WECHAT_USER) as Result<CardOffer>)
const referralOffer = async () => data(await cloud.call('referral', { action: 'offer', code: REFERRAL_CODE }, NEW_WECHAT_USER) as Result<ReferralOffer>)

test('the demo chain (seed 004): yuan and Beijing time for staff, patients, guests and a friend\'s offers', async () => {
  for (const who of [DIRECTOR, RECEPTION, PATIENT, NEW_WECHAT_USER]) expect(await whoami(who)).toEqual(SHANGHAI)
  expect((await cardOffer()).chain).toEqual(SHANGHAI)
  expect((await referralOffer()).chain).toEqual(SHANGHAI)
})

test('after the director applies seed 003, every answer says roubles and Moscow time (UTC+3)', async () => {
  const saved = data(await cloud.call('team', { action: 'policySave', requestId: 'req-chain-0001', baseVersion: 1, reason: '采用俄罗斯诊所推荐条例', preset: 'seed003' }, DIRECTOR) as Result<PolicySaved>)
  expect(saved.version).toBe(2)
  for (const who of [DIRECTOR, RECEPTION, PATIENT, NEW_WECHAT_USER]) expect(await whoami(who)).toEqual(MOSCOW)
  const offer = await referralOffer()
  expect(offer.chain).toEqual(MOSCOW)
  expect(offer.discountFen).toBe(30_000) // seed 003's 300 coupon — shown as "300.00 ₽" by the landing
  expect((await cardOffer()).chain).toEqual(MOSCOW) // a card issued before still shows in the chain's currency
})

test('a guest\'s home explains the chain\'s own membership numbers (M1–M3); members and staff are not sent them', async () => {
  const who = async (openid: string) => data(await cloud.call('identity', { action: 'whoami' }, openid) as Result<{ programme?: object }>)
  expect((await who(NEW_WECHAT_USER)).programme).toEqual({ annualFeeFen: 89_900, annualMonths: 12, discountBp: 1200, lifetimeThresholdFen: 3_000_000, familyMax: 3 })
  for (const openid of [DIRECTOR, PATIENT]) expect((await who(openid)).programme).toBeUndefined()
  const state = data(await cloud.call('team', { action: 'policyGet' }, DIRECTOR) as Result<PolicyState>)
  const next = { ...state.policy, membership: { ...state.policy.membership, discountBp: 1500 } }
  data(await cloud.call('team', { action: 'policySave', requestId: 'req-chain-0002', baseVersion: state.policy.version, reason: '会员折扣调整为85折', policy: next }, DIRECTOR))
  expect((await who(NEW_WECHAT_USER)).programme).toMatchObject({ discountBp: 1500 })
})

test('a patient\'s own data file follows the chain: roubles in its money column and Moscow times (C2, issue 14)', async () => {
  data(await cloud.call('team', { action: 'policySave', requestId: 'req-chain-0003', baseVersion: 1, reason: '采用俄罗斯诊所推荐条例', preset: 'seed003' }, DIRECTOR))
  const file = data(await cloud.call('privacy', { action: 'export', format: 'csv' }, 'demo-member-lifetime') as Result<{ content: string }>)
  expect(file.content.startsWith('\uFEFF分类,时间,内容,金额（卢布）,说明')).toBe(true)
  expect(file.content).toContain('累计消费（卢布）')
  expect(file.content).not.toContain('（元）')
  // The demo's ledger entries were written at 10:00 Shanghai time (02:00 UTC): 05:00 in Moscow.
  expect(file.content).toMatch(/账户明细,\d{4}-\d\d-\d\d 05:00/)
})
