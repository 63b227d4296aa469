/**
 * A cloud function is a table of actions. Each action names its input schema and the one use case
 * it runs; who may call it is written only in the permissions table (src/domain/permissions.ts).
 * `invoke` does the rest the same way for every function: resolve the caller, check the table,
 * validate the event, run, map errors to `{ ok: false, error }`.
 */
import { z, ZodError, type ZodType } from 'zod'
import type { ActionOf, FnName, In, Out, Persona, Result } from '../../../src/api/contract'
import { DomainError, ERRORS, isDomainError } from '../../../src/domain/errors'
import { allows, whoMay, type Who, type WhoOf } from '../../../src/domain/permissions'
import type { Deps } from '../deps'
import { resolvePersona, resolveStaffPersona } from '../usecases/identity'
import { requestStore } from './request-store'

export type { Who }

export interface Caller<P extends Persona = Persona> { openid: string; persona: P }
export type PatientCaller = Caller<Extract<Persona, { kind: 'patient' }>>
export type StaffCaller = Caller<Extract<Persona, { kind: 'staff' }>>

type Input<I> = ZodType<I, z.ZodTypeDef, unknown>
type Run<C, I, O> = (deps: Deps, caller: C, input: I) => Promise<O> | O

/** What the handler's `run` may assume about its caller; must agree with the table's `who`. */
export type CallerKind = 'anyone' | 'patient' | 'staff'
type KindOf<W> = W extends 'anyone' ? 'anyone' : W extends 'patient' ? 'patient' : 'staff'

export interface ActionDef<I, O, K extends CallerKind = CallerKind> { kind: K; input: Input<I>; run: Run<Caller, I, O> }

/**
 * Every action of `Api[F]`, each built with the helper that matches its row in the permissions
 * table: `forStaff` for a row of roles, `forPatient` for 'patient', `forAnyone` for 'anyone'.
 * A mismatch (or a missing row) does not compile.
 */
export type FunctionDef<F extends FnName> = {
  name: F
  actions: { [A in ActionOf<F>]: ActionDef<In<F, A>, Out<F, A>, KindOf<WhoOf<F, A>>> }
}

export const defineFunction = <F extends FnName>(def: FunctionDef<F>): FunctionDef<F> => def

/** Any WeChat user, known or not (table row 'anyone'). */
export const forAnyone = <I, O>(input: Input<I>, run: Run<Caller, I, O>): ActionDef<I, O, 'anyone'> => ({ kind: 'anyone', input, run })

/** A WeChat user bound to a patient record (table row 'patient'); `invoke` has checked the persona before `run`. */
export const forPatient = <I, O>(input: Input<I>, run: Run<PatientCaller, I, O>): ActionDef<I, O, 'patient'> =>
  ({ kind: 'patient', input, run: (d, c, i) => run(d, c as PatientCaller, i) })

/** Active staff in the roles the table names for this action. */
export const forStaff = <I, O>(input: Input<I>, run: Run<StaffCaller, I, O>): ActionDef<I, O, 'staff'> =>
  ({ kind: 'staff', input, run: (d, c, i) => run(d, c as StaffCaller, i) })

/** WeChat OPENIDs are 28 URL-safe characters; local personas and tests use the same alphabet. */
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

const errorResult = (e: DomainError): Result<never> => ({ ok: false, error: { code: e.code, message: e.messages, ...(e.details ? { details: e.details } : {}) } })

/** The table decides; the helper's kind is checked too, so `run` never sees a caller it did not expect. */
function allowed(who: Who | undefined, kind: CallerKind, persona: Persona): boolean {
  if (who === undefined || !allows(who, persona)) return false
  return kind === 'anyone' || kind === persona.kind
}

export async function invoke(def: FunctionDef<FnName>, event: unknown, openid: string | null, deps: Deps): Promise<Result<unknown>> {
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new DomainError('BAD_REQUEST')
    const name = (event as { action?: unknown }).action
    const act = typeof name === 'string' && Object.prototype.hasOwnProperty.call(def.actions, name)
      ? (def.actions as Record<string, ActionDef<unknown, unknown>>)[name]
      : undefined
    if (!act) throw new DomainError('UNKNOWN_ACTION', { function: def.name, action: typeof name === 'string' ? name : null })
    // An OPENID is what the platform says; anything not shaped like one is nobody (and never becomes an id).
    if (!openid || !OPENID.test(openid)) throw new DomainError('UNAUTHENTICATED')
    // Issue 11: one request reads each document once (the caller's records, the policy …).
    const scoped: Deps = { ...deps, store: requestStore(deps.store) }
    const persona = act.kind === 'staff' ? await resolveStaffPersona(scoped.store, openid) : await resolvePersona(scoped.store, openid)
    if (!allowed(whoMay(def.name, name as ActionOf<FnName>), act.kind, persona)) throw new DomainError('FORBIDDEN', { action: name })
    const input = act.input.parse(event)
    return { ok: true, data: await act.run(scoped, { openid, persona }, input) }
  } catch (e) {
    if (isDomainError(e)) return errorResult(e)
    if (e instanceof ZodError) {
      const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      const where = issues.map((i) => i.path || '(event)').join(', ')
      return errorResult(new DomainError('VALIDATION', { issues }, { zh: `${ERRORS.VALIDATION.zh}：${where}`, en: `${ERRORS.VALIDATION.en}: ${where}` }))
    }
    console.error(`[${def.name}]`, e)
    return errorResult(new DomainError('INTERNAL'))
  }
}
