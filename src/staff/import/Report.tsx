/**
 * The import report: what a dry run found (or an import did), each problem as row, field, reason,
 * and apart from them the warnings: rows that import all the same (e.g. a phone shared in a family).
 */
import { Text, View } from '@tarojs/components'
import type { ImportReport } from '../../api/records'
import { FIELD_LABEL } from '../../domain/import/columns'
import { problemRows, warningRows } from './upload'

/** A long report shows its first problems; the CLI (`npm run import -- --report`) writes them all. */
const SHOWN = 200

export function Report({ report, clinicName }: { report: ImportReport; clinicName: (id: string) => string }) {
  const done = !report.dryRun
  const lines: Array<[string, string, number | string]> = [
    ['rows', '数据行', report.rows],
    ['ok', done ? '已导入' : '可导入', report.ok],
    ['created', done ? '新建档案' : '将新建档案', report.created],
    ['updated', done ? '更新档案' : '将更新档案', report.updated],
    ['unchanged', '无变化', report.unchanged],
    ['lifetime', done ? '成为终身会员' : '将成为终身会员', report.lifetime],
    ['problems', '有问题的行（不导入）', problemRows(report)],
    ['warnings', done ? '有提示的行（已导入）' : '有提示的行（照常导入）', warningRows(report)],
  ]
  return (
    <View id='import-report' className='card'>
      <Text className='card__title'>{done ? '导入完成' : '检查结果（尚未导入）'}</Text>
      {lines.map(([k, label, v]) => (
        <View key={k} className='kv'>
          <Text className='kv__k'>{label}</Text>
          <Text id={`import-${k}`} className='kv__v'>{v}</Text>
        </View>
      ))}
      {Object.entries(report.byClinic).map(([id, n]) => (
        <View key={id} className='kv'><Text className='kv__k'>· {clinicName(id)}</Text><Text className='kv__v'>{n}</Text></View>
      ))}
      {report.ignoredColumns.length > 0 ? (
        <Text id='import-ignored' className='muted small para'>未读取的列：{report.ignoredColumns.join('、')}</Text>
      ) : null}
      {report.problems.length > 0 ? (
        <View id='import-problem-list' className='import-table'>
          <View className='import-table__row import-table__head'>
            <Text className='import-table__row-no'>行</Text><Text className='import-table__field'>字段</Text><Text className='import-table__reason'>原因</Text>
          </View>
          {report.problems.slice(0, SHOWN).map((p, i) => (
            <View key={`${p.row}-${p.field}-${i}`} className='import-table__row' id={`problem-${p.row}-${p.field}`}>
              <Text className='import-table__row-no'>{p.row}</Text>
              <Text className='import-table__field'>{FIELD_LABEL[p.field].zh}</Text>
              <Text className='import-table__reason'>{p.reason.zh}</Text>
            </View>
          ))}
          {report.problems.length > SHOWN ? <Text className='muted small para'>另有 {report.problems.length - SHOWN} 条问题未显示，请修改文件后重新检查。</Text> : null}
        </View>
      ) : null}
      {report.warnings.length > 0 ? (
        <View id='import-warning-list' className='import-table'>
          <Text className='card__title import-table__caption'>{done ? '提示（这些行已导入）' : '提示（这些行照常导入）'}</Text>
          <View className='import-table__row import-table__head'>
            <Text className='import-table__row-no'>行</Text><Text className='import-table__field'>字段</Text><Text className='import-table__reason'>说明</Text>
          </View>
          {report.warnings.slice(0, SHOWN).map((w, i) => (
            <View key={`${w.row}-${w.field}-${i}`} className='import-table__row' id={`warning-${w.row}-${w.field}`}>
              <Text className='import-table__row-no'>{w.row}</Text>
              <Text className='import-table__field'>{FIELD_LABEL[w.field].zh}</Text>
              <Text className='import-table__note'>{w.reason.zh}</Text>
            </View>
          ))}
          {report.warnings.length > SHOWN ? <Text className='muted small para'>另有 {report.warnings.length - SHOWN} 条提示未显示。</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
