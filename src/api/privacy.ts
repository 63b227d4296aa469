/**
 * C2: the privacy notice, what the clinic holds about a patient (我的数据) and the consent log.
 * Money is integer fen; instants are ISO strings (UTC).
 */
import type { NoticeText } from '../domain/privacy-notice'

/** The current notice and whether this WeChat user agreed to it. */
export interface PrivacyStatus { notice: NoticeText; acceptedVersion: string | null; acceptedAt: string | null }

export interface PrivacyAccepted { version: string; acceptedAt: string; replayed: boolean }

/** The sections of a data export, in the order the file lists them. */
export const DATA_SECTIONS = ['profile', 'visits', 'ledger', 'messages', 'consents', 'referrals', 'coupons', 'cards', 'family', 'events', 'appointments'] as const
export type DataSection = typeof DATA_SECTIONS[number]

export interface DataSummary {
  counts: Record<DataSection, number>
  /** A section with more entries than one export carries (paged reads stopped at the cap). */
  truncated: DataSection[]
}

export type ExportFormat = 'json' | 'csv'

/** One file: its name (with the record number and the date), type and full text. */
export interface DataExportFile extends DataSummary { fileName: string; mimeType: string; content: string; generatedAt: string }

export interface ConsentLogEntry {
  at: string
  kind: 'privacy' | 'subscribe'
  /** What was agreed to, as the person reads it. */
  what: string
  /** Where it was given (the page, the dialog). */
  source: string
}

export interface ConsentLog {
  /** Newest first. */
  entries: ConsentLogEntry[]
  privacy: { version: string; acceptedAt: string } | null
  /** M4: who may pay from this person's balance without asking each time (the current standing consents). */
  standing: Array<{ memberName: string; since?: string }>
  /** M4: whether the family owner lets this person pay from the owner's balance without asking. */
  standingFromOwner: boolean | null
}

export interface PrivacyApi {
  notice: { in: Record<string, never>; out: PrivacyStatus }
  accept: { in: { version: string }; out: PrivacyAccepted }
  summary: { in: Record<string, never>; out: DataSummary }
  export: { in: { format: ExportFormat }; out: DataExportFile }
  consentLog: { in: Record<string, never>; out: ConsentLog }
}
