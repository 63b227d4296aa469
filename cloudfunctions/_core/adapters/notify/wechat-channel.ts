/**
 * CloudBase: WeChat subscribe messages through wx-server-sdk's cloud call
 * `openapi.subscribeMessage.send` (the function's config.json grants it). Each template's id and
 * the mapping of its fields come from the environment variable YAYOU_TEMPLATES, for example
 *   {"card_expiry": {"id": "<template id>", "fields": {"thing1": "title", "thing2": "body", "time3": "expiresOn"}}}
 * where a field's source is `title`, `body` or a key of the message data. Not run here: this
 * machine has no WeChat environment.
 */
import type { MessageChannel, OutgoingMessage, SendResult } from '../../ports/notifier'
import type { TemplateKey } from '../../../../src/domain/notify/messages'

export interface TemplateConfig { id: string; fields: Record<string, string> }

/** WeChat's limits per field type: `thing` 20 characters, `phrase` 5, others 32 (we cut, never fail). */
function fieldValue(key: string, value: string): string {
  const max = key.startsWith('thing') ? 20 : key.startsWith('phrase') ? 5 : 32
  return [...value].length > max ? [...value].slice(0, max - 1).join('') + '…' : value
}

export function templateData(m: OutgoingMessage, cfg: TemplateConfig): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {}
  for (const [key, source] of Object.entries(cfg.fields)) {
    const v = source === 'title' ? m.rendered.title.zh : source === 'body' ? m.rendered.body.zh : String(m.data[source] ?? '')
    out[key] = { value: fieldValue(key, v) }
  }
  return out
}

/** Errors WeChat documents as passing (system busy, rate limit); the rest will not get better. */
const RETRYABLE = new Set([-1, 45009, 45011])
/** 43101: the user has no (more) subscription for this template. */
const NO_SUBSCRIPTION = 43101

function failure(code: number, error: string): SendResult {
  return { ok: false, retryable: RETRYABLE.has(code), error, ...(code === NO_SUBSCRIPTION ? { noConsent: true } : {}) }
}

export function wechatChannel(templates: Partial<Record<TemplateKey, TemplateConfig>>): MessageChannel {
  return {
    name: 'wechat-subscribe',
    needsConsent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      const cfg = templates[m.template]
      if (!cfg) return { ok: false, retryable: false, error: `no template configured for ${m.template}` }
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const cloud = require('wx-server-sdk') as WxServerSdk
        cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
        const r = await cloud.openapi.subscribeMessage.send({ touser: m.openid, templateId: cfg.id, page: m.rendered.page, data: templateData(m, cfg), miniprogramState: 'formal' })
        if (r.errCode && r.errCode !== 0) return failure(r.errCode, `${r.errCode} ${r.errMsg ?? ''}`)
        return { ok: true }
      } catch (e) {
        const code = (e as { errCode?: number }).errCode
        const error = e instanceof Error ? e.message : String(e)
        // No code: the call timed out or the answer was lost, and WeChat may have delivered it.
        return code === undefined ? { ok: false, retryable: false, uncertain: true, error } : failure(code, error)
      }
    },
  }
}

/** YAYOU_TEMPLATES, parsed; a malformed value is a deployment error, said at start. */
export function templatesFromEnv(raw: string | undefined): Partial<Record<TemplateKey, TemplateConfig>> {
  if (!raw) return {}
  const parsed = JSON.parse(raw) as Record<string, TemplateConfig>
  for (const [k, v] of Object.entries(parsed)) {
    if (!v || typeof v.id !== 'string' || typeof v.fields !== 'object') throw new Error(`YAYOU_TEMPLATES.${k} needs { id, fields }`)
  }
  return parsed
}

interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol
  init(opts: { env: unknown }): void
  openapi: { subscribeMessage: { send(o: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState: string }): Promise<{ errCode?: number; errMsg?: string }> } }
}
