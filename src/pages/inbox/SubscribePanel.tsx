/**
 * "订阅提醒" (Get reminders; N3, C1, C2): consent is never assumed.
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
import { callFunction, type ApiError } from '../../services/cloud'
import { TEMPLATE_LABEL } from '../../services/format'
import { askableTemplates, askSubscribe } from '../../services/subscribe'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn, CheckField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { useT } from '../../i18n'

const isWeapp = process.env.TARO_ENV === 'weapp'

export function SubscribePanel({ templates, counts, onSaved }: { templates: TemplateKey[]; counts: ConsentCounts['counts']; onSaved: () => void }) {
  const t = useT()
  const [ticked, setTicked] = useState<TemplateKey[]>([])
  const flight = useSingleFlight()
  const saving = flight.busy
  const [saved, setSaved] = useState<TemplateKey[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const askable = isWeapp ? askableTemplates(templates) : templates

  // S3, N3: one consent per tap — a double tap must not record (and so allow) two messages.
  async function record(accepted: TemplateKey[]) {
    setError(null)
    if (accepted.length === 0) {
      setSaved([])
      return
    }
    await callFunction('notify', 'subscribe', { templates: accepted, source: 'inbox' })
    setSaved(accepted)
    setTicked([])
    onSaved()
  }
  const once = (accepted: () => Promise<TemplateKey[]> | TemplateKey[]) => void flight.run(async () => record(await accepted()), { onError: setError })

  // weapp: the dialog opens only from this tap (the flight starts the work in the tap's own tick).
  const askInWeChat = () => once(() => askSubscribe(askable))
  const toggle = (k: TemplateKey, on: boolean) => setTicked((cur) => (on ? [...cur.filter((x) => x !== k), k] : cur.filter((x) => x !== k)))

  return (
    <View id='subscribe-panel' className='card'>
      <Text className='card__title'>{t({ zh: '订阅提醒', en: 'Get reminders' })}</Text>
      <Text className='para small muted'>
        {t({ zh: '每同意一次，诊所可以给您发送一条该类消息；不同意则不会发送。', en: 'Each time you agree, the clinic may send you one such message; without your agreement nothing is sent.' })}
      </Text>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <View id='consent-counts'>
        {templates.map((k) => (
          <View key={k} className='consent-line'>
            <Text className='consent-line__name'>{t(TEMPLATE_LABEL[k])}</Text>
            <Text id={`consent-count-${k}`} className='consent-line__count'>{t({ zh: `可接收 ${counts[k] ?? 0} 条`, en: `${counts[k] ?? 0} left` })}</Text>
          </View>
        ))}
      </View>

      {isWeapp && askable.length > 0 ? (
        <Btn id='subscribe-btn' disabled={saving} onClick={askInWeChat}>{t({ zh: '订阅提醒', en: 'Get reminders' })}</Btn>
      ) : null}
      {isWeapp && askable.length === 0 ? (
        <Text id='subscribe-unavailable' className='para small muted'>{t({ zh: '暂未开通消息订阅', en: 'Reminders are not available yet' })}</Text>
      ) : null}
      {!isWeapp ? (
        <View id='subscribe-choices'>
          {templates.map((k) => (
            <CheckField key={k} id={`subscribe-${k}`} checked={ticked.includes(k)} onChange={(on) => toggle(k, on)}>
              {t({ zh: `接收${TEMPLATE_LABEL[k].zh}`, en: `Send me the ${TEMPLATE_LABEL[k].en.toLowerCase()}` })}
            </CheckField>
          ))}
          <Btn id='subscribe-confirm' disabled={saving || ticked.length === 0} onClick={() => once(() => ticked)}>
            {saving ? t({ zh: '保存中…', en: 'Saving…' }) : t({ zh: '确认订阅', en: 'Subscribe' })}
          </Btn>
        </View>
      ) : null}

      {saved && saved.length > 0 ? (
        <Text id='subscribe-done' className='notice subscribe-done'>
          {t({ zh: `已订阅：${saved.map((k) => TEMPLATE_LABEL[k].zh).join('、')}`, en: `Subscribed: ${saved.map((k) => TEMPLATE_LABEL[k].en).join(', ')}` })}
        </Text>
      ) : null}
      {saved && saved.length === 0 ? (
        <Text id='subscribe-done' className='notice notice--over subscribe-done'>{t({ zh: '未订阅新的提醒', en: 'No reminders were added' })}</Text>
      ) : null}
    </View>
  )
}
