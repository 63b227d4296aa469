/**
 * The one client service module: every call to a cloud function goes through `callFunction`,
 * typed by the contract (src/api/contract.ts). The event sent is `{ action, ...data }`.
 *  - weapp: `Taro.cloud.callFunction({ name, data })`; WeChat adds the caller's identity.
 *  - h5:    `POST /api/fn/<name>` on the local Node server, with the local persona's openid.
 * A `Result` with ok:false is thrown as an `ApiError`; pages show it in the error banner.
 */
import Taro from '@tarojs/taro'
import type { ActionOf, Event, FnName, In, Out } from '../api/contract'
import { postFunction, UnreadableAnswer } from './h5-transport'
import { ApiError, answerOf, MALFORMED } from './answer'
import { keepChainIn, rememberChainOf } from './chain'

export { ApiError, answerOf, isApiError, readAnswer, toApiError, type ApiErrorCode } from './answer'

async function send(name: string, event: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name, data: event })
    return (res as { result?: unknown }).result
  }
  try {
    return await postFunction(name, event)
  } catch (e) {
    if (e instanceof UnreadableAnswer) throw new ApiError('NETWORK', { zh: MALFORMED.zh, en: `${MALFORMED.en} (HTTP ${e.status})` })
    throw e
  }
}

// Issue 14: the chain's currency and zone, kept on the device for the next launch (services/chain.ts).
const CHAIN_KEY = 'yayou.chain'
keepChainIn({ read: () => Taro.getStorageSync(CHAIN_KEY), write: (c) => Taro.setStorageSync(CHAIN_KEY, c) })

export async function callFunction<F extends FnName, A extends ActionOf<F>>(name: F, action: A, data: In<F, A>): Promise<Out<F, A>> {
  const event = { ...(data as object), action } as Event<F, A>
  const out = await answerOf<Out<F, A>>(send(name, event as unknown as Record<string, unknown>))
  // whoami and the friend offers carry the chain's settings: every screen after them shows its currency and zone.
  rememberChainOf(out)
  return out
}
