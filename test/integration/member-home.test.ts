/**
 * Issue 12, item 3: the member home reads right — spend (M6) and bonus (R5) apart, each newest
 * first with balances that add up; the badge says 家庭会员 for a bound family member (M3).
 */
import type { ConfirmedBill, MemberCode, MemberHome, ScannedPatient } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LedgerEntry } from '../../src/domain/ledger'
import { addsUp } from '../../src/domain/membership/history'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { data, LIFETIME, openCloud, RECEPTION } from './helpers'
import { pick, stock } from './catalogue'

const FAMILY_WIFE = 'demo-member-family' // 张丽, family of 李明, no tier of her own
const EXTRACTION = { name: '拔牙 extraction', category: 'treatment', amountFen: 45_000 }
const extraction = pick(EXTRACTION) // a price list item (issue 13), stocked before each test

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud(); await stock(cloud, [EXTRACTION]) })
afterEach(() => cloud.close())

const home = async (openid = LIFETIME) => data(await cloud.call('member', { action: 'home' }, openid)) as MemberHome
const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0)

test('a bill paid partly with bonus shows in spend and in bonus, each adding up to its own balance (M6, R5)', async () => {
  const before = await home()
  // R5: spending bonus needs the payer's own member code, scanned at the desk.
  const mc = data(await cloud.call('member', { action: 'code' }, LIFETIME)) as MemberCode
  const { payerTicket } = data(await cloud.call('reception', { action: 'scan', code: mc.token }, RECEPTION)) as ScannedPatient
  const req = { patientId: 'pat_lifetime', items: [extraction], useBonusFen: 10_000, payerTicket }
  const preview = data(await cloud.call('reception', { action: 'previewBill', ...req }, RECEPTION)) as BillResult
  const paid = data(await cloud.call('reception', { action: 'confirmBill', ...req, requestId: 'home-bonus-0001', expectedDueFen: preview.totals.dueFen }, RECEPTION)) as ConfirmedBill

  const after = await home()
  // Spend: the money paid (not the bonus part, M6), its running total the cumulative spend.
  expect(after.spend.lines.map((l) => l.kind)).toEqual(['bill_payment', 'bill_payment'])
  expect(after.spend.lines[0]).toMatchObject({ amountFen: paid.paidFen, balanceAfterFen: after.cumulativeSpendFen })
  expect(after.spend.balanceFen).toBe(after.cumulativeSpendFen)
  expect(after.spend.openingFen + sum(after.spend.lines)).toBe(after.cumulativeSpendFen)
  expect(addsUp(after.spend.lines)).toBe(true)
  // Bonus: the ¥100 used, newest first, its running total the bonus balance.
  expect(after.bonus.lines[0]).toMatchObject({ kind: 'bonus_debit', amountFen: -10_000, balanceAfterFen: before.bonusBalanceFen - 10_000 })
  expect(after.bonus.balanceFen).toBe(after.bonusBalanceFen)
  expect(after.bonus.lines.every((l) => !l.kind.startsWith('bill_'))).toBe(true)
  expect(after.bonus.openingFen + sum(after.bonus.lines)).toBe(after.bonusBalanceFen)
  expect(addsUp(after.bonus.lines)).toBe(true)
  expect(after.spend.more || after.bonus.more).toBe(false)
  expect(after).toMatchObject({ badge: 'lifetime', maskedPhone: '139****5678' })
})

test('bonus entries written at the same instant come in the order their balances prove', async () => {
  const at = '2026-11-21T02:00:00.000Z'
  const base = { accountId: 'bonus:pat_lifetime', patientId: 'pat_lifetime', at, actor: 'system' }
  // The store gives ties in its own order (here: as written, older first): the balances decide.
  await cloud.store.set<LedgerEntry>('ledger', { ...base, _id: 'a-reward', kind: 'referral_reward', amountFen: 10_000, balanceAfterFen: 40_000 })
  await cloud.store.set<LedgerEntry>('ledger', { ...base, _id: 'b-share', kind: 'referral_share', amountFen: 1_234, balanceAfterFen: 41_234 })
  const h = await home()
  expect(h.bonus.lines.slice(0, 2).map((l) => l.id)).toEqual(['b-share', 'a-reward'])
  expect(addsUp(h.bonus.lines)).toBe(true)
})

test('a family member paying at the family discount is 家庭会员, not 非会员 (M3)', async () => {
  const h = await home(FAMILY_WIFE)
  expect(h).toMatchObject({ tier: 'none', badge: 'family', hasMemberDiscount: true, familyOwnerName: '李明' })
  expect(h.bonus.lines).toEqual([])
  expect(h.bonus.openingFen).toBe(0)
})
