/**
 * Staff onboarding and clinic scoping (issue 10) on the embedded database: an admin invites, the
 * person joins with their own WeChat, the admin changes role and clinic and disables; codes are
 * single use and expire; the last admin stays; every change is in the audit trail; each clinic's
 * staff see and act on their own clinic's day sheet, payouts, tasks, door and gift list.
 */
import type { Attendee, BirthdayList, DaySheet, EventPlan, FollowUpTask, Persona, PayoutView, StaffAuditView, StaffInvitation, StaffInvitationView, StaffMember } from '../../src/api/contract'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { bootstrapAdmin } from '../../cloudfunctions/_core/usecases/team-invites'
import { bootstrapFromOperator, isBootstrapEvent } from '../../cloudfunctions/_core/usecases/team-bootstrap'
import { DEFAULT_POLICY } from '../../src/domain/policy'
import { savePolicy } from '../../cloudfunctions/_core/deps'
import { code, data, openCloud, RECEPTION } from './helpers'
import { changes, snapshotAll } from './snapshot-all'
import { DIRECTOR_HZ, HZ_EVENT, RECEPTION_HZ, SH_EVENT, seedTwoClinics } from './clinic-fixtures'

const ADMIN = 'demo-staff-admin' // 管理员 孙琳
const DIRECTOR = 'demo-staff-director' // 院长 赵强, 静安
const NEWBIE = 'wx-new-colleague' // a WeChat user the clinic has never seen
const PATIENT = 'demo-patient-plain' // 赵磊, a patient

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const team = (event: object, openid: string | null) => cloud.call('team', event, openid)
const whoami = async (openid: string) => (data(await cloud.call('identity', { action: 'whoami' }, openid)) as { persona: Persona }).persona
const invite = async (extra: object = {}) => data(await team({ action: 'invite', name: '前台 小吴', role: 'receptionist', clinicId: 'clinic_hz', phone: '13812345678', ...extra }, ADMIN)) as StaffInvitation

/** A refusal: the typed error, and not one document written anywhere. */
async function refused(call: () => Promise<unknown>, expected: string) {
  const before = snapshotAll(cloud)
  const r = await call()
  expect(code(r as never)).toBe(expected)
  expect(changes(before, snapshotAll(cloud))).toEqual([])
}

describe('invite and join', () => {
  test('the admin invites; the invitee sees who invited them and joins; they are staff of that clinic, in that role', async () => {
    const inv = await invite()
    expect(inv.path).toBe(`/staff/join/index?t=${encodeURIComponent(inv.token)}`)
    expect(Date.parse(inv.expiresAt) - Date.parse('2026-11-22T02:00:00Z')).toBe(72 * 3600_000)
    expect(await whoami(NEWBIE)).toEqual({ kind: 'guest' })

    const view = data(await team({ action: 'invitation', token: inv.token }, NEWBIE)) as StaffInvitationView
    expect(view).toMatchObject({ invitedBy: '管理员 孙琳', name: '前台 小吴', role: 'receptionist', clinicName: '牙友口腔 · 西湖店', state: 'open' })

    const joined = data(await team({ action: 'join', token: inv.token }, NEWBIE)) as { persona: Persona }
    expect(joined.persona).toMatchObject({ kind: 'staff', name: '前台 小吴', role: 'receptionist', clinicId: 'clinic_hz', staffId: inv.staffId })
    expect(await whoami(NEWBIE)).toEqual(joined.persona)

    const list = data(await team({ action: 'list' }, ADMIN)) as StaffMember[]
    expect(list.find((s) => s.staffId === inv.staffId)).toMatchObject({ joined: true, active: true, maskedPhone: '138****5678' }) // C2
    expect(JSON.stringify(list)).not.toContain('13812345678')
    expect(data(await team({ action: 'invitation', token: inv.token }, NEWBIE))).toMatchObject({ state: 'used' })
  })

  test('a code works once: a second person, or the same one again, is refused and nothing is written', async () => {
    const inv = await invite()
    data(await team({ action: 'join', token: inv.token }, NEWBIE))
    await refused(() => team({ action: 'join', token: inv.token }, 'wx-someone-else'), 'STAFF_INVITE_USED')
    await refused(() => team({ action: 'join', token: inv.token }, NEWBIE), 'STAFF_INVITE_USED')
  })

  test('a code expires after 72 hours; a forged or foreign code is invalid', async () => {
    const inv = await invite()
    cloud.clock.advance(72 * 3600_000 + 1000)
    await refused(() => team({ action: 'join', token: inv.token }, NEWBIE), 'STAFF_INVITE_EXPIRED')
    expect(code(await team({ action: 'invitation', token: inv.token }, NEWBIE))).toBe('STAFF_INVITE_EXPIRED')
    await refused(() => team({ action: 'join', token: inv.token.slice(0, -2) + 'xx' }, NEWBIE), 'STAFF_INVITE_INVALID')
    const memberCode = data(await cloud.call('member', { action: 'code' }, PATIENT)) as { token: string }
    await refused(() => team({ action: 'join', token: memberCode.token }, NEWBIE), 'STAFF_INVITE_INVALID')
    expect((data(await team({ action: 'list' }, ADMIN)) as StaffMember[]).find((s) => s.staffId === inv.staffId)?.invitation?.state).toBe('expired')
  })

  test('a WeChat user already bound to staff cannot take another staff record', async () => {
    const inv = await invite()
    expect(data(await team({ action: 'invitation', token: inv.token }, RECEPTION))).toMatchObject({ state: 'already_staff' })
    await refused(() => team({ action: 'join', token: inv.token }, RECEPTION), 'STAFF_ALREADY_BOUND')
  })

  test('a patient can become staff and keeps their patient record; disabled, they are a patient again', async () => {
    const inv = await invite({ name: '赵磊', role: 'consultant', clinicId: 'clinic_sh' })
    data(await team({ action: 'join', token: inv.token }, PATIENT))
    expect(await whoami(PATIENT)).toMatchObject({ kind: 'staff', role: 'consultant' })
    expect(await cloud.store.get('users', PATIENT)).toMatchObject({ patientId: 'pat_plain', staffId: inv.staffId })
    data(await team({ action: 'setActive', staffId: inv.staffId, active: false }, ADMIN))
    expect(await whoami(PATIENT)).toMatchObject({ kind: 'patient', patientId: 'pat_plain' })
  })

  test('a reinvite replaces the earlier code; a disabled record\'s code stops working', async () => {
    const first = await invite()
    const second = data(await team({ action: 'reinvite', staffId: first.staffId }, ADMIN)) as StaffInvitation
    expect(data(await team({ action: 'invitation', token: first.token }, NEWBIE))).toMatchObject({ state: 'revoked' })
    await refused(() => team({ action: 'join', token: first.token }, NEWBIE), 'STAFF_INVITE_INVALID')
    data(await team({ action: 'setActive', staffId: first.staffId, active: false }, ADMIN))
    await refused(() => team({ action: 'join', token: second.token }, NEWBIE), 'STAFF_INVITE_INVALID')
    data(await team({ action: 'join', token: (await invite()).token }, NEWBIE))
    await refused(() => team({ action: 'reinvite', staffId: 'staff_rec_sh' }, ADMIN), 'STAFF_ALREADY_JOINED')
  })
})

describe('changes and the audit trail', () => {
  test('role change, move, disable and enable take effect at once and are each recorded (who, when, before, after)', async () => {
    const minute = () => cloud.clock.advance(60_000)
    const inv = await invite()
    minute()
    data(await team({ action: 'join', token: inv.token }, NEWBIE))
    minute()
    expect(data(await team({ action: 'setRole', staffId: inv.staffId, role: 'consultant' }, ADMIN))).toMatchObject({ role: 'consultant' })
    expect(await whoami(NEWBIE)).toMatchObject({ role: 'consultant' })
    minute()
    data(await team({ action: 'move', staffId: inv.staffId, clinicId: 'clinic_sh' }, ADMIN))
    expect(await whoami(NEWBIE)).toMatchObject({ clinicId: 'clinic_sh' })
    minute()
    data(await team({ action: 'setActive', staffId: inv.staffId, active: false }, ADMIN))
    expect(await whoami(NEWBIE)).toEqual({ kind: 'guest' }) // persona gone
    expect(code(await cloud.call('reception', { action: 'scan', code: '100001' }, NEWBIE))).toBe('FORBIDDEN')
    minute()
    data(await team({ action: 'setActive', staffId: inv.staffId, active: true }, ADMIN))
    expect(await whoami(NEWBIE)).toMatchObject({ kind: 'staff', role: 'consultant', clinicId: 'clinic_sh' })

    const trail = data(await team({ action: 'history', staffId: inv.staffId }, ADMIN)) as StaffAuditView[]
    expect(trail.map((t) => t.change)).toEqual(['enable', 'disable', 'clinic', 'role', 'join', 'invite'])
    expect(trail.find((t) => t.change === 'role')).toMatchObject({ byName: '管理员 孙琳', staffName: '前台 小吴', before: { role: 'receptionist' }, after: { role: 'consultant' }, at: '2026-11-22T02:02:00.000Z' })
    expect(trail.find((t) => t.change === 'clinic')).toMatchObject({ before: { clinicId: 'clinic_hz' }, after: { clinicId: 'clinic_sh' } })
    expect(trail.find((t) => t.change === 'join')).toMatchObject({ byName: '前台 小吴' })
    // A change to what already is writes nothing, not even an audit entry.
    const before = snapshotAll(cloud)
    data(await team({ action: 'setRole', staffId: inv.staffId, role: 'consultant' }, ADMIN))
    expect(changes(before, snapshotAll(cloud))).toEqual([])
  })

  test('the last admin cannot be demoted or disabled; with a second admin, one can', async () => {
    await refused(() => team({ action: 'setRole', staffId: 'staff_adm', role: 'director' }, ADMIN), 'LAST_ADMIN')
    await refused(() => team({ action: 'setActive', staffId: 'staff_adm', active: false }, ADMIN), 'LAST_ADMIN')
    // An invited admin who has not joined yet does not count: nobody could act as them.
    const second = await invite({ name: '管理员 二号', role: 'admin', clinicId: 'clinic_sh' })
    await refused(() => team({ action: 'setActive', staffId: 'staff_adm', active: false }, ADMIN), 'LAST_ADMIN')
    data(await team({ action: 'join', token: second.token }, NEWBIE))
    data(await team({ action: 'setActive', staffId: 'staff_adm', active: false }, NEWBIE))
    expect(await whoami(ADMIN)).toEqual({ kind: 'guest' })
    await refused(() => team({ action: 'setRole', staffId: second.staffId, role: 'doctor' }, NEWBIE), 'LAST_ADMIN')
  })

  test('unknown staff, clinic or role: typed errors, nothing written', async () => {
    await refused(() => team({ action: 'setRole', staffId: 'staff_nobody', role: 'doctor' }, ADMIN), 'STAFF_NOT_FOUND')
    await refused(() => team({ action: 'move', staffId: 'staff_rec_sh', clinicId: 'clinic_nowhere' }, ADMIN), 'CLINIC_NOT_FOUND')
    await refused(() => team({ action: 'invite', name: '某人', role: 'admin', clinicId: 'clinic_nowhere' }, ADMIN), 'CLINIC_NOT_FOUND')
    await refused(() => team({ action: 'invite', name: '某人', role: 'boss', clinicId: 'clinic_sh' }, ADMIN), 'VALIDATION')
  })

  test('only an admin manages staff: a director is refused, nothing written', async () => {
    await refused(() => team({ action: 'invite', name: '某人', role: 'admin', clinicId: 'clinic_sh' }, DIRECTOR), 'FORBIDDEN')
    await refused(() => team({ action: 'setRole', staffId: 'staff_dir_sh', role: 'admin' }, DIRECTOR), 'FORBIDDEN')
    expect((data(await team({ action: 'clinics' }, DIRECTOR)) as unknown[]).length).toBe(2)
  })
})

describe('the first admin of a fresh environment', () => {
  test('bootstrap works only while no admin can act, and its code makes the first admin', async () => {
    await expect(bootstrapAdmin(cloud.deps, { name: '孙琳', clinicId: 'clinic_sh' })).rejects.toMatchObject({ code: 'ADMIN_EXISTS' })
    const fresh = await openCloud()
    try {
      await fresh.store.wipe()
      await expect(bootstrapAdmin(fresh.deps, { name: '孙琳', clinicId: 'clinic_new' })).rejects.toMatchObject({ code: 'CLINIC_NOT_FOUND' })
      const first = await bootstrapAdmin(fresh.deps, { name: '孙琳', clinicId: 'clinic_new', newClinic: { name: '牙友口腔 · 新店', city: '苏州' } })
      const again = await bootstrapAdmin(fresh.deps, { name: '孙琳', clinicId: 'clinic_new' }) // nobody joined yet: a new code, the old one dies
      expect(code(await fresh.call('team', { action: 'join', token: first.invitation.token }, 'wx-boss'))).toBe('STAFF_INVITE_INVALID')
      const me = data(await fresh.call('team', { action: 'join', token: again.invitation.token }, 'wx-boss')) as { persona: Persona }
      expect(me.persona).toMatchObject({ kind: 'staff', role: 'admin', clinicId: 'clinic_new' })
      await expect(bootstrapAdmin(fresh.deps, { name: '别人', clinicId: 'clinic_new' })).rejects.toMatchObject({ code: 'ADMIN_EXISTS' })
      const list = data(await fresh.call('team', { action: 'list' }, 'wx-boss')) as StaffMember[]
      expect(list.map((s) => [s.active, s.joined])).toEqual([[true, true], [false, false]])
    } finally {
      await fresh.close()
    }
  })
})

test('CloudBase "First admin": only with the configured secret, and only on a fresh environment', async () => {
  const fresh = await openCloud()
  try {
    await fresh.store.wipe()
    const event = (secret: string) => ({ bootstrapAdmin: { name: '孙琳', clinicId: 'clinic_sh', clinicName: '牙友口腔 · 静安店', city: '上海', secret } })
    const SECRET = 'a-long-one-time-bootstrap-secret'
    expect(isBootstrapEvent(event(SECRET))).toBe(true)
    expect(isBootstrapEvent({ action: 'list' })).toBe(false)
    for (const [configured, given] of [[undefined, SECRET], ['short', 'short'], [SECRET, `${SECRET}x`]] as const) {
      const before = snapshotAll(fresh)
      expect(await bootstrapFromOperator(fresh.deps, event(given), configured)).toMatchObject({ ok: false, error: { code: given.length < 16 ? 'VALIDATION' : 'FORBIDDEN' } })
      expect(changes(before, snapshotAll(fresh))).toEqual([])
    }
    const r = await bootstrapFromOperator(fresh.deps, event(SECRET), SECRET)
    if (!r.ok) throw new Error(r.error.code)
    data(await fresh.call('team', { action: 'join', token: r.data.invitation.token }, 'wx-boss'))
    expect(await bootstrapFromOperator(fresh.deps, event(SECRET), SECRET)).toMatchObject({ ok: false, error: { code: 'ADMIN_EXISTS' } })
  } finally {
    await fresh.close()
  }
})

describe('clinic scoping', () => {
  beforeEach(async () => { await seedTwoClinics(cloud) })
  const ref = (event: object, openid: string) => cloud.call('referral', event, openid)

  test('a 西湖 receptionist sees 西湖\'s day sheet, payouts and tasks only; 静安\'s receptionist 静安\'s; the admin both', async () => {
    const sheet = async (openid: string) => (data(await ref({ action: 'daySheet' }, openid)) as DaySheet).rows.map((r) => r.billId)
    const payouts = async (openid: string) => (data(await ref({ action: 'payouts' }, openid)) as PayoutView[]).map((p) => p.payoutId)
    const tasks = async (openid: string) => (data(await ref({ action: 'tasks' }, openid)) as FollowUpTask[]).map((t) => t.taskId).sort()
    expect(await sheet(RECEPTION_HZ)).toEqual(['b_hz'])
    expect(await sheet(RECEPTION)).toEqual(['b_sh'])
    expect(await sheet(ADMIN)).toEqual(['b_sh', 'b_hz'])
    expect(await payouts(RECEPTION_HZ)).toEqual(['po_b_hz'])
    expect(await payouts(RECEPTION)).toEqual(['po_b_sh']) // an older payout without a clinic: the bill's
    expect(await tasks(RECEPTION_HZ)).toEqual(['task_b_hz'])
    expect(await tasks(DIRECTOR)).toEqual(['task_b_sh'])
    expect(await tasks(ADMIN)).toEqual(['task_b_hz', 'task_b_sh'])
  })

  test('acting on another clinic\'s payout, task, gift or event door is refused and writes nothing', async () => {
    await refused(() => ref({ action: 'markPaid', payoutId: 'po_b_sh', method: 'cash', reference: '现金' }, RECEPTION_HZ), 'NOT_FOUND')
    await refused(() => ref({ action: 'closeTask', taskId: 'task_b_sh', note: '已回访' }, RECEPTION_HZ), 'NOT_FOUND')
    await refused(() => cloud.call('membership', { action: 'markGift', month: '2026-12', patientId: 'pat_plain', step: 'bought' }, RECEPTION_HZ), 'GIFT_NOT_FOUND')
    await refused(() => cloud.call('events', { action: 'attendees', eventId: SH_EVENT }, RECEPTION_HZ), 'EVENT_NOT_FOUND')
    await refused(() => cloud.call('events', { action: 'checkIn', eventId: HZ_EVENT, code: '100001' }, RECEPTION), 'EVENT_NOT_FOUND')
    await refused(() => cloud.call('events', { action: 'create', kind: 'valentine', date: '2027-02-14', place: '静安店', capacity: 10, clinicId: 'clinic_sh' }, DIRECTOR_HZ), 'FORBIDDEN')
    // Their own clinic's work goes through.
    expect(data(await ref({ action: 'markPaid', payoutId: 'po_b_hz', method: 'cash', reference: '现金' }, RECEPTION_HZ))).toMatchObject({ status: 'paid' })
    expect(data(await ref({ action: 'closeTask', taskId: 'task_b_sh', note: '已回访' }, RECEPTION))).toMatchObject({ status: 'done' })
    expect(data(await cloud.call('events', { action: 'attendees', eventId: HZ_EVENT }, RECEPTION_HZ)) as Attendee[]).toEqual([])
  })

  test('gift lists and event plans are per clinic; a new event belongs to its creator\'s clinic', async () => {
    const gifts = async (openid: string) => (data(await cloud.call('membership', { action: 'birthdays', month: '2026-12' }, openid)) as BirthdayList).gifts.map((g) => g.patientId)
    expect(await gifts(RECEPTION_HZ)).toEqual(['pat_hz_1'])
    expect(await gifts(RECEPTION)).toEqual(['pat_plain'])
    expect((await gifts(ADMIN)).sort()).toEqual(['pat_hz_1', 'pat_plain'])
    const planned = async (openid: string) => (data(await cloud.call('events', { action: 'plan', year: 2026 }, openid)) as EventPlan).events.map((e) => e.eventId).sort()
    expect(await planned(RECEPTION_HZ)).toEqual([HZ_EVENT])
    expect(await planned(RECEPTION)).toEqual([SH_EVENT])
    data(await cloud.call('events', { action: 'create', kind: 'thanks_dinner', date: '2026-12-20', place: '西湖店二楼', capacity: 30 }, DIRECTOR_HZ))
    expect(await cloud.store.get('events', 'ev_thanks_dinner_20261220')).toMatchObject({ clinicId: 'clinic_hz' })
    expect(await planned(RECEPTION)).toEqual([SH_EVENT])
  })

  test('a rating\'s follow-up task carries the clinic of the rated bill', async () => {
    await cloud.store.set('bills', { ...(await cloud.store.get('bills', 'b_hz'))!, _id: 'b_hz_plain', patientId: 'pat_plain' })
    data(await ref({ action: 'rate', billId: 'b_hz_plain', score: 2 }, PATIENT))
    expect(await cloud.store.get('tasks', 'task_b_hz_plain')).toMatchObject({ clinicId: 'clinic_hz' })
    expect((data(await ref({ action: 'tasks' }, RECEPTION)) as FollowUpTask[]).map((t) => t.taskId)).not.toContain('task_b_hz_plain')
  })

  test('directors see their own clinic unless the policy lets them see the chain', async () => {
    const sheet = async () => (data(await ref({ action: 'daySheet' }, DIRECTOR_HZ)) as DaySheet).rows.map((r) => r.billId)
    expect(await sheet()).toEqual(['b_hz'])
    await savePolicy(cloud.store, { ...DEFAULT_POLICY, staff: { directorSeesChain: true } })
    expect(await sheet()).toEqual(['b_sh', 'b_hz'])
    expect((data(await ref({ action: 'daySheet' }, RECEPTION_HZ)) as DaySheet).rows.map((r) => r.billId)).toEqual(['b_hz'])
  })
})
