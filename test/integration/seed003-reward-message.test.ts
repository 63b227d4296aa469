/**
 * Issue 14 item 4: seed 003's clinic runs unchanged. The chain applies the regulation as a preset;
 * a friend named by the referrer's record number pays; the referrer is told the same day (R3, R4) in
 * the regulation's own words (step 8's SMS) — both amounts in roubles, the clinic the friend came to
 * and its phone — and the offers (referral rules, friend card share title) speak roubles. The default
 * chain's message is unchanged.
 */
import type { CardShare, InboxItem, MyCards, MyReferrals, PolicySaved, Result } from '../../src/api/contract'
import type { DataExportFile } from '../../src/api/privacy'
import type { OutboxMessage } from '../../src/domain/notify/messages'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { ClinicDoc } from '../../cloudfunctions/_core/model'
import { DEFAULT_POLICY } from '../../src/domain/policy'
import { withValueAt } from '../../src/domain/policy-fields'
import { data, LIFETIME, openCloud, RECEPTION } from './helpers'
import { lines } from './catalogue'
import { refusedUnchanged } from './snapshot-all'

const DIRECTOR = 'demo-staff-director'
/** An instant given as Moscow wall time (seed 003's zone in the preset). */
const msk = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`)
const SMS = 'К нам пришел клиент по вашей рекомендации. Вам зачислены 100.00 ₽ на телефон и 100.00 ₽ на внутр. счет. Спасибо. Стоматология «Улыбка», +7 495 123-45-67'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const inbox = async (openid: string) => data(await cloud.call('notify', { action: 'inbox' }, openid)) as InboxItem[]

/** 黄蕾 (pat_new_1) names 李明's record number 100001 at the desk of the receptionist's clinic and pays. */
async function friendPays(requestId: string): Promise<string> {
  const items = await lines(cloud, [{ name: 'Лечение кариеса', category: 'treatment', amountFen: 450_000 }])
  const ask = { patientId: 'pat_new_1', items, referrerCode: '100001' }
  const preview = data(await cloud.call('reception', { action: 'previewBill', ...ask }, RECEPTION)) as { totals: { dueFen: number; couponFen: number } }
  expect(preview.totals.couponFen).toBe(30_000) // R2: 300 ₽ off the first visit
  const bill = data(await cloud.call('reception', { action: 'confirmBill', ...ask, requestId, expectedDueFen: preview.totals.dueFen }, RECEPTION)) as { billId: string }
  return bill.billId
}

test('seed 003: the referrer gets the regulation\'s SMS text with 100 ₽ + 100 ₽, the clinic and its phone, the same day', async () => {
  // The receptionist's clinic is the Russian clinic of the regulation.
  const clinic = (await cloud.store.get<ClinicDoc>('clinics', 'clinic_sh'))!
  await cloud.store.set<ClinicDoc>('clinics', { ...clinic, name: 'Стоматология «Улыбка»', phone: '+7 495 123-45-67' })
  const saved = data(await cloud.call('team', { action: 'policySave', requestId: 'req-policy-s3-0001', baseVersion: 1, reason: 'Регламент по стимулированию рекомендаций', preset: 'seed003' }, DIRECTOR) as Result<PolicySaved>)
  expect(saved.policy.currency).toBe('RUB')

  cloud.clock.pin(msk('2026-12-01 12:00'))
  const billId = await friendPays('req-bill-s3-0001')
  const r4 = (await cloud.store.get<OutboxMessage>('outbox', `r4:${billId}`))!
  // Amounts and the bill are stored; the clinic is read when the message is sent.
  expect(r4.data).toEqual({ bonusFen: 10_000, payoutFen: 10_000, billId })

  data(await cloud.deliver())
  const [told] = await inbox(LIFETIME)
  // A custom text reads as the clinic wrote it, in either language setting.
  expect(told.body).toEqual({ zh: SMS, en: SMS })
  expect(await cloud.store.get<OutboxMessage>('outbox', `r4:${billId}`)).toMatchObject({ status: 'sent' })

  // 我的数据 shows the message as it was read.
  const file = data(await cloud.call('privacy', { action: 'export', format: 'json' }, LIFETIME)) as DataExportFile
  expect(file.content).toContain(SMS)

  // The referral card's rules in roubles; no "0% of the friend's spend" line (the regulation has none).
  const mine = data(await cloud.call('referral', { action: 'mine' }, LIFETIME)) as MyReferrals
  expect(mine.card.title).toContain('300.00 ₽')
  expect(mine.card.forFriend[0].en).toBe('300.00 ₽ off your first visit, plus a gift (mouthwash or dental floss)')
  expect(mine.card.forReferrer.map((l) => l.en)).toEqual([
    'After your friend pays for a visit: 100.00 ₽ bonus and a 100.00 ₽ phone top-up',
    'Rewards follow paid visits only — never sharing, sign-ups or clicks',
  ])
  expect(JSON.stringify(mine.card)).not.toContain('¥')
})

test('quiet hours in the clinic\'s own zone: paid at 22:00 Moscow, told at 08:00 Moscow', async () => {
  data(await cloud.call('team', { action: 'policySave', requestId: 'req-policy-s3-0002', baseVersion: 1, reason: 'Регламент', preset: 'seed003' }, DIRECTOR) as Result<PolicySaved>)
  cloud.clock.pin(msk('2026-12-01 22:00'))
  const billId = await friendPays('req-bill-s3-0002')
  expect(await cloud.store.get<OutboxMessage>('outbox', `r4:${billId}`)).toMatchObject({ status: 'queued', heldUntil: msk('2026-12-02 08:00').toISOString() })
  cloud.clock.pin(msk('2026-12-02 08:00'))
  data(await cloud.deliver())
  expect((await inbox(LIFETIME)).map((m) => m.body.en)).toEqual([expect.stringContaining('Вам зачислены 100.00 ₽ на телефон и 100.00 ₽ на внутр. счет. Спасибо. 牙友口腔 · 静安店, 021-62881234')])
})

test('the default chain: the app\'s own message in yuan, both languages, as before', async () => {
  cloud.clock.pin(new Date('2026-12-01T04:00:00Z')) // 12:00 in Shanghai
  const items = await lines(cloud, [{ name: '补牙 filling', category: 'treatment', amountFen: 100_000 }])
  const ask = { patientId: 'pat_new_1', items, referrerCode: '100001' }
  const preview = data(await cloud.call('reception', { action: 'previewBill', ...ask }, RECEPTION)) as { totals: { dueFen: number } }
  data(await cloud.call('reception', { action: 'confirmBill', ...ask, requestId: 'req-bill-cny-0001', expectedDueFen: preview.totals.dueFen }, RECEPTION))
  data(await cloud.deliver())
  // ¥100 fixed + 1% of ¥700 (after the ¥300 coupon) = ¥107.
  expect((await inbox(LIFETIME)).map((m) => m.body)).toEqual([{
    zh: '您推荐的朋友今天到店就诊，¥107.00已存入您的奖励金账户。', en: 'A friend came on your recommendation; ¥107.00 credited.',
  }])
})

test('a text with an unknown placeholder: POLICY_INVALID naming the field, nothing written', async () => {
  const policy = withValueAt(DEFAULT_POLICY, 'notify.referralRewardText', 'Вам зачислены {summa}. {clinic}')
  const r = await refusedUnchanged(cloud, () => cloud.call('team', { action: 'policySave', requestId: 'req-policy-s3-0003', baseVersion: 1, reason: 'Свой текст смс', policy }, DIRECTOR))
  expect(r.code).toBe('POLICY_INVALID')
  expect(r.details?.fields).toEqual([expect.objectContaining({ path: 'notify.referralRewardText', en: expect.stringContaining('{summa}') })])
})

test('a friend card shared under a rouble policy: the share title and the rules in roubles', async () => {
  const policy = withValueAt(DEFAULT_POLICY, 'currency', 'RUB')
  data(await cloud.call('team', { action: 'policySave', requestId: 'req-policy-rub-0001', baseVersion: 1, reason: 'Клиника считает в рублях', policy }, DIRECTOR))
  const GIVER = 'demo-member-giver' // 周婷 (周*), holds the unsent demo card
  const shared = data(await cloud.call('friendcard', { action: 'share', cardId: 'fc_demo_new' }, GIVER)) as CardShare
  expect(shared.title).toBe('周*送您一张600.00 ₽亲友储值卡，可在牙友口腔用于治疗')
  const mine = data(await cloud.call('friendcard', { action: 'mine' }, GIVER)) as MyCards
  expect(mine.rules.lines[0].en).toBe('Worth 600.00 ₽, for any treatment, for anyone')
})
