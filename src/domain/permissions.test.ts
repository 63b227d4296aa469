import type { Persona } from '../api/contract'
import { DEFAULT_POLICY } from './policy'
import { PERMISSIONS, STAFF_ROLES, allows, can, inScope, permissionEntries, scopeOf, whoMay } from './permissions'

const staff = (role: Extract<Persona, { kind: 'staff' }>['role'], clinicId = 'clinic_sh'): Persona => ({ kind: 'staff', staffId: `s_${role}`, name: role, role, clinicId })
const patient: Persona = { kind: 'patient', patientId: 'pat_1', name: '李明' }
const guest: Persona = { kind: 'guest' }

describe('the permissions table', () => {
  test('every row is anyone, patient or a non-empty list of known roles', () => {
    const entries = permissionEntries()
    expect(entries.length).toBeGreaterThan(50)
    for (const { fn, action, who } of entries) {
      if (who === 'anyone' || who === 'patient') continue
      // Named in the failure message, so a bad row says where it is.
      expect({ row: `${fn}.${action}`, empty: who.length === 0, unknown: who.filter((r) => !STAFF_ROLES.includes(r)) }).toEqual({ row: `${fn}.${action}`, empty: false, unknown: [] })
    }
  })

  test('role decisions made before the table stay as they were', () => {
    expect(PERMISSIONS.reception.refund).toEqual(['director', 'admin'])
    expect(PERMISSIONS.reception.confirmBill).toEqual(['receptionist', 'consultant', 'director', 'admin']) // doctors do not bill
    expect(PERMISSIONS.friendcard.issue).toEqual(['consultant', 'director', 'admin']) // F1
    expect(PERMISSIONS.partner.list).toEqual(['consultant', 'director', 'admin']) // R10
    expect(PERMISSIONS.notify.outbox).toEqual(['director', 'admin'])
    expect(PERMISSIONS.events.create).toEqual(['director', 'admin'])
    expect(PERMISSIONS.referral.markPaid).toEqual(['receptionist', 'consultant', 'director', 'admin'])
    expect(PERMISSIONS.member.home).toBe('patient')
    expect(PERMISSIONS.family.accept).toBe('anyone')
  })

  test('only an admin manages staff; anyone may open an invitation and join', () => {
    for (const a of ['list', 'invite', 'reinvite', 'setRole', 'move', 'setActive', 'history'] as const) expect(PERMISSIONS.team[a]).toEqual(['admin'])
    expect(PERMISSIONS.team.join).toBe('anyone')
    expect(PERMISSIONS.team.invitation).toBe('anyone')
  })

  test('allows: a guest only where anyone may; a patient is not staff; staff only in their roles', () => {
    expect(allows('anyone', guest)).toBe(true)
    expect(allows('patient', guest)).toBe(false)
    expect(allows('patient', patient)).toBe(true)
    expect(allows('patient', staff('admin'))).toBe(false)
    expect(allows(['director', 'admin'], staff('director'))).toBe(true)
    expect(allows(['director', 'admin'], staff('receptionist'))).toBe(false)
    expect(allows(['director', 'admin'], patient)).toBe(false)
  })

  test('can: what the staff navigation asks', () => {
    expect(can(staff('receptionist'), 'referral', 'daySheet')).toBe(true)
    expect(can(staff('doctor'), 'referral', 'daySheet')).toBe(false)
    expect(can(staff('admin'), 'team', 'list')).toBe(true)
    expect(can(staff('director'), 'team', 'list')).toBe(false)
    expect(can(null, 'identity', 'whoami')).toBe(false)
    // A name the table does not have is nobody's (e.g. an inherited property).
    expect(whoMay('team', 'toString' as never)).toBeUndefined()
    expect(can(staff('admin'), 'team', 'toString' as never)).toBe(false)
  })
})

describe('clinic scoping', () => {
  const chainPolicy = { ...DEFAULT_POLICY, staff: { directorSeesChain: true } }

  test('an admin sees the chain; a director and the front desk their own clinic', () => {
    expect(scopeOf({ role: 'admin', clinicId: 'clinic_sh' }, DEFAULT_POLICY)).toBe('chain')
    expect(scopeOf({ role: 'director', clinicId: 'clinic_hz' }, DEFAULT_POLICY)).toEqual({ clinicIds: ['clinic_hz'] })
    expect(scopeOf({ role: 'receptionist', clinicId: 'clinic_hz' }, DEFAULT_POLICY)).toEqual({ clinicIds: ['clinic_hz'] })
    expect(scopeOf({ role: 'consultant', clinicId: 'clinic_sh' }, DEFAULT_POLICY)).toEqual({ clinicIds: ['clinic_sh'] })
  })

  test('the policy can let directors see the chain, and nobody else', () => {
    expect(DEFAULT_POLICY.staff.directorSeesChain).toBe(false)
    expect(scopeOf({ role: 'director', clinicId: 'clinic_hz' }, chainPolicy)).toBe('chain')
    expect(scopeOf({ role: 'receptionist', clinicId: 'clinic_hz' }, chainPolicy)).toEqual({ clinicIds: ['clinic_hz'] })
  })

  test('inScope: own clinic yes, another no, an unknown clinic only chain-wide', () => {
    const hz = { clinicIds: ['clinic_hz'] }
    expect(inScope(hz, 'clinic_hz')).toBe(true)
    expect(inScope(hz, 'clinic_sh')).toBe(false)
    expect(inScope(hz, null)).toBe(false)
    expect(inScope(hz, undefined)).toBe(false)
    expect(inScope('chain', null)).toBe(true)
    expect(inScope('chain', 'clinic_sh')).toBe(true)
  })
})
