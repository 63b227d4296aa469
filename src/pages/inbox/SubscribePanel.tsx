/**
 * "订阅提醒 Get reminders" (N3, C1, C2): consent is never assumed.
 *  - weapp: one button that opens WeChat's own subscribe dialog from the person's tap, for the
 *    messages this build has template ids for (at most 3); only "allow" is recorded. Without ids,
 *    nothing is asked and the panel says so.
 *  - H5 (no WeChat dialog): a tick box per message, never pre-ticked, and a confirm button.
 * Either way `notify.subscribe` records the accepted ones; the counts show what is left: WeChat's
 * one-time subscription lets the clinic send one message per consent.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ConsentCounts } from '../../api/contract'
import type { TemplateKey } from '../../domain/notify/messages'
import { callFunction, toApiError, type ApiError } from '../../services/cloud'
import { TEMPLATE_LABEL } from '../../services/format'
import { askableTemplates, askSubscribe } from '../../services/subscribe'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn, CheckField } from '../../components/controls'

const isWeapp = process.env.TARO_ENV === 'weapp'

export function SubscribePanel({ templates, counts, onSaved }: { templates: TemplateKey[]; counts: ConsentCounts['counts']; onSaved: () => void }) {
  const [ticked, setTicked] = useState<TemplateKey[]>([])
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<TemplateKey[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const askable = isWeapp ? askableTemplates(templates) : templates

  async function record(accepted: TemplateKey[]) {
    setError(null)
    if (accepted.length === 0) {
      setSaved([])
      return
    }
    setSaving(true)
    try {
      await callFunction('notify', 'subscribe', { templates: accepted, source: 'inbox' })
      setSaved(accepted)
      setTicked([])
      onSaved()
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setSaving(false)
    }
  }

  // weapp: the dialog opens only from this tap, so nothing is awaited before it.
  const askInWeChat = () => void askSubscribe(askable).then(record)
  const toggle = (t: TemplateKey, on: boolean) => setTicked((cur) => (on ? [...cur.filter((x) => x !== t), t] : cur.filter((x) => x !== t)))

  return (
    <View id='subscribe-panel' className='card'>
      <Text className='card__title'>订阅提醒 Get reminders</Text>
      <Text className='para small muted'>
        每同意一次，诊所可以给您发送一条该类消息；不同意则不会发送。
        Each time you agree, the clinic may send you one such message; without your agreement nothing is sent.
      </Text>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <View id='consent-counts'>
        {templates.map((t) => (
          <View key={t} className='consent-line'>
            <Text className='consent-line__name'>{TEMPLATE_LABEL[t].zh} {TEMPLATE_LABEL[t].en}</Text>
            <Text id={`consent-count-${t}`} className='consent-line__count'>可接收 {counts[t] ?? 0} 条 · {counts[t] ?? 0} left</Text>
          </View>
        ))}
      </View>

      {isWeapp && askable.length > 0 ? (
        <Btn id='subscribe-btn' disabled={saving} onClick={askInWeChat}>订阅提醒 Get reminders</Btn>
      ) : null}
      {isWeapp && askable.length === 0 ? (
        <Text id='subscribe-unavailable' className='para small muted'>暂未开通消息订阅 Reminders are not available yet</Text>
      ) : null}
      {!isWeapp ? (
        <View id='subscribe-choices'>
          {templates.map((t) => (
            <CheckField key={t} id={`subscribe-${t}`} checked={ticked.includes(t)} onChange={(on) => toggle(t, on)}>
              接收{TEMPLATE_LABEL[t].zh} · Send me the {TEMPLATE_LABEL[t].en.toLowerCase()}
            </CheckField>
          ))}
          <Btn id='subscribe-confirm' disabled={saving || ticked.length === 0} onClick={() => void record(ticked)}>
            {saving ? '保存中… Saving…' : '确认订阅 Subscribe'}
          </Btn>
        </View>
      ) : null}

      {saved && saved.length > 0 ? (
        <Text id='subscribe-done' className='notice subscribe-done'>已订阅：{saved.map((t) => TEMPLATE_LABEL[t].zh).join('、')} · Subscribed</Text>
      ) : null}
      {saved && saved.length === 0 ? (
        <Text id='subscribe-done' className='notice notice--over subscribe-done'>未订阅新的提醒 No reminders were added</Text>
      ) : null}
    </View>
  )
}
