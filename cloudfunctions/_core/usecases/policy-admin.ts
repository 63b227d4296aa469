/**
 * Issue 14 items 3 and 4: the chain changes its policy without code. The director and admin read
 * the current policy, save a new version — a whole proposed policy or a preset (seed 004, seed 003)
 * — with a reason, and read the history (who, when, why, what changed).
 *
 * Each save writes, in ONE transaction: the new version's immutable document (`policyVersions/<n>`,
 * created — so of two saves made against the same base only one can create version n and win), the
 * request's record (`policyRequests/<requestId>`: a retry answers the version it made) and
 * `policies/current`, checked inside the transaction against the version the edit was made from
 * (POLICY_STALE). The version the chain started from is kept too on the first save, so every
 * change has a "before". Cards, coupons and bills keep the terms they were issued under: they
 * store them (issue 14 test: test/integration/policy-admin.test.ts).
 */
import type { PolicyHistoryPage, PolicySaved, PolicySaveRequest, PolicyState, PolicyVersionView, StaffRole } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { DEFAULT_POLICY, type Policy } from '../../../src/domain/policy'
import { policyDiff } from '../../../src/domain/policy-diff'
import { POLICY_PRESETS, type PresetKey } from '../../../src/domain/policy-presets'
import { validatePolicy } from '../../../src/domain/policy-validate'
import { rememberPolicy, type Deps } from '../deps'
import { C } from '../model'
import { isStoreError, type Store } from '../ports/store'
import { withRetry } from './retry'

export interface PolicyEditor { staffId: string; name: string; role: StaffRole }

interface CurrentDoc { _id: 'current'; policy: Policy; savedAt?: string; savedBy?: string }

/** One stored version; never changed once written. `by` is absent for the version the chain started from. */
export interface PolicyVersionDoc {
  _id: string
  version: number
  policy: Policy
  at?: string
  by?: PolicyEditor
  reason?: string
  preset?: PresetKey
  requestId?: string
}

interface PolicyRequestDoc { _id: string; staffId: string; version: number; at: string }

/** Settings only the admin changes (issue 10 clinic scoping: who sees what is the admin's decision). */
const ADMIN_ONLY: readonly string[] = ['staff.directorSeesChain']

const HISTORY_PAGE = 20
const MAX_HISTORY_PAGE = 100

/** A policy stored before a setting existed takes that setting's default (as deps.currentPolicy does). */
const complete = (p: Policy | undefined): Policy => (p ? { ...DEFAULT_POLICY, ...p } : DEFAULT_POLICY)

async function readCurrent(store: Pick<Store, 'get'>): Promise<Policy> {
  return complete((await store.get<CurrentDoc>(C.policies, 'current'))?.policy)
}

const view = (d: PolicyVersionDoc, before: PolicyVersionDoc | null): PolicyVersionView => ({
  version: d.version,
  ...(d.at ? { at: d.at } : {}),
  ...(d.by ? { byName: d.by.name } : {}),
  ...(d.reason ? { reason: d.reason } : {}),
  ...(d.preset ? { preset: d.preset } : {}),
  changes: before ? policyDiff(complete(before.policy), complete(d.policy)) : [],
})

/** Newest first, `before` exclusive; each with its differences to the version before it. */
export async function policyHistory(deps: Deps, i: { before?: number; limit?: number }): Promise<PolicyHistoryPage> {
  const limit = Math.min(i.limit ?? HISTORY_PAGE, MAX_HISTORY_PAGE)
  // Range paging on the indexed version number (no skip): one page plus the version before its last.
  const docs = await deps.store.query<PolicyVersionDoc>(C.policyVersions, {
    where: i.before !== undefined ? { version: { $lt: i.before } } : {},
    orderBy: [['version', 'desc']],
    limit: limit + 1,
  })
  const page = docs.slice(0, limit)
  const versions = page.map((d, k) => view(d, docs[k + 1] ?? null))
  const more = docs.length > limit
  return { versions, ...(more ? { next: page[page.length - 1].version } : {}) }
}

export async function policyGet(deps: Deps): Promise<PolicyState> {
  const [policy, history] = await Promise.all([readCurrent(deps.store), policyHistory(deps, {})])
  // Nothing saved here yet: the chain runs on the version it started with, shown as the first.
  const versions = history.versions.length ? history.versions : [{ version: policy.version, changes: [] }]
  return { policy, versions }
}

/** The answer of a save already made by this request (a retry, a double tap), or null. */
async function replay(store: Store, editor: PolicyEditor, requestId: string): Promise<PolicySaved | null> {
  const req = await store.get<PolicyRequestDoc>(C.policyRequests, requestId)
  if (!req) return null
  if (req.staffId !== editor.staffId) throw new DomainError('REQUEST_ID_REUSED')
  const [made, before] = await Promise.all([
    store.get<PolicyVersionDoc>(C.policyVersions, String(req.version)),
    store.get<PolicyVersionDoc>(C.policyVersions, String(req.version - 1)),
  ])
  if (!made) throw new DomainError('INTERNAL', { policyVersion: req.version })
  const policy = complete(made.policy)
  return { version: made.version, policy, changes: before ? policyDiff(complete(before.policy), policy) : [] }
}

export async function policySave(deps: Deps, editor: PolicyEditor, i: PolicySaveRequest): Promise<PolicySaved> {
  const earlier = await replay(deps.store, editor, i.requestId)
  if (earlier) return earlier
  if ((i.policy === undefined) === (i.preset === undefined)) throw new DomainError('VALIDATION', { field: 'policy', reason: 'a policy or a preset, exactly one' })
  const current = await readCurrent(deps.store)
  const proposed = i.preset ? POLICY_PRESETS[i.preset].policy : i.policy
  const next = validatePolicy(proposed, i.baseVersion + 1, i.reason)
  if (current.version !== i.baseVersion) {
    // A double tap whose twin landed between the first look and now answers the twin's version.
    const raced = await replay(deps.store, editor, i.requestId)
    if (raced) return raced
    throw new DomainError('POLICY_STALE', { version: current.version })
  }
  const changes = policyDiff(current, next)
  if (!changes.length) throw new DomainError('POLICY_UNCHANGED')
  // A director widening their own clinic scope to the chain would be granting themselves access: the admin's call.
  if (editor.role !== 'admin' && changes.some((c) => ADMIN_ONLY.includes(c.path))) {
    throw new DomainError('POLICY_INVALID', { fields: ADMIN_ONLY.map((path) => ({ path, zh: '此项仅管理员可以修改', en: 'Only an administrator may change this' })) })
  }

  const at = deps.clock.now().toISOString()
  try {
    await withRetry(() => deps.store.transaction(async (tx) => {
      // Re-read inside: a save that landed since the check above makes this edit stale.
      const now = await readCurrent(tx)
      if (now.version !== i.baseVersion) throw new DomainError('POLICY_STALE', { version: now.version })
      const base = String(i.baseVersion)
      if (!(await tx.get<PolicyVersionDoc>(C.policyVersions, base))) {
        await tx.create<PolicyVersionDoc>(C.policyVersions, { _id: base, version: i.baseVersion, policy: now })
      }
      // The guard: creating version n fails for the second of two saves from the same base.
      await tx.create<PolicyVersionDoc>(C.policyVersions, {
        _id: String(next.version), version: next.version, policy: next, at, by: editor, reason: i.reason.trim(),
        ...(i.preset ? { preset: i.preset } : {}), requestId: i.requestId,
      })
      await tx.create<PolicyRequestDoc>(C.policyRequests, { _id: i.requestId, staffId: editor.staffId, version: next.version, at })
      await tx.set<CurrentDoc>(C.policies, { _id: 'current', policy: next, savedAt: at, savedBy: editor.staffId })
    }))
  } catch (e) {
    const lost = isStoreError(e, 'DUPLICATE') || (e instanceof DomainError && (e.code === 'CONFLICT' || e.code === 'POLICY_STALE'))
    if (!lost) throw e
    // Another save won the race: when it was this very request (a double tap), its answer is this one's.
    const raced = await replay(deps.store, editor, i.requestId)
    if (raced) return raced
    throw new DomainError('POLICY_STALE', { version: (await readCurrent(deps.store)).version })
  }
  rememberPolicy(deps.store, next)
  return { version: next.version, policy: next, changes }
}
