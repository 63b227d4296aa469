/**
 * "First admin" on CloudBase (docs/deploy.md): the `team` function, invoked by the environment's
 * operator — the CloudBase console's test button or `tcb fn invoke`, calls that carry no WeChat
 * user — with `{ "bootstrapAdmin": { name, clinicId, secret, … } }`. It runs the same use case as
 * `npm run bootstrap-admin`, and only when the function's YAYOU_BOOTSTRAP_SECRET is set and matches
 * (so an HTTP trigger someone might add later cannot be used for it) and no admin can act yet.
 */
import { timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { Result } from '../../../src/api/contract'
import { DomainError, isDomainError } from '../../../src/domain/errors'
import type { Deps } from '../deps'
import { bootstrapAdmin, type BootstrapResult } from './team-invites'

const request = z.object({
  bootstrapAdmin: z.object({
    name: z.string().trim().min(1).max(30),
    clinicId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    phone: z.string().trim().regex(/^1\d{10}$/).optional(),
    clinicName: z.string().trim().min(1).max(40).optional(),
    city: z.string().trim().min(1).max(20).optional(),
    secret: z.string().min(16).max(200),
  }),
})

export const isBootstrapEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && 'bootstrapAdmin' in event

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export async function bootstrapFromOperator(deps: Deps, event: unknown, configuredSecret: string | undefined): Promise<Result<BootstrapResult>> {
  try {
    const parsed = request.safeParse(event)
    if (!parsed.success) throw new DomainError('VALIDATION', { issues: parsed.error.issues.map((i) => i.path.join('.')) })
    const b = parsed.data.bootstrapAdmin
    if (!configuredSecret || configuredSecret.length < 16 || !same(configuredSecret, b.secret)) throw new DomainError('FORBIDDEN')
    const newClinic = b.clinicName ? { name: b.clinicName, city: b.city ?? '' } : undefined
    return { ok: true, data: await bootstrapAdmin(deps, { name: b.name, clinicId: b.clinicId, phone: b.phone, newClinic }) }
  } catch (e) {
    if (!isDomainError(e)) throw e
    return { ok: false, error: { code: e.code, message: e.messages, ...(e.details ? { details: e.details } : {}) } }
  }
}
