/**
 * A cloud function is a table of actions. Each action names its input schema, who may call it,
 * and the one use case it runs. `invoke` does the rest the same way for every function: validate
 * the event, resolve the caller, check the role, run, map errors to `{ ok: false, error }`.
 */
import { z, ZodError, type ZodType } from 'zod'
import type { ActionOf, FnName, In, Out, Persona, Result, StaffRole } from '../../../src/api/contract'
import { DomainError, ERRORS, isDomainError } from '../../../src/domain/errors'
import type { Deps } from '../deps'
import { resolvePersona } from '../usecases/identity'

export type Who = 'anyone' | 'patient' | readonly StaffRole[]

export interface Caller<P extends Persona = Persona> { openid: string; persona: P }
export type PatientCaller = Caller<Extract<Persona, { kind: 'patient' }>>
export type StaffCaller = Caller<Extract<Persona, { kind: 'staff' }>>

type Input<I> = ZodType<I, z.ZodTypeDef, unknown>
type Run<C, I, O> = (deps: Deps, caller: C, input: I) => Promise<O> | O

export interface ActionDef<I, O> { who: Who; input: Input<I>; run: Run<Caller, I, O> }

export type FunctionDef<F extends FnName> = {
  name: F
  actions: { [A in ActionOf<F>]: ActionDef<In<F, A>, Out<F, A>> }
}

export const defineFunction = <F extends FnName>(def: FunctionDef<F>): FunctionDef<F> => def

/** Any WeChat user, known or not. */
export const forAnyone = <I, O>(input: Input<I>, run: Run<Caller, I, O>): ActionDef<I, O> => ({ who: 'anyone', input, run })

/** A WeChat user bound to a patient record; `invoke` has checked the persona before `run`. */
export const forPatient = <I, O>(input: Input<I>, run: Run<PatientCaller, I, O>): ActionDef<I, O> =>
  ({ who: 'patient', input, run: (d, c, i) => run(d, c as PatientCaller, i) })

/** Active staff in one of `roles`. */
export const forStaff = <I, O>(roles: readonly StaffRole[], input: Input<I>, run: Run<StaffCaller, I, O>): ActionDef<I, O> =>
  ({ who: roles, input, run: (d, c, i) => run(d, c as StaffCaller, i) })

const errorResult = (e: DomainError): Result<never> => ({ ok: false, error: { code: e.code, message: e.messages, ...(e.details ? { details: e.details } : {}) } })

function allowed(who: Who, persona: Persona): boolean {
  if (who === 'anyone') return true
  if (who === 'patient') return persona.kind === 'patient'
  return persona.kind === 'staff' && who.includes(persona.role)
}

export async function invoke(def: FunctionDef<FnName>, event: unknown, openid: string | null, deps: Deps): Promise<Result<unknown>> {
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new DomainError('BAD_REQUEST')
    const name = (event as { action?: unknown }).action
    const act = typeof name === 'string' && Object.prototype.hasOwnProperty.call(def.actions, name)
      ? (def.actions as Record<string, ActionDef<unknown, unknown>>)[name]
      : undefined
    if (!act) throw new DomainError('UNKNOWN_ACTION', { function: def.name, action: typeof name === 'string' ? name : null })
    if (!openid) throw new DomainError('UNAUTHENTICATED')
    const persona = await resolvePersona(deps.store, openid)
    if (!allowed(act.who, persona)) throw new DomainError('FORBIDDEN', { action: name })
    const input = act.input.parse(event)
    return { ok: true, data: await act.run(deps, { openid, persona }, input) }
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
