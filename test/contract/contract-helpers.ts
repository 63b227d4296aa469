/** Small helpers the store contract suites share (test/contract). */
import { StoreError, isStoreError, type StoreErrorCode } from '../../cloudfunctions/_core/ports/store'

/** Retries `fn` while it fails with StoreError('CONFLICT'), up to `attempts` times in all. */
export async function retryOnConflict<R>(fn: () => Promise<R>, attempts = 30): Promise<R> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT') || i >= attempts) throw e
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * Math.min(i, 5)))
    }
  }
}

/** Runs `fn` over `items`, at most `width` at a time. */
export async function pool<I>(items: I[], width: number, fn: (item: I) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
}

export async function storeErrorCode(p: Promise<unknown>): Promise<StoreErrorCode> {
  try {
    await p
  } catch (e) {
    if (e instanceof StoreError) return e.code
    throw e
  }
  throw new Error('expected a StoreError, but the call succeeded')
}
