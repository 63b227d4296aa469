/** What a use case runs on: the ports. Adapters build these for CloudBase or the embedded cloud. */
import type { Clock } from '../../src/domain/clock'
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy'
import type { MessageChannel } from './ports/notifier'
import type { PhoneVerification } from './ports/phone'
import type { PosterPort } from './ports/poster'
import type { QrSigner } from './ports/qr'
import type { Store } from './ports/store'
import { C } from './model'
import { rootStore } from './runtime/request-store'

export interface Deps { store: Store; clock: Clock; qr: QrSigner; poster: PosterPort; channel: MessageChannel; phone: PhoneVerification }

/**
 * The chain's current policy; PRODUCT.md defaults until a chain stores its own. Kept per store for
 * POLICY_TTL_MS (issue 11: one round trip fewer on nearly every request), so a change reaches every
 * warm CloudBase instance within that time; in this process `savePolicy` refreshes it at once. A bill
 * priced in that window matches its preview (confirmBill compares the due amount) and records the
 * policy version it used.
 */
export async function currentPolicy(store: Store): Promise<Policy> {
  const root = rootStore(store)
  const hit = policyCache.get(root)
  if (hit && performance.now() - hit.at < POLICY_TTL_MS) return hit.policy
  const doc = await store.get<{ _id: string; policy: Policy }>(C.policies, 'current')
  // A policy stored before a section existed takes that section's defaults.
  const policy = doc ? { ...DEFAULT_POLICY, ...doc.policy } : DEFAULT_POLICY
  policyCache.set(root, { policy, at: performance.now() })
  return policy
}

/** The one way a policy is stored: writes it and refreshes this process's cache. */
export async function savePolicy(store: Store, policy: Policy): Promise<void> {
  await store.set(C.policies, { _id: 'current', policy })
  rememberPolicy(store, policy)
}

/** After a policy was stored some other way (issue 14: the versioned save's transaction), this process uses it at once. */
export function rememberPolicy(store: Store, policy: Policy): void {
  policyCache.set(rootStore(store), { policy: { ...DEFAULT_POLICY, ...policy }, at: performance.now() })
}

export const POLICY_TTL_MS = 30_000
const policyCache = new WeakMap<Store, { policy: Policy; at: number }>()
