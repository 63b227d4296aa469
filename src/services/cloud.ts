/**
 * The one client service module: every call to a cloud function goes through `callFunction`,
 * typed by the contract (src/api/contract.ts). The event sent is `{ action, ...data }`.
 *  - weapp: `Taro.cloud.callFunction({ name, data })`; WeChat adds the caller's identity.
 *  - h5:    `POST /api/fn/<name>` on the local Node server, with the local persona's openid.
 * A `Result` with ok:false is thrown as an `ApiError`; pages show it in the error banner.
 */
import Taro from '@tarojs/taro'
import type { ActionOf, Event, FnName, In, Out, Result } from '../api/contract'
import type { ErrorCode, ErrorMessage } from '../domain/errors'
import { postFunction, UnreadableAnswer } from './h5-transport'

/** Codes the server sends, plus NETWORK for calls that never got a `Result` back. */
export type ApiErrorCode = ErrorCode | 'NETWORK'

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly zh: string
  readonly en: string
  readonly details?: Record<string, unknown>

  constructor(code: ApiErrorCode, message: ErrorMessage, details?: Record<string, unknown>) {
    super(`${code}: ${message.en}`)
    this.name = 'ApiError'
    this.code = code
    this.zh = message.zh
    this.en = message.en
    this.details = details
  }
}

const NETWORK: ErrorMessage = { zh: '网络异常，请检查网络后重试', en: 'Network problem; please check the connection and retry' }
const MALFORMED: ErrorMessage = { zh: '服务返回了无法识别的结果', en: 'The server sent a response we could not read' }

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

/** Any thrown value as an ApiError, so a page always has something to show (never swallowed). */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e
  const detail = e instanceof Error ? e.message : typeof e === 'object' && e && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : String(e)
  return new ApiError('NETWORK', { zh: NETWORK.zh, en: `${NETWORK.en} (${detail})` })
}

/** A `Result` as its data, or thrown as an ApiError. */
export function readAnswer<T>(res: unknown): T {
  const r = res as Result<T> | null | undefined
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') throw new ApiError('NETWORK', MALFORMED)
  if (r.ok) return r.data
  const err = r.error
  throw new ApiError(err?.code ?? 'INTERNAL', err?.message ?? MALFORMED, err?.details)
}

async function send(name: string, event: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name, data: event })
    return (res as { result?: unknown }).result
  }
  try {
    return await postFunction(name, event)
  } catch (e) {
    if (e instanceof UnreadableAnswer) throw new ApiError('NETWORK', { zh: MALFORMED.zh, en: `${MALFORMED.en} (HTTP ${e.status})` })
    throw e
  }
}

/** A call's raw answer as its data: a failed transport as NETWORK, a refusal as its ApiError (also for early.ts's requests). */
export async function answerOf<T>(raw: Promise<unknown>): Promise<T> {
  let res: unknown
  try {
    res = await raw
  } catch (e) {
    throw toApiError(e)
  }
  return readAnswer<T>(res)
}

export async function callFunction<F extends FnName, A extends ActionOf<F>>(name: F, action: A, data: In<F, A>): Promise<Out<F, A>> {
  const event = { ...(data as object), action } as Event<F, A>
  return answerOf<Out<F, A>>(send(name, event as unknown as Record<string, unknown>))
}
