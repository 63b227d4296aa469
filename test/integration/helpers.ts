import { LocalClock, LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import type { Result } from '../../src/api/contract'

export const NOW = new Date('2026-11-22T02:00:00Z') // 10:00 in Shanghai

export const RECEPTION = 'demo-staff-receptionist'
export const LIFETIME = 'demo-member-lifetime'

/** A fresh local cloud on an in-memory SQLite database with the demo chain and a pinned clock. */
export async function openCloud(dataDir = ':memory:'): Promise<LocalCloud> {
  const clock = new LocalClock()
  clock.pin(NOW)
  return LocalCloud.open({ dataDir, clock, qrSecret: 's'.repeat(64) })
}

export function data<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en} ${JSON.stringify(r.error.details ?? {})}`)
  return r.data
}

export function code(r: Result<unknown>): string {
  if (r.ok) throw new Error(`expected an error, got ok: ${JSON.stringify(r.data).slice(0, 200)}`)
  expect(r.error.message.zh.length).toBeGreaterThan(0)
  expect(r.error.message.en.length).toBeGreaterThan(0)
  return r.error.code
}

/** Everything that money-moving actions write, to show that a refusal wrote nothing. */
export async function snapshot(cloud: LocalCloud) {
  const s = cloud.store
  const [bills, ledger, patients, accounts] = await Promise.all(['bills', 'ledger', 'patients', 'accounts'].map((c) => s.query(c, { limit: 1000 })))
  return JSON.stringify({ bills, ledger, patients, accounts })
}
