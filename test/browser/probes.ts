/** Small helpers for browser tests: answers of the cloud API and the calls a page sends. */
import type { Page, Request } from 'playwright-core'
import type { Result } from '../../src/api/contract'

/** The data of an ok answer; a refusal fails the test with its code and message. */
export function data<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`)
  return r.data
}

/** Bodies of the reception calls the page sends for `action`. */
export function watch(page: Page, action: string): Array<Record<string, unknown>> {
  const seen: Array<Record<string, unknown>> = []
  page.on('request', (r: Request) => {
    if (!r.url().endsWith('/api/fn/reception') || r.method() !== 'POST') return
    const body = r.postDataJSON() as Record<string, unknown> | null
    if (body?.action === action) seen.push(body)
  })
  return seen
}
