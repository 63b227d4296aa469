/**
 * The role × action matrix, generated from the one permissions table (src/domain/permissions.ts):
 * every function and action, called as each staff role, as staff of another clinic, as a patient,
 * as a WeChat user the clinic does not know (guest), and with no OPENID at all. Allowed callers are
 * never turned away with FORBIDDEN or UNAUTHENTICATED; everyone else gets that typed error and not
 * one document is written anywhere (every collection compared before and after). Where clinic
 * scoping applies, another clinic's staff get a typed refusal and nothing written (or lists without
 * the other clinic's rows); a patient acting on another patient's objects gets the same.
 *
 * A new action in the table needs an input below: the test says which one is missing.
 */
import type { Persona } from '../../src/api/contract'
import { allows, permissionEntries } from '../../src/domain/permissions'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { code, data, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'
import { DIRECTOR_HZ, RECEPTION_HZ, SH_EVENT, TODAY, seedTwoClinics } from './clinic-fixtures'

jest.setTimeout(120_000)

const PATIENT = 'demo-patient-plain' // 赵磊
const FRIEND = 'demo-friend' // a WeChat user with a coupon, not a patient

interface Caller { label: string; openid: string | null; persona: Persona | null; otherClinic?: boolean }
const staff = (role: Extract<Persona, { kind: 'staff' }>['role'], clinicId = 'clinic_sh'): Persona => ({ kind: 'staff', staffId: '', name: '', role, clinicId })
const CALLERS: Caller[] = [
  { label: 'receptionist', openid: RECEPTION, persona: staff('receptionist') },
  { label: 'consultant', openid: 'demo-staff-consultant', persona: staff('consultant') },
  { label: 'doctor', openid: 'demo-staff-doctor', persona: staff('doctor') },
  { label: 'director', openid: 'demo-staff-director', persona: staff('director') },
  { label: 'admin', openid: 'demo-staff-admin', persona: staff('admin') },
  { label: 'receptionist of 西湖', openid: RECEPTION_HZ, persona: staff('receptionist', 'clinic_hz'), otherClinic: true },
  { label: 'director of 西湖', openid: DIRECTOR_HZ, persona: staff('director', 'clinic_hz'), otherClinic: true },
  { label: 'patient', openid: PATIENT, persona: { kind: 'patient', patientId: 'pat_plain', name: '赵磊' } },
  { label: 'guest', openid: 'wx-never-seen-before', persona: { kind: 'guest' } },
  { label: 'no OPENID', openid: null, persona: null },
]

interface Ctx { couponId: string }
type Input = (ctx: Ctx) => Record<string, unknown>
const item = { itemId: 'pi_demo_exam', quantity: 2 } // 口腔检查 ×2, ¥100 from the demo price list (issue 13)
const ticket = 'YY1.T.nothing.9999999999.xxxxxxxxxxxxxxxxxxxxxxxxxxx'

/** An input per action, aimed at 静安's objects and at other patients' objects where an action takes one. */
const INPUTS: Record<string, Record<string, Input>> = {
  identity: {
    whoami: () => ({}), sendPhoneCode: () => ({ phone: '13500004444' }), verifyPhone: () => ({ phone: '13500004444', code: '123456' }),
    verifyWeChatPhone: () => ({ wxCode: 'wx-code-0123456789' }), bindVerified: () => ({ patientId: 'pat_lifetime' }), bindByDeskCode: () => ({ token: ticket }),
    profile: () => ({}), setDisplayName: () => ({ displayName: '赵先生' }),
  },
  member: { home: () => ({}), code: () => ({}) },
  friendcard: {
    issue: () => ({ patientId: 'pat_annual', treatmentConfirmed: true, requestId: 'req-matrix-0001' }), mine: () => ({}),
    share: () => ({ cardId: 'fc_demo_new' }), offer: () => ({ token: 'demo-share-token-new-card-0001' }), claim: () => ({ token: 'demo-share-token-claimed-0002' }),
    code: () => ({ cardId: 'fc_demo_claimed' }), register: () => ({ ticket }), revoke: () => ({ cardId: 'fc_demo_new', reason: '测试作废' }),
    summary: () => ({}), reminders: () => ({}),
  },
  family: {
    get: () => ({}), invite: () => ({}), invitation: () => ({ token: 'no-such-family-invite' }), accept: () => ({ token: 'no-such-family-invite' }),
    unbind: () => ({ patientId: 'pat_family_son' }), setStanding: () => ({ patientId: 'pat_family_wife', allowed: true }), decide: () => ({ requestId: 'br_matrix', approve: true }),
  },
  membership: { reminders: () => ({}), birthdays: () => ({ month: '2026-12' }), markGift: () => ({ month: '2026-12', patientId: 'pat_plain', step: 'bought' }) },
  notify: { subscribe: () => ({ templates: ['birthday'], source: 'matrix' }), consents: () => ({}), inbox: () => ({}), outbox: () => ({}) },
  events: {
    plan: () => ({ year: 2026 }), create: () => ({ kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 10, clinicId: 'clinic_sh' }),
    list: () => ({}), rsvp: () => ({ eventId: SH_EVENT, attending: true }), attendees: () => ({ eventId: SH_EVENT }), checkIn: () => ({ eventId: SH_EVENT, code: '100001' }),
  },
  referral: {
    mine: () => ({}), posterCode: () => ({}), offer: () => ({ code: demoReferralCode('pat_lifetime') }), takeCoupon: () => ({ code: demoReferralCode('pat_lifetime') }),
    coupons: () => ({}), couponCode: (c) => ({ couponId: c.couponId }), rate: () => ({ billId: 'b_sh', score: 9 }), leaderboard: () => ({}),
    daySheet: () => ({ date: TODAY }), audit: () => ({}), payouts: () => ({}), markPaid: () => ({ payoutId: 'po_b_sh', method: 'cash', reference: '现金付讫' }),
    tasks: () => ({}), closeTask: () => ({ taskId: 'task_b_sh', note: '已电话回访' }),
  },
  partner: { register: () => ({ name: '合作方', phone: '13900001111', consultantStaffId: 'staff_con_sh' }), mine: () => ({}), list: () => ({}) },
  reception: {
    scan: () => ({ code: '100001' }), requestOwnerBalance: () => ({ patientId: 'pat_family_wife', amountFen: 100 }), register: () => ({ ticket }),
    registerWalkIn: () => ({ name: '新患者', phone: '13900002222' }), lookup: () => ({ query: '100001' }), bindingCode: () => ({ patientId: 'pat_plain' }),
    refund: () => ({ billId: 'b_sh', amountFen: 100, reason: '测试退款', requestId: 'req-matrix-0002' }),
    previewBill: () => ({ patientId: 'pat_plain', items: [item] }), confirmBill: () => ({ patientId: 'pat_plain', items: [item], requestId: 'req-matrix-0003', expectedDueFen: 10_000 }),
    findBills: () => ({ day: TODAY }), receipt: () => ({ billId: 'b_sh' }), daySheet: () => ({ clinicId: 'clinic_sh', day: TODAY }),
    closeDay: () => ({ clinicId: 'clinic_sh', day: TODAY, requestId: 'req-matrix-0004' }), closedDays: () => ({ month: TODAY.slice(0, 7) }),
  },
  team: {
    clinics: () => ({}), list: () => ({}), invite: () => ({ name: '新同事', role: 'receptionist', clinicId: 'clinic_sh' }), reinvite: () => ({ staffId: 'staff_doc_sh' }),
    invitation: () => ({ token: ticket }), join: () => ({ token: ticket }), setRole: () => ({ staffId: 'staff_doc_sh', role: 'consultant' }),
    move: () => ({ staffId: 'staff_doc_sh', clinicId: 'clinic_hz' }), setActive: () => ({ staffId: 'staff_doc_sh', active: false }), history: () => ({}),
    policyGet: () => ({}), policyHistory: () => ({}), policySimulate: () => ({ preset: 'seed003' }), dashboard: () => ({}), rebuildTotals: () => ({}),
    policySave: () => ({ requestId: 'req-matrix-policy-01', baseVersion: 1, reason: '矩阵测试', preset: 'seed003' }),
  },
  records: {
    importPatients: () => ({ fileName: 'patients.csv', format: 'csv', content: '病历号,姓名,手机\n900001,测试,13900003333\n', dryRun: true }),
    priceList: () => ({ includeInactive: true }), searchPriceItems: () => ({ query: 'jy' }),
    savePriceItem: () => ({ requestId: 'req-matrix-price-01', name: '矩阵测试项目', category: 'treatment', priceFen: 10_000, active: true }),
    setPriceItemActive: () => ({ requestId: 'req-matrix-price-02', itemId: 'pi_demo_floss', version: 0, active: false }),
    importPriceItems: () => ({ fileName: 'prices.csv', format: 'csv', content: '名称,类别,价格\n矩阵导入项目,治疗,100\n', dryRun: false }),
  },
  privacy: { notice: () => ({}), accept: () => ({ version: '1' }), summary: () => ({}), export: () => ({ format: 'json' }), consentLog: () => ({}) },
  clinic: {
    clinics: () => ({}), request: () => ({ requestId: 'req-matrix-apt1', clinicId: 'clinic_sh', preferredDate: '2026-11-24', timeOfDay: 'morning', phone: '13900004444', name: '测试' }),
    appointments: () => ({}), dial: () => ({ appointmentId: SH_APPOINTMENT }), mark: () => ({ appointmentId: SH_APPOINTMENT, status: 'called', version: 0 }),
  },
}

/** Clinic scoping: what a 西湖 caller allowed by role gets when the action names 静安's object. */
const SCOPED_REFUSAL: Record<string, string> = {
  'referral.markPaid': 'NOT_FOUND', 'referral.closeTask': 'NOT_FOUND', 'membership.markGift': 'GIFT_NOT_FOUND',
  'events.attendees': 'EVENT_NOT_FOUND', 'events.checkIn': 'EVENT_NOT_FOUND', 'events.create': 'FORBIDDEN',
  'clinic.dial': 'APPOINTMENT_NOT_FOUND', 'clinic.mark': 'APPOINTMENT_NOT_FOUND',
}
/** Clinic scoping in lists: nothing of 静安's in what a 西湖 caller sees. */
const SCOPED_LIST: Record<string, (d: unknown) => string> = {
  'referral.daySheet': (d) => JSON.stringify((d as { rows: unknown[] }).rows),
  'referral.payouts': (d) => JSON.stringify(d),
  'referral.tasks': (d) => JSON.stringify(d),
  'membership.birthdays': (d) => JSON.stringify((d as { gifts: unknown[] }).gifts),
  'events.plan': (d) => JSON.stringify((d as { events: unknown[] }).events),
  'clinic.appointments': (d) => JSON.stringify(d),
}
/** Issue 12: an appointment request to 静安 (a friend's, straight into the store). */
const SH_APPOINTMENT = 'apt_matrix_sh'
const SH_MARKERS = ['b_sh', 'po_b_sh', 'task_b_sh', 'pat_plain', SH_EVENT, SH_APPOINTMENT]

/** A patient (赵磊) aiming at someone else's card, coupon, bill, family or record. */
const OTHER_PATIENTS_OBJECTS = ['family.unbind', 'family.setStanding', 'family.decide', 'friendcard.share', 'friendcard.code', 'referral.couponCode', 'referral.rate', 'identity.bindVerified']

async function fixture(): Promise<{ cloud: LocalCloud; ctx: Ctx }> {
  const cloud = await openCloud()
  await seedTwoClinics(cloud)
  // 李明's family owner balance request, and a coupon the friend took: other people's objects.
  await cloud.store.set('balanceRequests', { _id: 'br_matrix', ownerId: 'pat_lifetime', memberId: 'pat_family_wife', amountFen: 100, status: 'pending', createdAt: '2026-11-22T01:00:00.000Z' })
  data(await cloud.call('referral', { action: 'takeCoupon', code: demoReferralCode('pat_lifetime') }, FRIEND))
  await cloud.store.set('appointments', {
    _id: SH_APPOINTMENT, requestId: 'matrix_sh', openid: FRIEND, clinicId: 'clinic_sh', preferredDate: '2026-11-24', timeOfDay: 'morning', name: '小美', via: 'coupon',
    phone: '13900005555', phoneSource: 'typed', status: 'open', version: 0, createdAt: '2026-11-22T01:00:00.000Z', updatedAt: '2026-11-22T01:00:00.000Z', log: [],
  })
  const [coupon] = data(await cloud.call('referral', { action: 'coupons' }, FRIEND)) as Array<{ couponId: string }>
  return { cloud, ctx: { couponId: coupon.couponId } }
}

const entries = permissionEntries()

test('every action in the table has an input in this matrix', () => {
  const missing = entries.filter(({ fn, action }) => !INPUTS[fn]?.[action]).map(({ fn, action }) => `${fn}.${action}`)
  expect(missing).toEqual([])
})

describe.each(entries.map((e) => [`${e.fn}.${e.action}`, e] as const))('%s', (_name, { fn, action, who }) => {
  let cloud: LocalCloud
  let ctx: Ctx
  beforeEach(async () => { ({ cloud, ctx } = await fixture()) })
  afterEach(() => cloud.close())
  const key = `${fn}.${action}`
  const call = (c: Caller) => cloud.call(fn, { action, ...(INPUTS[fn]?.[action]?.(ctx) ?? {}) }, c.openid)
  const allowed = (c: Caller) => c.persona !== null && allows(who, c.persona)

  test('refused callers: FORBIDDEN or UNAUTHENTICATED, nothing written', async () => {
    for (const c of CALLERS.filter((x) => !allowed(x))) {
      const before = snapshotAll(cloud)
      const r = await call(c)
      expect({ caller: c.label, code: code(r) }).toEqual({ caller: c.label, code: c.openid === null ? 'UNAUTHENTICATED' : 'FORBIDDEN' })
      expect({ caller: c.label, written: changes(before, snapshotAll(cloud)) }).toEqual({ caller: c.label, written: [] })
    }
  })

  test('allowed callers are not turned away by role; another clinic\'s staff only see and touch their own clinic', async () => {
    for (const c of CALLERS.filter(allowed)) {
      const before = snapshotAll(cloud)
      const r = await call(c)
      const got = r.ok ? 'ok' : r.error.code
      expect({ caller: c.label, refusedByRole: got === 'FORBIDDEN' || got === 'UNAUTHENTICATED' }).toEqual({ caller: c.label, refusedByRole: c.otherClinic === true && SCOPED_REFUSAL[key] === 'FORBIDDEN' })
      if (c.otherClinic && SCOPED_REFUSAL[key]) {
        expect({ caller: c.label, code: got, written: changes(before, snapshotAll(cloud)) }).toEqual({ caller: c.label, code: SCOPED_REFUSAL[key], written: [] })
      }
      if (c.otherClinic && SCOPED_LIST[key] && r.ok) {
        const shown = SCOPED_LIST[key](r.data)
        expect({ caller: c.label, leaked: SH_MARKERS.filter((m) => shown.includes(m)) }).toEqual({ caller: c.label, leaked: [] })
      }
    }
  })

  if (OTHER_PATIENTS_OBJECTS.includes(key)) {
    test('a patient acting on another patient\'s object: a typed refusal, nothing written', async () => {
      const before = snapshotAll(cloud)
      const r = await call(CALLERS.find((c) => c.label === 'patient')!)
      expect(r.ok).toBe(false)
      code(r) // zh and en messages
      expect(changes(before, snapshotAll(cloud))).toEqual([])
    })
  }
})

test('the lists a 静安 receptionist sees do include 静安\'s rows (the markers above are real)', async () => {
  const { cloud } = await fixture()
  try {
    const sheet = data(await cloud.call('referral', { action: 'daySheet', date: TODAY }, RECEPTION))
    expect(SCOPED_LIST['referral.daySheet'](sheet)).toContain('b_sh')
    expect(SCOPED_LIST['referral.payouts'](data(await cloud.call('referral', { action: 'payouts' }, RECEPTION)))).toContain('po_b_sh')
    expect(SCOPED_LIST['referral.tasks'](data(await cloud.call('referral', { action: 'tasks' }, RECEPTION)))).toContain('task_b_sh')
    expect(SCOPED_LIST['membership.birthdays'](data(await cloud.call('membership', { action: 'birthdays', month: '2026-12' }, RECEPTION)))).toContain('pat_plain')
    expect(SCOPED_LIST['events.plan'](data(await cloud.call('events', { action: 'plan', year: 2026 }, RECEPTION)))).toContain(SH_EVENT)
    expect(SCOPED_LIST['clinic.appointments'](data(await cloud.call('clinic', { action: 'appointments' }, RECEPTION)))).toContain(SH_APPOINTMENT)
  } finally {
    await cloud.close()
  }
})
