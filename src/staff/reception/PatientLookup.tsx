/**
 * 查找患者 (issue 10, items 3 and 4): reception finds a patient by record number, full phone or
 * the phone's last 4 digits (phones masked, C2), then either bills them (选为付款人: the desk
 * loads them as by record number, with no payer ticket, so spending their stored value needs a
 * reason, R5, M4) or shows them a one-time binding code so they bind their WeChat.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PatientMatch } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { BindingCodePanel } from './BindingCodePanel'
import { useT } from '../../i18n'

export function PatientLookup({ onSelect, onError }: { onSelect: (m: PatientMatch) => void; onError: (e: unknown) => void }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<PatientMatch[] | null>(null)
  const [binding, setBinding] = useState<PatientMatch | null>(null)
  const { busy, run } = useSingleFlight()

  async function find() {
    const q = query.trim()
    if (!q) {
      onError({ zh: '请输入病历号、手机号或手机尾号 4 位', en: 'Enter a record number, a phone number or its last 4 digits', code: 'VALIDATION' })
      return
    }
    await run(async () => {
      setBinding(null)
      setMatches(await callFunction('reception', 'lookup', { query: q }))
      onError(null)
    }, {
      onError: (e) => {
        setMatches(null)
        onError(e)
      },
    })
  }

  return (
    <View id='patient-lookup' className='card'>
      <Text className='card__title'>{t({ zh: '查找患者', en: 'Find a patient' })}</Text>
      <View className='row'>
        <TextField id='lookup-input' className='grow' value={query} onChange={setQuery} placeholder={t({ zh: '病历号 / 手机号 / 手机尾号 4 位', en: 'Record no. / phone / last 4 digits' })} onConfirm={() => void find()} />
        <Btn id='lookup-submit' variant='secondary' disabled={busy} onClick={() => void find()}>{busy ? t({ zh: '查找中…', en: 'Finding…' }) : t({ zh: '查找', en: 'Find' })}</Btn>
      </View>
      {matches && matches.length === 0 ? <Text id='lookup-empty' className='muted'>{t({ zh: '没有找到匹配的患者', en: 'No patient found' })}</Text> : null}
      {matches && matches.length > 0 ? (
        <View id='lookup-results'>
          {matches.map((m, i) => (
            <View key={m.patientId} id={`lookup-result-${i}`} className='lookup-row'>
              <View className='row row--between'>
                <Text className='lookup-row__name'>{m.name}</Text>
                <Text className={`tier ${m.hasWeChat ? 'tier--annual' : ''}`}>{m.hasWeChat ? t({ zh: '已绑定微信', en: 'WeChat linked' }) : t({ zh: '未绑定微信', en: 'No WeChat' })}</Text>
              </View>
              <Text className='muted small'>{t({ zh: '病历号 ', en: 'Record no. ' })}{m.recordNo} · {m.maskedPhone}{m.birthYear ? t({ zh: ` · ${m.birthYear} 年生`, en: ` · born ${m.birthYear}` }) : ''}</Text>
              <View className='row'>
                <Btn id={`lookup-select-${i}`} variant='secondary' onClick={() => { setBinding(null); onSelect(m) }}>{t({ zh: '选为付款人', en: 'Bill this patient' })}</Btn>
                <Btn id={`lookup-bind-${i}`} variant='plain' onClick={() => setBinding(m)}>{t({ zh: '出示绑定码', en: 'Show the binding code' })}</Btn>
              </View>
              {binding?.patientId === m.patientId ? (
                <BindingCodePanel patientId={m.patientId} patientName={m.name} onClose={() => setBinding(null)} onError={onError} />
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
