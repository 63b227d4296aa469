/**
 * CloudBase: WeChat subscribe messages through wx-server-sdk's cloud call
 * `openapi.subscribeMessage.send` (the function's config.json grants it). Each template's id and
 * the mapping of its keywords come from the environment variable YAYOU_TEMPLATES, for example
 *   {"card_expiry": {"id": "<template id>", "fields": {"thing1": "title", "amount2": "balanceFen", "date3": "expiresOn", "phrase4": "=即将到期"}}}
 * where a keyword's source is `title`, `body`, a key of the message data, or `=` and fixed text.
 * Every value is shaped and checked for its keyword type first (src/domain/notify/template-values.ts):
 * one that cannot be sent is refused here, before the call, and the message ends dead with the reason.
 *
 * How WeChat's answer is read. wx-server-sdk resolves only on success and throws everything else
 * with an `errCode` (its `toSDKError`, `callWXOpenAPI`):
 * - negative (-1 for any thrown error, -501001 for a failed, reset or timed-out request, other
 *   -50xxxx from CloudBase) or none: the request may have reached WeChat, and the message may be on
 *   the phone — `uncertain`, never resent (the outbox marks it interrupted and keeps the consent spent);
 * - positive: WeChat's own errcode, a definite answer (table below).
 */
import type { MessageChannel, OutgoingMessage, SendResult } from '../../ports/notifier'
import type { TemplateKey } from '../../../../src/domain/notify/messages'
import { shapeTemplateData, type RawValue } from '../../../../src/domain/notify/template-values'

export interface TemplateConfig { id: string; fields: Record<string, string> }

/** WeChat's errcodes for subscribeMessage.send that need more than "dead, with WeChat's message". */
const KNOWN: Record<number, { retryable?: true; noConsent?: true; why: string }> = {
  // The person refused, or used up their subscriptions for this template: our consent count was
  // wrong; the outbox sets it to zero and skips the message.
  43101: { noConsent: true, why: '用户拒收或订阅次数已用完' },
  // A value broke its keyword's rules (WeChat's message names the field). Shaping should prevent
  // it; if it happens the template's keyword types differ from YAYOU_TEMPLATES: dead, never resent.
  47003: { why: '模板参数不符合规则' },
  // The template id is wrong or was removed: a deployment error, dead for every message of the kind.
  40037: { why: '模板 id 无效（检查 YAYOU_TEMPLATES）' },
  40003: { why: 'openid 无效' },
  41030: { why: 'page 路径不在已发布的小程序中' },
  // Quotas: the API's daily limit (45009) or its rate limit (45011) — worth a later try (backoff).
  45009: { retryable: true, why: '接口调用超过每日限额' },
  45011: { retryable: true, why: '接口调用过于频繁' },
}

/** What one thrown error from wx-server-sdk means for the message. */
export function readFailure(e: unknown): SendResult {
  const code = (e as { errCode?: unknown } | null)?.errCode
  const detail = String((e as { errMsg?: unknown } | null)?.errMsg ?? (e instanceof Error ? e.message : e))
  if (typeof code !== 'number' || code < 0) {
    return { ok: false, retryable: false, uncertain: true, error: `未确认送达（${typeof code === 'number' ? code : '无错误码'}）：${detail}` }
  }
  const known = KNOWN[code]
  return {
    ok: false, retryable: known?.retryable ?? false, error: `${code} ${known?.why ?? '微信拒绝'}：${detail}`,
    ...(known?.noConsent ? { noConsent: true } : {}),
  }
}

/** The raw value of each keyword, from the message. */
function rawValues(m: OutgoingMessage, cfg: TemplateConfig): Record<string, RawValue | undefined> {
  const out: Record<string, RawValue | undefined> = {}
  for (const [key, source] of Object.entries(cfg.fields)) {
    out[key] = source.startsWith('=') ? source.slice(1) : source === 'title' ? m.rendered.title.zh : source === 'body' ? m.rendered.body.zh : m.data[source]
  }
  return out
}

/** The `data` of the call for one message, or why it cannot be sent. */
export function templateData(m: OutgoingMessage, cfg: TemplateConfig): ReturnType<typeof shapeTemplateData> {
  return shapeTemplateData(rawValues(m, cfg))
}

export interface WechatChannelOptions {
  /**
   * How long one send may wait for an answer. Shorter than the daily job's margin before its time
   * limit (usecases/daily/schedule.ts), so a hanging call ends before the function is killed.
   * wx-server-sdk is initialised once per process, with the first channel's value.
   */
  timeoutMs?: number
}

export function wechatChannel(templates: Partial<Record<TemplateKey, TemplateConfig>>, opts: WechatChannelOptions = {}): MessageChannel {
  let cloud: WxServerSdk | undefined
  const sdk = () => {
    if (!cloud) {
      // Loaded on the first send: only the daily function pays for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cloud = require('wx-server-sdk') as WxServerSdk
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: opts.timeoutMs ?? 8_000 })
    }
    return cloud
  }
  return {
    name: 'wechat-subscribe',
    needsConsent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      const cfg = templates[m.template]
      if (!cfg) return { ok: false, retryable: false, error: `no template configured for ${m.template}` }
      const shaped = templateData(m, cfg)
      if (!shaped.ok) return { ok: false, retryable: false, error: `未发送：${shaped.reason}` }
      try {
        await sdk().openapi.subscribeMessage.send({ touser: m.openid, templateId: cfg.id, page: m.rendered.page, data: shaped.data, miniprogramState: 'formal' })
        return { ok: true }
      } catch (e) {
        return readFailure(e)
      }
    },
  }
}

/** YAYOU_TEMPLATES, parsed; a malformed value is a deployment error, said at start. */
export function templatesFromEnv(raw: string | undefined): Partial<Record<TemplateKey, TemplateConfig>> {
  if (!raw) return {}
  // The CLI manifest (cloudbaserc.json) cannot carry JSON in an env placeholder, so base64 is accepted too.
  const text = raw.trim().startsWith('{') ? raw : Buffer.from(raw.trim(), 'base64').toString('utf8')
  const parsed = JSON.parse(text) as Record<string, TemplateConfig>
  for (const [k, v] of Object.entries(parsed)) {
    if (!v || typeof v.id !== 'string' || typeof v.fields !== 'object') throw new Error(`YAYOU_TEMPLATES.${k} needs { id, fields }`)
  }
  return parsed
}

interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol
  init(opts: { env: unknown; timeout?: number }): void
  openapi: { subscribeMessage: { send(o: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState: string }): Promise<{ errCode: number; errMsg: string }> } }
}
