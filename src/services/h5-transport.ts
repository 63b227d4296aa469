/**
 * H5's way to a cloud function: `POST /api/fn/<name>` on the local Node server, with the local
 * persona's openid. No Taro here, so the early requests (early.ts) can start before the app has.
 */
import { currentOpenid } from './persona'

/** The server's raw answer (a `Result`), or a thrown error when none came; `malformed` reports an unreadable body. */
export async function postFunction(name: string, event: Record<string, unknown>): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const openid = currentOpenid()
  if (openid) headers['x-yayou-openid'] = openid
  const res = await fetch(`/api/fn/${name}`, { method: 'POST', headers, body: JSON.stringify(event) })
  try {
    return await res.json()
  } catch {
    throw new UnreadableAnswer(res.status)
  }
}

export class UnreadableAnswer extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`)
    this.name = 'UnreadableAnswer'
  }
}
