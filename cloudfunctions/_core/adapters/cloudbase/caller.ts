/**
 * Who called: the WeChat OPENID of the mini-program user behind `wx.cloud.callFunction`, taken
 * from this invocation's own `context` and from nowhere else.
 *
 * What I found (sources read, nothing copied):
 * - CloudBase injects the caller's identity into the invocation; the developer does not verify it
 *   ("云函数的传入参数中会被注入用户的 openid，开发者无需校验 openid 的正确性",
 *   https://docs.cloudbase.net/cloud-function/sdk and https://cloud.tencent.com/document/product/876/41763).
 *   wx-server-sdk reads it with `cloud.getWXContext().OPENID` ("小程序端调用云函数时有"; absent for
 *   timers, HTTP access and console tests); @cloudbase/node-sdk with `app.auth().getUserInfo()`.
 * - node-sdk 3.18 (`src/utils/tcbcontext.ts`, `getCloudbaseContext`) takes the variables named in
 *   `WX_CONTEXT_KEYS` from the invocation `context` — `environment` (JSON string, current
 *   runtime) or `environ` (`k=v;k=v`, old runtime) — and falls back to `process.env` for any key
 *   the context lacks ("取值优先级为 context > process.env"). `getUserInfo()` passes no context
 *   at all, so it reads only `process.env`: the variables of whichever invocation last wrote them.
 *
 * Why only the context: `process.env` belongs to the instance, not to the call. A warm instance
 * serves one caller after another (and, with per-instance concurrency, several at once), so a
 * value found there may be an earlier caller's: acting on it would let one patient see another's
 * data. The context object is handed to this call alone. When it names no user, there is none:
 * `null`, which `invoke` answers with UNAUTHENTICATED (fail closed; a timer has no user anyway).
 *
 * Not `event.userInfo` either: older WeChat docs say the platform adds `userInfo { openId, appId }`
 * to the event of a mini-program call, but the event is otherwise exactly what the caller sent,
 * and a call from another cloud function, HTTP access or the console passes an event the platform
 * does not rewrite — so the field can be forged there. The current docs point to getWXContext.
 */
import * as tcb from '@cloudbase/node-sdk'
import { isOpenid } from '../../runtime/schema'

type Env = Record<string, unknown>

/** The per-invocation variables carried by a cloud function's `context`, or null if it carries none. */
export function contextEnvironment(context: unknown): Env | null {
  if (typeof context !== 'object' || context === null) return null
  const c = context as { environment?: unknown; environ?: unknown }
  if (typeof c.environment !== 'string' && typeof c.environ !== 'string') return null
  try {
    const parsed = tcb.parseContext(context as Parameters<typeof tcb.parseContext>[0])
    const env = (parsed.environment ?? parsed.environ) as Env | undefined
    return env && typeof env === 'object' ? env : null
  } catch {
    return null
  }
}

/** This invocation's caller, or null when its context names none (or names something malformed). */
export function callerOpenid(context: unknown): string | null {
  const openid = contextEnvironment(context)?.WX_OPENID
  return isOpenid(openid) ? openid : null
}
