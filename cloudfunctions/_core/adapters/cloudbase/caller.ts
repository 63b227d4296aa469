/**
 * Who called: the WeChat OPENID of the mini-program user behind `wx.cloud.callFunction`.
 *
 * What I found (sources read, nothing copied):
 * - CloudBase injects the caller's identity into the invocation; the developer does not (and must
 *   not try to) verify it — "云函数的传入参数中会被注入用户的 openid，开发者无需校验 openid 的正确性"
 *   (https://docs.cloudbase.net/cloud-function/sdk, "获取用户信息"). With @cloudbase/node-sdk the
 *   documented call is `app.auth().getUserInfo()` → `{ openId, appId, uid, customUserId, isAnonymous }`
 *   (https://docs.cloudbase.net/api-reference/server/node-sdk/auth); with wx-server-sdk it is
 *   `cloud.getWXContext().OPENID`.
 * - Both read the same injected variables. node-sdk 3.18 `src/auth/index.ts` `getUserInfo()` takes
 *   `WX_OPENID` from `getCloudbaseContext()` (`src/utils/tcbcontext.ts`), which copies the keys
 *   listed in `WX_CONTEXT_KEYS` from `process.env`, overridden by the invocation `context`'s
 *   `environment` (JSON string, current runtime) or `environ` (`k=v;k=v`, old runtime) when that
 *   context is passed — "取值优先级为 context > process.env". `getUserInfo()` itself passes no
 *   context, so it sees only `process.env`. wx-server-sdk `getWXContext()` likewise reads
 *   `process.env.WX_CONTEXT_KEYS` / `WX_OPENID`. `OPENID` is present only when a mini-program
 *   called (docs of Cloud.getWXContext: "小程序端调用云函数时有"); timers, HTTP access and
 *   console tests carry none.
 *
 * So: the invocation's own context first (it belongs to this call; a warm instance's `process.env`
 * could still hold a previous caller's variables if the runtime did not clear them — not verified,
 * hence the caution), then `process.env` through the SDK's documented `getUserInfo()`.
 * Returns null when there is no user: callers must treat that as "not signed in".
 */
import * as tcb from '@cloudbase/node-sdk'

/** The part of a `tcb.init(...)` app used here. */
export interface AuthApp {
  auth(): { getUserInfo(): { openId?: string } }
}

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

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0

export function callerOpenid(context: unknown, app: AuthApp | null | undefined): string | null {
  const env = contextEnvironment(context)
  if (env) {
    if (nonEmpty(env.WX_OPENID)) return env.WX_OPENID
    // The context describes this call's WeChat side and names no user: no user, whatever
    // process.env may still say.
    if ('WX_CONTEXT_KEYS' in env || 'WX_APPID' in env) return null
  }
  try {
    const openId = app?.auth().getUserInfo().openId
    return nonEmpty(openId) ? openId : null
  } catch {
    return null
  }
}
