/** What a use case runs on: the ports. Adapters build these for CloudBase or the embedded cloud. */
import type { Clock } from '../../src/domain/clock'
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy'
import type { MessageChannel } from './ports/notifier'
import type { PhoneVerification } from './ports/phone'
import type { PosterPort } from './ports/poster'
import type { QrSigner } from './ports/qr'
import type { Store } from './ports/store'
import { C } from './model'

export interface Deps { store: Store; clock: Clock; qr: QrSigner; poster: PosterPort; channel: MessageChannel; phone: PhoneVerification }

/** The chain's current policy; PRODUCT.md defaults until a chain stores its own. */
export async function currentPolicy(store: Store): Promise<Policy> {
  const doc = await store.get<{ _id: string; policy: Policy }>(C.policies, 'current')
  // A policy stored before a section existed takes that section's defaults.
  return doc ? { ...DEFAULT_POLICY, ...doc.policy } : DEFAULT_POLICY
}
