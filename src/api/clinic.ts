/**
 * Issue 12, item 4 — the friend's next step: the chain's clinics (address, map, phone, hours) and
 * the appointment request (预约申请) that staff of the chosen clinic call back about (docs/appointments.md).
 */
import type { AppointmentStatus, StaffMark } from '../domain/appointments/status'
import type { OpeningHours, TimeOfDay } from '../domain/appointments/hours'

export type { AppointmentStatus, OpeningHours, StaffMark, TimeOfDay }

/** A clinic as anyone may see it: no staff data. Coordinates are GCJ-02, what WeChat's map takes. */
export interface ClinicInfo {
  clinicId: string
  name: string
  city: string
  address: string
  phone: string
  hours: OpeningHours[]
  latitude: number
  longitude: number
}

/** One of the caller's own requests. */
export interface MyAppointment {
  appointmentId: string
  clinicId: string
  clinicName: string
  preferredDate: string
  timeOfDay: TimeOfDay
  status: AppointmentStatus
  createdAt: string
}

/** The clinics page: the clinics, the days one may ask for, the phone on file (masked) and the caller's requests. */
export interface ClinicsPage {
  clinics: ClinicInfo[]
  /** Business dates (clinic zone): the first and the last day a request may name. */
  today: string
  lastDay: string
  /** The number reception would call, masked; null when the caller must type one. */
  phoneOnFile: string | null
  /** A patient's requests carry their record's name; everyone else gives one. */
  needsName: boolean
  mine: MyAppointment[]
}

export interface AppointmentRequest {
  /** Client-made id of this submission: a retry or double tap sends the same one. */
  requestId: string
  clinicId: string
  /** YYYY-MM-DD, from today to 60 days ahead (clinic zone). */
  preferredDate: string
  timeOfDay: TimeOfDay
  /** Only read when no phone is on file (ClinicsPage.phoneOnFile null). */
  phone?: string
  /** How reception greets a friend; a patient's record name is used instead. */
  name?: string
  note?: string
}

export interface RequestedAppointment extends MyAppointment {
  /** The phone reception will call, masked. */
  maskedPhone: string
  /** true when this was a repeat of a request already made: nothing was written again. */
  replayed: boolean
}

/** A request as staff of its clinic see it: the phone masked (C2) until they tap to call. */
export interface StaffAppointment {
  appointmentId: string
  clinicId: string
  clinicName: string
  name: string
  /** A patient of the chain (record number shown), or a friend who came by a card or coupon. */
  recordNo?: string
  via: 'patient' | 'friend_card' | 'coupon'
  preferredDate: string
  timeOfDay: TimeOfDay
  maskedPhone: string
  /** The number was proved by the person (or is on their record), not only typed. */
  phoneOnFile: boolean
  note?: string
  status: AppointmentStatus
  /** Compare-and-set token: a mark names the version it saw. */
  version: number
  createdAt: string
  updatedAt?: string
  handledByName?: string
}

export interface ClinicApi {
  clinics: { in: Record<string, never>; out: ClinicsPage }
  request: { in: AppointmentRequest; out: RequestedAppointment }
  /** Staff: their clinic's requests (an admin's: the chain's), open first, by preferred day. */
  appointments: { in: Record<string, never>; out: StaffAppointment[] }
  /** Staff: the full number of one request, to call it now; who asked is recorded. */
  dial: { in: { appointmentId: string }; out: { phone: string } }
  /** Staff: 已致电 / 已预约 / 无法联系, if nobody changed the request since `version`. */
  mark: { in: { appointmentId: string; status: StaffMark; version: number }; out: StaffAppointment }
}
