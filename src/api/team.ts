/**
 * Staff onboarding (issue 10): an admin invites staff with a one-time code, the person binds their
 * WeChat by opening it; roles, clinics and access change only through the admin, and every change
 * is kept in the staff audit trail.
 */
import type { Persona, StaffRole } from './contract'

export interface ClinicView { clinicId: string; name: string; city: string }

/** One staff member as the admin sees them; phone masked (C2). */
export interface StaffMember {
  staffId: string
  name: string
  role: StaffRole
  clinicId: string
  clinicName: string
  maskedPhone: string
  active: boolean
  /** A WeChat user is bound to this record (the person opened their invitation). */
  joined: boolean
  joinedAt?: string
  /** The latest invitation while nobody has joined yet. */
  invitation?: { state: 'open' | 'expired'; expiresAt: string }
}

/** The one-time invitation: `token` is the code, `path` the mini-program page a QR opens. */
export interface StaffInvitation { staffId: string; token: string; path: string; expiresAt: string; ttlSeconds: number }

export type StaffInvitationState = 'open' | 'used' | 'revoked' | 'already_staff'

/** What the invitee sees before tapping "join": who invited them, as what, where. */
export interface StaffInvitationView {
  invitedBy: string
  name: string
  role: StaffRole
  clinicName: string
  expiresAt: string
  state: StaffInvitationState
}

export type StaffChange = 'invite' | 'reinvite' | 'join' | 'role' | 'clinic' | 'disable' | 'enable'

/** One recorded change (who, when, what, before and after). */
export interface StaffAuditView {
  id: string
  at: string
  staffId: string
  staffName: string
  change: StaffChange
  byName: string
  before?: { role?: StaffRole; clinicId?: string; active?: boolean }
  after?: { role?: StaffRole; clinicId?: string; active?: boolean }
}

export interface TeamApi {
  /** The chain's clinics, for pickers. */
  clinics: { in: Record<string, never>; out: ClinicView[] }
  list: { in: Record<string, never>; out: StaffMember[] }
  invite: { in: { name: string; role: StaffRole; clinicId: string; phone?: string }; out: StaffInvitation }
  /** A fresh code for someone who has not joined yet; earlier codes stop working. */
  reinvite: { in: { staffId: string }; out: StaffInvitation }
  invitation: { in: { token: string }; out: StaffInvitationView }
  join: { in: { token: string }; out: { persona: Persona } }
  setRole: { in: { staffId: string; role: StaffRole }; out: StaffMember }
  move: { in: { staffId: string; clinicId: string }; out: StaffMember }
  setActive: { in: { staffId: string; active: boolean }; out: StaffMember }
  history: { in: { staffId?: string }; out: StaffAuditView[] }
}
