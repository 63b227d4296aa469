/** Membership, family and consent (M1–M7, S1) through the cloud functions on the embedded database. */
import type { BalanceRequest, ConfirmedBill, Family, FamilyInvite, InvitationView, MembershipReminderView, RefundResult } from '../../src/api/contract'
import type { BillResult } from '../../src/domain/bill/engine'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { code, data, LIFETIME, openCloud, RECEPTION, snapshot } from './helpers'
import { picked } from './catalogue'

const DIRECTOR = 'demo-staff-director'
const FAMILY = 'demo-member-family' // 张丽, bound to 李明
const ANNUAL = 'demo-member-annual' // 王芳
const PLAIN = 'demo-patient-plain' // 赵磊
const treatment = (amountFen: number, name = '治疗 treatment') => ({ name, category: 'treatment', amountFen })

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

// Issue 13: typed items become price list items, picked by id as the desk does.
const desk = async (event: object, openid = RECEPTION) => cloud.call('reception', await picked(cloud, event), openid)
const fam = (event: object, openid: string) => cloud.call('family', event, openid)
let seq = 0
async function pay(patientId: string, items: object[], extra: object = {}): Promise<ConfirmedBill> {
  const preview = data(await desk({ action: 'previewBill', patientId, items, ...extra })) as BillResult
  return data(await desk({ action: 'confirmBill', patientId, items, ...extra, requestId: `m-bill-${String(++seq).padStart(4, '0')}`, expectedDueFen: preview.totals.dueFen })) as ConfirmedBill
}

describe('tiers (M1, M6)', () => {
  test('three bills crossing ¥30,000: lifetime on the crossing payment, discount from the next bill on', async () => {
    const a = await pay('pat_new_1', [treatment(1_200_000)])
    const b = await pay('pat_new_1', [treatment(1_200_000)])
    expect([a.tierAfter, b.tierAfter]).toEqual(['none', 'none'])
    const c = await pay('pat_new_1', [treatment(600_000)])
    expect(c).toMatchObject({ tierAfter: 'lifetime', cumulativeSpendAfterFen: 3_000_000, paidFen: 600_000 }) // not retro-discounted
    const d = await pay('pat_new_1', [treatment(10_000)])
    expect(d.result.totals.memberDiscountFen).toBe(1_200)
  })

  test('an annual membership sold at reception: member from this bill on; renewal extends from the end', async () => {
    const r = await pay('pat_plain', [{ name: '年度会员 annual membership', category: 'membership_fee', amountFen: 89_900 }, treatment(10_000)])
    expect(r.tierAfter).toBe('annual')
    expect(r.result.totals.memberDiscountFen).toBe(1_200) // 12% of the treatment, none on the fee
    const before = (await cloud.store.get<{ _id: string; annualUntil: string }>('patients', 'pat_annual'))!.annualUntil
    await pay('pat_annual', [{ name: '续费 renewal', category: 'membership_fee', amountFen: 89_900 }])
    const after = (await cloud.store.get<{ _id: string; annualUntil: string }>('patients', 'pat_annual'))!.annualUntil
    expect(new Date(after).getUTCFullYear() - new Date(before).getUTCFullYear()).toBe(1)
  })

  test('refused: annual for a lifetime member, the wrong fee, two fees on a bill', async () => {
    const fee = { name: '年度会员', category: 'membership_fee', amountFen: 89_900 }
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_lifetime', items: [fee] }))).toBe('MEMBERSHIP_NOT_NEEDED')
    // The price list holds the policy's fee (M1); only the director's typed line can name another.
    expect(code(await cloud.call('reception', { action: 'previewBill', patientId: 'pat_plain', items: [{ ...fee, amountFen: 50_000 }] }, 'demo-staff-director'))).toBe('MEMBERSHIP_FEE_MISMATCH')
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_plain', items: [fee, fee] }))).toBe('VALIDATION')
  })

  test('a refund soon after crossing takes lifetime back; director only; once per request (M6 policy)', async () => {
    const crossing = await pay('pat_near_lifetime', [treatment(60_000)]) // 陈静: annual, ¥500 short; pays ¥528 after 12%
    expect(crossing).toMatchObject({ tierAfter: 'lifetime', paidFen: 52_800 })
    const req = { action: 'refund', billId: crossing.billId, amountFen: 52_800, reason: '治疗取消 treatment cancelled', requestId: 'refund-0001' }
    expect(code(await desk(req))).toBe('FORBIDDEN') // receptionists do not refund
    const r = data(await desk(req, DIRECTOR)) as RefundResult
    expect(r).toMatchObject({ tierAfter: 'annual', cumulativeSpendAfterFen: 2_950_000 })
    expect((data(await desk(req, DIRECTOR)) as RefundResult).replayed).toBe(true)
    expect(code(await desk({ ...req, requestId: 'refund-0002', amountFen: 1 }, DIRECTOR))).toBe('REFUND_TOO_LARGE')
  })
})

describe('discounts for others (M3, M5)', () => {
  test('a bound family member gets the member discount', async () => {
    const r = data(await desk({ action: 'previewBill', patientId: 'pat_family_wife', items: [treatment(10_000)] })) as BillResult
    expect(r.lines[0].adjustments[0]).toMatchObject({ kind: 'member_discount', amountFen: 1_200 })
    expect(r.lines[0].adjustments[0].reason.zh).toContain('家庭')
  })

  test('a non-member naming a member gets the discount, recorded as a referral by that member (M5, R6)', async () => {
    const r = await pay('pat_new_2', [treatment(10_000)], { namedMemberCode: '100001' })
    expect(r.result.totals.memberDiscountFen).toBe(1_200)
    expect(await cloud.store.get('referrals', 'ref_pat_pat_new_2')).toMatchObject({ referrerPatientId: 'pat_lifetime', source: 'named_member', status: 'locked', lockedAt: expect.any(String) })
  })

  test('naming oneself, a non-member, or an unknown number is refused', async () => {
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_plain', items: [treatment(100)], namedMemberCode: '100007' }))).toBe('NAMED_MEMBER_INVALID') // 赵磊 himself
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_new_2', items: [treatment(100)], namedMemberCode: '100007' }))).toBe('NAMED_MEMBER_INVALID') // not a member
    expect(code(await desk({ action: 'previewBill', patientId: 'pat_new_2', items: [treatment(100)], namedMemberCode: '999999' }))).toBe('NAMED_MEMBER_INVALID')
  })
})

describe('family binding (M3)', () => {
  async function inviteFromLiMing(): Promise<string> {
    return (data(await fam({ action: 'invite' }, LIFETIME)) as FamilyInvite).token
  }

  test('the owner invites in a chat, the invitee accepts, the 4th is refused', async () => {
    const t1 = await inviteFromLiMing()
    expect((data(await fam({ action: 'invitation', token: t1 }, ANNUAL)) as InvitationView)).toMatchObject({ state: 'open', ownerDisplayName: '李*' }) // C2: the display name, never the record's
    const f = data(await fam({ action: 'accept', token: t1 }, ANNUAL)) as Family
    expect(f.members.map((m) => m.name).sort()).toEqual(['张丽', '李小宇', '王芳'].sort())
    expect(code(await fam({ action: 'invite' }, LIFETIME))).toBe('FAMILY_FULL')
  })

  test('refused: oneself, someone already in a family, a used invitation, a non-patient; nothing written', async () => {
    const t = await inviteFromLiMing()
    const before = await snapshot(cloud)
    expect(code(await fam({ action: 'accept', token: t }, LIFETIME))).toBe('FAMILY_SELF')
    expect(code(await fam({ action: 'accept', token: t }, FAMILY))).toBe('FAMILY_ALREADY_BOUND')
    expect(code(await fam({ action: 'accept', token: t }, 'demo-friend'))).toBe('NOT_A_PATIENT')
    expect(await snapshot(cloud)).toBe(before)
    data(await fam({ action: 'accept', token: t }, PLAIN))
    expect(code(await fam({ action: 'accept', token: t }, ANNUAL))).toBe('FAMILY_INVITE_INVALID')
  })

  test('two invitees accepting the last place at once: exactly one is bound', async () => {
    const [a, b] = [await inviteFromLiMing(), await inviteFromLiMing()]
    const results = await Promise.all([fam({ action: 'accept', token: a }, ANNUAL), fam({ action: 'accept', token: b }, PLAIN)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await cloud.store.count('patients', { familyOwnerId: 'pat_lifetime' })).toBe(3)
  })

  test('the owner unbinds; the former member loses the family discount', async () => {
    data(await fam({ action: 'unbind', patientId: 'pat_family_wife' }, LIFETIME))
    const r = data(await desk({ action: 'previewBill', patientId: 'pat_family_wife', items: [treatment(10_000)] })) as BillResult
    expect(r.totals.memberDiscountFen).toBe(0)
    expect(code(await fam({ action: 'unbind', patientId: 'pat_family_wife' }, LIFETIME))).toBe('FAMILY_NOT_MEMBER')
  })
})

describe('paying from the owner\'s balance (M4)', () => {
  // The family member is at the desk and shows her own member code: the payer is present.
  let payerTicket = ''
  beforeEach(async () => {
    const mc = data(await cloud.call('member', { action: 'code' }, FAMILY)) as { token: string }
    payerTicket = (data(await desk({ action: 'scan', code: mc.token })) as { payerTicket: string }).payerTicket
  })
  const bill = (extra: object) => ({ action: 'confirmBill', patientId: 'pat_family_wife', items: [treatment(10_000)], useOwnerBalanceFen: 5_000, payerTicket, expectedDueFen: 10_000 - 1_200 - 5_000, ...extra })

  test('without consent it is refused and nothing is written', async () => {
    const before = await snapshot(cloud)
    expect(code(await desk(bill({ requestId: 'owner-0001' })))).toBe('CONSENT_REQUIRED')
    expect(await snapshot(cloud)).toBe(before)
  })

  test('with the owner\'s approval it succeeds once; the approval cannot be replayed', async () => {
    const req = data(await desk({ action: 'requestOwnerBalance', patientId: 'pat_family_wife', amountFen: 5_000 })) as BalanceRequest
    const pending = data(await fam({ action: 'get' }, LIFETIME)) as Family
    expect(pending.pending.map((p) => p.requestId)).toEqual([req.requestId])
    expect(code(await desk(bill({ requestId: 'owner-0002', ownerConsentId: req.requestId })))).toBe('CONSENT_REQUIRED') // not approved yet
    data(await fam({ action: 'decide', requestId: req.requestId, approve: true }, LIFETIME))
    data(await desk(bill({ requestId: 'owner-0003', ownerConsentId: req.requestId })))
    expect((await cloud.store.get<{ _id: string; balanceFen: number }>('accounts', 'bonus:pat_lifetime'))!.balanceFen).toBe(30_000 - 5_000)
    expect(code(await desk(bill({ requestId: 'owner-0004', ownerConsentId: req.requestId })))).toBe('CONSENT_USED')
    expect(code(await fam({ action: 'decide', requestId: req.requestId, approve: true }, LIFETIME))).toBe('CONSENT_USED')
  })

  test('a standing permission works until the owner withdraws it', async () => {
    data(await fam({ action: 'setStanding', patientId: 'pat_family_wife', allowed: true }, LIFETIME))
    data(await desk(bill({ requestId: 'owner-0005' })))
    data(await fam({ action: 'setStanding', patientId: 'pat_family_wife', allowed: false }, LIFETIME))
    expect(code(await desk(bill({ requestId: 'owner-0006' })))).toBe('CONSENT_REQUIRED')
  })

  test('only the owner decides; a family member cannot approve their own request', async () => {
    const req = data(await desk({ action: 'requestOwnerBalance', patientId: 'pat_family_wife', amountFen: 5_000 })) as BalanceRequest
    expect(code(await fam({ action: 'decide', requestId: req.requestId, approve: true }, FAMILY))).toBe('NOT_FOUND')
  })
})

test('M7: annual members lapsing within 30 days are listed with a key per term', async () => {
  const due = data(await cloud.call('membership', { action: 'reminders' }, DIRECTOR)) as MembershipReminderView[]
  expect(due.map((d) => d.name)).toEqual(['刘洋'])
  expect(due[0].key).toMatch(/^m7:pat_annual_lapsing:\d{4}-\d{2}-\d{2}$/)
  expect(code(await cloud.call('membership', { action: 'reminders' }, RECEPTION))).toBe('FORBIDDEN')
})
