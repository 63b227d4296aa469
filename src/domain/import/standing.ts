/**
 * M1, M6 for imported patients: the historical paid spend from the clinic's previous system counts
 * as money actually paid, and the existing M1 rule (`afterPayment`) decides the tier — lifetime when
 * cumulative spend reaches the policy threshold. Annual membership is never inferred from spend.
 */
import { afterPayment, type MemberStanding } from '../membership/tier'
import type { Fen } from '../money'
import type { Policy } from '../policy'

export interface ImportedFields {
  importedSpendFen?: Fen
  /** The lifetime tier came from imported spend, not from a payment through Yayou. */
  lifetimeFromImport?: boolean
}

export type ImportedStanding = MemberStanding & Pick<ImportedFields, 'lifetimeFromImport'>

/**
 * The standing after (re-)importing `importedSpendFen`. A re-import replaces the earlier imported
 * amount; money paid through Yayou since is kept. A lifetime tier that an import granted is undone
 * when the corrected spend no longer reaches the threshold — it was a data error, not a payment;
 * a lifetime tier earned by a payment is for life. lifetimeSince is the import's instant.
 */
export function standingAfterImport(current: (MemberStanding & ImportedFields) | null, importedSpendFen: Fen, now: Date, policy: Policy): ImportedStanding {
  const base: MemberStanding = current ?? { tier: 'none', cumulativeSpendFen: 0 }
  const paidHere = Math.max(0, base.cumulativeSpendFen - (current?.importedSpendFen ?? 0))
  let s: MemberStanding = { ...base, cumulativeSpendFen: paidHere }
  const fromImport = s.tier === 'lifetime' && current?.lifetimeFromImport === true
  if (fromImport && paidHere + importedSpendFen < policy.membership.lifetimeThresholdFen) {
    const annual = s.annualUntil !== undefined && now.getTime() <= Date.parse(s.annualUntil)
    s = { ...s, tier: annual ? 'annual' : 'none', lifetimeSince: undefined }
  }
  const after = afterPayment(s, importedSpendFen, now, policy)
  const granted = after.tier === 'lifetime' && (s.tier !== 'lifetime' || fromImport)
  return { ...after, lifetimeFromImport: granted ? true : undefined }
}
