/**
 * Who may call what: the one permissions table of every cloud function action. The handlers take
 * `who` from here (cloudfunctions/_core/runtime/define.ts checks it before any use case runs), the
 * mini-program shows a staff page only to roles that may call its main action (`can`), and the
 * role × action matrix test (test/integration/permissions.test.ts) is generated from it.
 *
 * A function or action in `Api` (src/api/contract.ts) that is missing here is a compile error.
 */
import type { ActionOf, FnName, Persona, StaffRole } from '../api/contract'
import type { Policy } from './policy'

/** 'anyone': any WeChat user, known or not; 'patient': a user bound to a patient record; else active staff in these roles. */
export type Who = 'anyone' | 'patient' | readonly StaffRole[]

export type PermissionTable = { readonly [F in FnName]: { readonly [A in ActionOf<F>]: Who } }

export const STAFF_ROLES = ['receptionist', 'consultant', 'doctor', 'director', 'admin'] as const satisfies readonly StaffRole[]

/** Front desk work (S1, S2, N2, N4 door): doctors do not bill or scan. */
const DESK = ['receptionist', 'consultant', 'director', 'admin'] as const
/** Money going back out, programme reports, planning: the director and admin. */
const MANAGERS = ['director', 'admin'] as const
/** F1: consultants and the director decide when treatment is half done. */
const ISSUERS = ['consultant', 'director', 'admin'] as const
/** R10: consultants look after partners. */
const PARTNER_DESK = ['consultant', 'director', 'admin'] as const
/** Staff onboarding: only an admin changes who works where and as what. */
const ADMIN = ['admin'] as const

export const PERMISSIONS = {
  identity: {
    whoami: 'anyone',
    sendPhoneCode: 'anyone',
    verifyPhone: 'anyone',
    verifyWeChatPhone: 'anyone',
    bindVerified: 'anyone',
    bindByDeskCode: 'anyone',
    profile: 'patient',
    setDisplayName: 'patient',
  },
  member: { home: 'patient', code: 'patient' },
  friendcard: {
    issue: ISSUERS,
    mine: 'anyone',
    share: 'patient',
    offer: 'anyone',
    claim: 'anyone',
    code: 'anyone',
    register: DESK,
    revoke: MANAGERS,
    summary: MANAGERS,
    reminders: MANAGERS,
  },
  family: {
    get: 'patient',
    invite: 'patient',
    invitation: 'anyone',
    accept: 'anyone',
    unbind: 'patient',
    setStanding: 'patient',
    decide: 'patient',
  },
  membership: { reminders: MANAGERS, birthdays: DESK, markGift: DESK },
  notify: { subscribe: 'anyone', consents: 'anyone', inbox: 'anyone', outbox: MANAGERS },
  events: { plan: DESK, create: MANAGERS, list: 'patient', rsvp: 'patient', attendees: DESK, checkIn: DESK },
  referral: {
    mine: 'patient',
    posterCode: 'patient',
    offer: 'anyone',
    takeCoupon: 'anyone',
    coupons: 'anyone',
    couponCode: 'anyone',
    rate: 'patient',
    leaderboard: DESK,
    daySheet: DESK,
    audit: MANAGERS,
    payouts: DESK,
    markPaid: DESK,
    tasks: DESK,
    closeTask: DESK,
  },
  partner: { register: 'anyone', mine: 'anyone', list: PARTNER_DESK },
  reception: {
    scan: DESK,
    requestOwnerBalance: DESK,
    register: DESK,
    registerWalkIn: DESK,
    lookup: DESK,
    bindingCode: DESK,
    refund: MANAGERS,
    previewBill: DESK,
    confirmBill: DESK,
    /** Issue 13: bills found, receipts reprinted, the day closed by the desk; managers see closed days. */
    findBills: DESK,
    receipt: DESK,
    daySheet: DESK,
    closeDay: DESK,
    closedDays: MANAGERS,
  },
  /**
   * Patient import (issue 10): the director and admin bring the clinic's records in.
   * Issue 13, price list: everyone who bills reads it; the director and admin change items; only
   * the admin replaces it from a file (the chain's catalogue, not one clinic's).
   */
  records: { importPatients: MANAGERS, priceList: DESK, searchPriceItems: DESK, savePriceItem: MANAGERS, setPriceItemActive: MANAGERS, importPriceItems: ADMIN },
  /** C2: everyone reads and accepts the notice; a patient sees and exports what is held about them. */
  privacy: { notice: 'anyone', accept: 'anyone', summary: 'patient', export: 'patient', consentLog: 'patient' },
  /**
   * Issue 12: anyone sees the chain's clinics; a patient or a friend with a card or coupon asks for
   * an appointment (the use case checks which); the front desk of that clinic calls back and marks it.
   */
  clinic: { clinics: 'anyone', request: 'anyone', appointments: DESK, dial: DESK, mark: DESK },
  team: {
    clinics: MANAGERS,
    list: ADMIN,
    invite: ADMIN,
    reinvite: ADMIN,
    invitation: 'anyone',
    join: 'anyone',
    setRole: ADMIN,
    move: ADMIN,
    setActive: ADMIN,
    history: ADMIN,
    /** Issue 14: the chain's policy — the director and admin read, change and trace it. */
    policyGet: MANAGERS,
    policySave: MANAGERS,
    policyHistory: MANAGERS,
    /** Issue 14: replaying a period under a proposed policy (read-only; clinic-scoped like the reports). */
    policySimulate: MANAGERS,
    /** Issue 14 item 1: the director's dashboard (read-only; clinic-scoped like the reports). */
    dashboard: MANAGERS,
    /** Issue 14: recount the reports' running totals (after an upgrade, outside opening hours). */
    rebuildTotals: ADMIN,
  },
} as const satisfies PermissionTable

type Table = typeof PERMISSIONS
export type WhoOf<F extends FnName, A extends ActionOf<F>> = A extends keyof Table[F] ? Table[F][A] : never

/** The table's row; undefined for a name it does not have (nobody may call that). */
export function whoMay<F extends FnName>(fn: F, action: ActionOf<F>): Who | undefined {
  const row = Object.prototype.hasOwnProperty.call(PERMISSIONS, fn) ? (PERMISSIONS[fn] as Record<string, Who>) : undefined
  return row && Object.prototype.hasOwnProperty.call(row, action) ? row[action] : undefined
}

/** Does `who` let this persona in? A guest passes only 'anyone'; staff pass only as active staff (resolvePersona). */
export function allows(who: Who, persona: Persona): boolean {
  if (who === 'anyone') return true
  if (who === 'patient') return persona.kind === 'patient'
  return persona.kind === 'staff' && who.includes(persona.role)
}

/** May this persona call `fn.action`? The UI asks before showing a page or a button; the server enforces it. */
export function can<F extends FnName>(persona: Persona | null | undefined, fn: F, action: ActionOf<F>): boolean {
  const who = whoMay(fn, action)
  return Boolean(persona) && who !== undefined && allows(who, persona!)
}

/** Every function and action with who may call it, in table order (the matrix test walks this). */
export function permissionEntries(): Array<{ fn: FnName; action: string; who: Who }> {
  return (Object.keys(PERMISSIONS) as FnName[]).flatMap((fn) =>
    Object.entries(PERMISSIONS[fn] as Record<string, Who>).map(([action, who]) => ({ fn, action, who })))
}

// ---- Clinic scoping ----

/** Which clinics' day sheets, payouts, tasks, event doors and gift lists a staff member sees and acts on. */
export type Scope = 'chain' | { clinicIds: readonly string[] }

/**
 * An admin sees the chain; a director their clinic, or the chain when the policy says so
 * (`staff.directorSeesChain`); everyone else their own clinic.
 */
export function scopeOf(staff: { role: StaffRole; clinicId: string }, policy: Pick<Policy, 'staff'>): Scope {
  if (staff.role === 'admin') return 'chain'
  if (staff.role === 'director' && policy.staff.directorSeesChain) return 'chain'
  return { clinicIds: [staff.clinicId] }
}

/** An object of an unknown clinic (null) is visible chain-wide only. */
export function inScope(scope: Scope, clinicId: string | null | undefined): boolean {
  if (scope === 'chain') return true
  return typeof clinicId === 'string' && scope.clinicIds.includes(clinicId)
}
