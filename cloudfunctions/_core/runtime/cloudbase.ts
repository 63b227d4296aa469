/**
 * A cloud function's entry on CloudBase: the deps are built once per warm instance from the
 * function's own environment; the caller's OPENID comes from this invocation's `context` only —
 * never from the event, never from `process.env` (which a warm instance shares between calls;
 * see adapters/cloudbase/caller.ts).
 */
import * as tcb from '@cloudbase/node-sdk'
import { systemClock } from '../../../src/domain/clock'
import { openCloudBaseStore } from '../adapters/cloudbase/cloudbase-store'
import { callerOpenid } from '../adapters/cloudbase/caller'
import { HmacQrSigner } from '../adapters/qr/hmac-qr'
import { wechatPoster } from '../adapters/poster'
import { templatesFromEnv, wechatChannel } from '../adapters/notify/wechat-channel'
import { wechatPhone } from '../adapters/phone/wechat-phone'
import type { Deps } from '../deps'
import type { FnName } from '../../../src/api/contract'
import { invoke, type FunctionDef } from './define'

let app: ReturnType<typeof tcb.init> | undefined
let deps: Deps | undefined

function cloudDeps(): Deps {
  if (!deps) {
    const secret = process.env.YAYOU_QR_SECRET
    if (!secret) throw new Error('YAYOU_QR_SECRET is not configured for this function (see docs/deploy.md)')
    app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
    deps = { store: openCloudBaseStore({ app }), clock: systemClock, qr: new HmacQrSigner(secret), poster: wechatPoster(), channel: wechatChannel(templatesFromEnv(process.env.YAYOU_TEMPLATES)), phone: wechatPhone(null) }
  }
  return deps
}

export function cloudbaseMain<F extends FnName>(def: FunctionDef<F>) {
  return async (event: unknown, context: unknown) => {
    const d = cloudDeps()
    return invoke(def as unknown as FunctionDef<FnName>, event, callerOpenid(context), d)
  }
}

/**
 * A timer-triggered function (or an operator's call): no caller; the context, when CloudBase
 * passes one, carries the invocation's time limit (usecases/daily/schedule.ts reads it); the job's
 * summary is the result.
 */
export function cloudbaseTimer<R>(job: (deps: Deps, event: unknown, context: unknown) => Promise<R>) {
  return async (event: unknown, context?: unknown) => job(cloudDeps(), event, context)
}
