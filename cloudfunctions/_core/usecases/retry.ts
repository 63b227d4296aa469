import { isStoreError, type Doc, type Store } from '../ports/store'
import { DomainError } from '../../../src/domain/errors'

/** Retries a transaction that lost a race (CloudBase reports CONFLICT); a lost race is not an error to the user. */
export async function withRetry<R>(fn: () => Promise<R>, attempts = 5): Promise<R> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT')) throw e
      if (i >= attempts) throw new DomainError('CONFLICT')
      await new Promise((r) => setTimeout(r, 5 * i + Math.floor(Math.random() * 10)))
    }
  }
}

/**
 * Creates a document whose id is its request's key, once (S3). When another call created the same id
 * meanwhile (a double tap, a retry), answers what `replay` makes of the winner's document; a
 * duplicate it cannot replay stays an error. Null: this call created it.
 */
export async function createOnce<R>(store: Store, coll: string, doc: Doc, replay: () => Promise<R | null>): Promise<R | null> {
  try {
    await store.create(coll, doc)
    return null
  } catch (e) {
    if (!isStoreError(e, 'DUPLICATE')) throw e
    const raced = await replay()
    if (raced !== null) return raced
    throw e
  }
}
