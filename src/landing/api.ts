/**
 * The light entry's calls: the same transport as the app on H5 (services/h5-transport.ts, with the
 * local persona), answers read as the app reads them. A refusal carries the server's message; a
 * call that got no answer says so in the person's words.
 */
import type { Result } from '../api/contract'
import type { Msg } from '../i18n'
import { postFunction } from '../services/h5-transport'

export interface Refusal { code: string; message: Msg }

export const NETWORK: Msg = { zh: '网络异常，请检查网络后重试', en: 'Network problem; please check the connection and retry' }

/** The data of an answer, or the refusal thrown. */
export async function call<T>(fn: string, action: string, input: Record<string, unknown>): Promise<T> {
  let r: Result<T>
  try {
    r = (await postFunction(fn, { ...input, action })) as Result<T>
  } catch {
    throw { code: 'NETWORK', message: NETWORK } satisfies Refusal
  }
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') throw { code: 'NETWORK', message: NETWORK } satisfies Refusal
  if (r.ok) return r.data
  throw { code: r.error.code, message: r.error.message } satisfies Refusal
}

export const asRefusal = (e: unknown): Refusal =>
  e && typeof e === 'object' && 'code' in e && 'message' in e ? (e as Refusal) : { code: 'NETWORK', message: NETWORK }
