/**
 * How CloudBase reports the failures the store port names. Sources (all read, none copied):
 * - `@cloudbase/node-sdk` 3.18 `src/utils/tcbapirequester.ts` `request()`: a response body with a
 *   `code` is thrown as a `TcbError { code, message, requestId }` — unless someone called
 *   `tcb.setThrowOnCode(false)` (process-wide), in which case `@cloudbase/database` 1.4 returns the
 *   body `{ code, message }` from `get/add/set/update/remove/count` (`if (res.code) return res`).
 *   So both a thrown error and a returned body are checked (see `unwrap`).
 * - duplicate `_id`: CloudBase error code `DATABASE_DUPLICATE_WRITE` ("index key duplicate, for
 *   example inserting data with same _id", https://docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE;
 *   HTTP-API table: 409). Through wx-server-sdk the same failure has been seen as
 *   `DATABASE_REQUEST_FAILED`/-502001 whose message carries MongoDB's `E11000 duplicate key error`,
 *   so that exact marker is accepted too (message-only detection; a plain "duplicate" is not enough).
 * - transaction conflict: `DATABASE_TRANSACTION_CONFLICT`, message "[ResourceUnavailable.
 *   TransactionConflict] Transaction is conflict, maybe resource operated by others…"
 *   (https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT; node-sdk
 *   test/database/unit/transaction.test.ts; `@cloudbase/database` src/const/code.ts). The SDK's own
 *   `runTransaction` re-runs the callback when it sees exactly this code.
 * - missing collection: `DATABASE_COLLECTION_NOT_EXIST`, message "[ResourceNotFound] Db or Table not
 *   exist" (wx side: -502005 "database collection not exists"). CloudBase does not create
 *   collections on first write (`add()` only writes to an existing collection).
 * - `DOCUMENT_NOT_FOUND` (HTTP-API table, 404): not seen from the node-sdk paths used here (a
 *   missing document reads as an empty list / `updated: 0`), but treated as "no such document".
 * - `DATABASE_TRANSACTION_FAIL` / TransactionNotExist: a transaction used after commit/abort or
 *   older than CloudBase's 30-second limit; passed through unchanged.
 */
import { StoreError } from '../../ports/store'

export type CloudBaseFailure = 'DUPLICATE' | 'CONFLICT' | 'NO_COLLECTION' | 'NO_DOCUMENT' | 'COLLECTION_EXISTS' | 'TX_GONE'

export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined
  const code = (e as { code?: unknown }).code ?? (e as { errCode?: unknown }).errCode
  return code === undefined || code === null ? undefined : String(code)
}

export function errorMessage(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e ?? '')
  const m = (e as { message?: unknown }).message ?? (e as { errMsg?: unknown }).errMsg
  return typeof m === 'string' ? m : ''
}

export function classify(e: unknown): CloudBaseFailure | null {
  const code = errorCode(e)
  const msg = errorMessage(e)
  if (code === 'DATABASE_DUPLICATE_WRITE' || code === '11000' || /\bE11000 duplicate key error\b/.test(msg)) return 'DUPLICATE'
  if (code === 'DATABASE_TRANSACTION_CONFLICT' || /\bTransactionConflict\b/.test(msg)) return 'CONFLICT'
  if (code === 'DATABASE_COLLECTION_NOT_EXIST' || code === '-502005' || /Db or Table not exist|collection not exist/i.test(msg)) return 'NO_COLLECTION'
  if (code === 'DOCUMENT_NOT_FOUND') return 'NO_DOCUMENT'
  if (code === 'DATABASE_COLLECTION_ALREADY_EXIST' || /Table exist|collection already exist/i.test(msg)) return 'COLLECTION_EXISTS'
  if (code === 'DATABASE_TRANSACTION_FAIL' || /TransactionNotExist/.test(msg)) return 'TX_GONE'
  return null
}

/** An SDK failure that came back as a value, turned into an error like the SDK's own `TcbError`. */
export class CloudBaseError extends Error {
  constructor(readonly code: string, message: string, readonly requestId?: string) {
    super(message)
    this.name = 'CloudBaseError'
  }
}

/** Throws when an SDK result carries a `code` (the `setThrowOnCode(false)` style); else returns it. */
export function unwrap<T>(res: T): T {
  if (typeof res === 'object' && res !== null && (res as { code?: unknown }).code) {
    const r = res as unknown as { code: unknown; message?: unknown; requestId?: unknown }
    throw new CloudBaseError(String(r.code), typeof r.message === 'string' ? r.message : String(r.code), typeof r.requestId === 'string' ? r.requestId : undefined)
  }
  return res
}

/** A CloudBase failure the port names, as a StoreError (DUPLICATE, CONFLICT); anything else unchanged. */
export function mapError(e: unknown): unknown {
  if (e instanceof StoreError) return e
  switch (classify(e)) {
    case 'DUPLICATE': return new StoreError('DUPLICATE', errorMessage(e) || 'duplicate _id')
    case 'CONFLICT': return new StoreError('CONFLICT', errorMessage(e) || 'transaction conflict')
    default: return e
  }
}
