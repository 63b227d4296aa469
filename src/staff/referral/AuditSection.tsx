import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { AuditReport } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { clinicDate } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { ExportButtons } from '../export/ExportButtons'
import { AUDIT_EXPORT, auditLines } from '../export/reports'
import { LoadFailed, useDatedReport, type SectionProps } from './shared'
import { Loading } from '../../components/PageShell'
import { useT } from '../../i18n'

/** The audit's `to` is the end of the week (exclusive): show the last day it covers. */
const lastDay = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : clinicDate(new Date(Date.parse(iso) - 1).toISOString()))

/** R9: the director's weekly audit of referral rewards and payments, anomalies flagged. */
export function AuditSection({ onError }: SectionProps) {
  const t = useT()
  const [weekOf, setWeekOf] = useState('')
  const [load, reload, ask] = useDatedReport<AuditReport>((d) => callFunction('referral', 'audit', d ? { weekOf: d } : {}), onError)
  const report = load.data ?? null
  const show = () => ask(weekOf)

  if (load.state === 'error') return <LoadFailed error={load.error} onRetry={reload} />
  return (
    <View id='audit' className='card'>
      <Text className='card__title'>{t({ zh: '每周审计', en: 'Weekly audit' })}</Text>
      <View className='row'>
        <TextField id='audit-week' className='grow' value={weekOf || (report ? clinicDate(report.from) : '')} onChange={setWeekOf} placeholder={t({ zh: '该周任一天 YYYY-MM-DD', en: 'Any day of the week, YYYY-MM-DD' })} onConfirm={show} />
        <Btn id='audit-load' variant='secondary' onClick={show}>{t({ zh: '查看', en: 'Show' })}</Btn>
      </View>
      {!report ? <Loading /> : (
        <>
          <Text id='audit-range' className='muted small'>{clinicDate(report.from)} — {lastDay(report.to)}</Text>
          <View className='kv'><Text className='kv__k'>{t({ zh: '奖励记录', en: 'Reward entries' })}</Text><Text id='audit-rewards' className='kv__v'>{report.rewards.length}</Text></View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '推荐付款', en: 'Referred payments' })}</Text><Text id='audit-payments' className='kv__v'>{report.payments.length}</Text></View>
          <Text className='field-label'>{t({ zh: '异常', en: 'Anomalies' })}</Text>
          <View id='anomalies'>
            {report.anomalies.length === 0 ? <Text id='anomalies-none' className='muted'>{t({ zh: '未发现异常', en: 'No anomalies' })}</Text> : null}
            {report.anomalies.map((a, i) => (
              <View key={i} className='anomaly' data-kind={a.kind}>
                <Text>{t(a)}</Text>
              </View>
            ))}
          </View>
          <ExportButtons id='audit-export' report={AUDIT_EXPORT} rows={auditLines(report)} stamp={clinicDate(report.from)} onError={onError} />
        </>
      )}
    </View>
  )
}
