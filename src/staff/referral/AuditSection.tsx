import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { AuditReport } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { CopyBox } from '../../pages/referral/shared'
import { CsvDownload, DATE_ERROR, isDate, LoadFailed, type SectionProps } from './shared'

/** The audit's `to` is the end of the week (exclusive): show the last day it covers. */
const lastDay = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : clinicDate(new Date(Date.parse(iso) - 1).toISOString()))

/** R9: the director's weekly audit of referral rewards and payments, anomalies flagged. */
export function AuditSection({ onError }: SectionProps) {
  const [asked, setAsked] = useState<string | undefined>(undefined)
  const [weekOf, setWeekOf] = useState('')
  const [load, reload] = useLoad<AuditReport>(() => callFunction('referral', 'audit', asked ? { weekOf: asked } : {}))
  const report = load.data ?? null

  function show() {
    const d = weekOf.trim()
    if (!isDate(d)) {
      onError(DATE_ERROR)
      return
    }
    onError(null)
    setAsked(d)
    reload()
  }

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  return (
    <View id='audit' className='card'>
      <Text className='card__title'>每周审计 Weekly audit</Text>
      <View className='row'>
        <TextField id='audit-week' className='grow' value={weekOf || (report ? clinicDate(report.from) : '')} onChange={setWeekOf} placeholder='该周任一天 YYYY-MM-DD' onConfirm={show} />
        <Btn id='audit-load' variant='secondary' onClick={show}>查看 Show</Btn>
      </View>
      {!report ? <Text className='muted'>加载中… Loading…</Text> : (
        <>
          <Text id='audit-range' className='muted small'>{clinicDate(report.from)} — {lastDay(report.to)}</Text>
          <View className='kv'><Text className='kv__k'>奖励记录 Reward entries</Text><Text id='audit-rewards' className='kv__v'>{report.rewards.length}</Text></View>
          <View className='kv'><Text className='kv__k'>推荐付款 Referred payments</Text><Text id='audit-payments' className='kv__v'>{report.payments.length}</Text></View>
          <Text className='field-label'>异常 Anomalies</Text>
          <View id='anomalies'>
            {report.anomalies.length === 0 ? <Text id='anomalies-none' className='muted'>未发现异常 No anomalies</Text> : null}
            {report.anomalies.map((a, i) => (
              <View key={i} className='anomaly'>
                <Text>{a.zh}</Text>
                <Text className='muted small'> {a.en} ({a.kind})</Text>
              </View>
            ))}
          </View>
          <CopyBox id='audit-csv' text={report.csv} label='审计 CSV Audit CSV' rows={5} />
          <CsvDownload id='audit-download' csv={report.csv} filename={`referral-audit-${clinicDate(report.from)}.csv`} />
        </>
      )}
    </View>
  )
}
