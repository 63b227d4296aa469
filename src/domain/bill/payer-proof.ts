/**
 * R5, M4: stored value — the bonus balance or the family owner's balance — is spent only on a bill
 * whose payer was identified in this visit: the desk scanned the payer's own member code, or staff
 * override with a reason that the weekly audit lists (R9). A typed record number is not proof.
 */
import { DomainError } from '../errors'

export type PayerProof = { kind: 'scanned' } | { kind: 'override'; reason: string } | { kind: 'none' }

export const OVERRIDE_REASON_MIN = 4

export const usesStoredValue = (req: { useBonusFen?: number; useOwnerBalanceFen?: number }): boolean =>
  (req.useBonusFen ?? 0) > 0 || (req.useOwnerBalanceFen ?? 0) > 0

/** The proof a bill carries: a valid payer ticket for this payer wins over an override. */
export function payerProof(ticketForPayer: boolean, overrideReason: string | undefined): PayerProof {
  if (ticketForPayer) return { kind: 'scanned' }
  const reason = overrideReason?.trim() ?? ''
  if ([...reason].length >= OVERRIDE_REASON_MIN) return { kind: 'override', reason }
  return { kind: 'none' }
}

export function assertStoredValueAllowed(req: { useBonusFen?: number; useOwnerBalanceFen?: number }, proof: PayerProof): void {
  if (usesStoredValue(req) && proof.kind === 'none') throw new DomainError('PAYER_NOT_PRESENT')
}

/** What the bill records: only an override that actually spent stored value is worth auditing. */
export const overrideToRecord = (req: { useBonusFen?: number; useOwnerBalanceFen?: number }, proof: PayerProof): string | undefined =>
  usesStoredValue(req) && proof.kind === 'override' ? proof.reason : undefined
