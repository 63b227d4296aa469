import { isStoreError } from '../ports/store'
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
