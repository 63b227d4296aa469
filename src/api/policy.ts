/**
 * Issue 14 items 3 and 4: policy administration. The director and admin read the current policy,
 * save a new version (a whole policy or a preset) with a reason, and read the history of versions
 * with who, when, why and what changed. Actions of the `team` function (permissions table).
 */
import type { Policy } from '../domain/policy'
import type { PolicyChange } from '../domain/policy-diff'
import type { PresetKey } from '../domain/policy-presets'
import type { PolicyProblem } from '../domain/policy-validate'
import type { Outcome } from '../domain/simulate/history'
import type { Comparison } from '../domain/simulate/simulate'

export type { PolicyChange, PolicyProblem, PresetKey }

/** One stored version as the history lists it. `by` is absent for the version the chain started from. */
export interface PolicyVersionView {
  version: number
  at?: string
  byName?: string
  reason?: string
  preset?: PresetKey
  /** What changed against the version before (empty for the first one kept). */
  changes: PolicyChange[]
}

export interface PolicyState {
  policy: Policy
  /** The latest versions, newest first (the history's first page). */
  versions: PolicyVersionView[]
}

export interface PolicySaveRequest {
  requestId: string
  /** The version the edit was made against: when another save landed meanwhile, POLICY_STALE. */
  baseVersion: number
  reason: string
  /** Exactly one: the whole proposed policy, or a preset's key. */
  policy?: unknown
  preset?: PresetKey
}

export interface PolicySaved { version: number; policy: Policy; changes: PolicyChange[] }

export interface PolicyHistoryPage { versions: PolicyVersionView[]; /** Pass as `before` for the next page; absent at the end. */ next?: number }

export interface PolicyApi {
  policyGet: { in: Record<string, never>; out: PolicyState }
  /** POLICY_INVALID with details.fields [{ path, zh, en }], POLICY_STALE, POLICY_UNCHANGED. */
  policySave: { in: PolicySaveRequest; out: PolicySaved }
  policyHistory: { in: { before?: number; limit?: number }; out: PolicyHistoryPage }
  /** Read-only: the period's bills replayed under the proposed policy beside what happened. */
  policySimulate: { in: PolicySimulationRequest; out: PolicySimulation }
}

/** Issue 14 item 5: what to simulate — a preset or a whole proposed policy — over which days (default: the 30 days to yesterday) and clinic. */
export interface PolicySimulationRequest { from?: string; to?: string; clinicId?: string; preset?: PresetKey; policy?: unknown }
export interface PolicySimulation extends Comparison { from: string; to: string; clinicId: string | null; currency: Policy['currency'] }
export type { Outcome as SimulationOutcome }
