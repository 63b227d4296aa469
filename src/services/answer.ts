/**
 * Reading a cloud function's answer, with no Taro: a `Result` as its data, or thrown as an ApiError
 * (the server's code and its message in both languages; NETWORK when no answer came). The app's
 * client (cloud.ts) and the friend landings' light entry (src/landing) read answers the same way.
 */
import type { ErrorCode, ErrorMessage } from '../domain/errors'
import type { Result } from '../api/contract'

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

export const NETWORK: ErrorMessage = { zh: '网络异常，请检查网络后重试', en: 'Network problem; please check the connection and retry' }
export const MALFORMED: ErrorMessage = { zh: '服务返回了无法识别的结果', en: 'The server sent a response we could not read' }

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
