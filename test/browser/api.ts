/** Browser tests set up and check state through the local cloud's API: the ok data, or a failure naming the error. */
import type { Harness } from './harness'

export function apiDataOf(harness: () => Harness) {
  return async function apiData<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
    const r = await harness().api<T>(name, event, openid)
    if (!r.ok) throw new Error(`${name}.${String(event.action)} as ${openid}: ${r.error.code} ${r.error.message.en}`)
    return r.data
  }
}
