/**
 * The import report: what a dry run found (or an import did), each problem as row, field, reason,
 * and apart from them the warnings: rows that import all the same (e.g. a phone shared in a family).
 */
import { Text, View } from '@tarojs/components'
import type { ImportReport } from '../../api/records'
import { FIELD_LABEL } from '../../domain/import/columns'
import { problemRows, warningRows } from './upload'
import { useT, type Msg } from '../../i18n'

/** A long report shows its first problems; the CLI (`npm run import -- --report`) writes them all. */
const SHOWN = 200

export function Report({ report, clinicName }: { report: ImportReport; clinicName: (id: string) => string }) {
  const t = useT()
  const done = !report.dryRun
  const lines: Array<[string, Msg, number | string]> = [
    ['rows', { zh: '数据行', en: 'Rows' }, report.rows],
    ['ok', done ? { zh: '已导入', en: 'Imported' } : { zh: '可导入', en: 'Can be imported' }, report.ok],
    ['created', done ? { zh: '新建档案', en: 'New records' } : { zh: '将新建档案', en: 'New records to make' }, report.created],
    ['updated', done ? { zh: '更新档案', en: 'Records updated' } : { zh: '将更新档案', en: 'Records to update' }, report.updated],
    ['unchanged', { zh: '无变化', en: 'Unchanged' }, report.unchanged],
    ['lifetime', done ? { zh: '成为终身会员', en: 'Now lifetime members' } : { zh: '将成为终身会员', en: 'Will be lifetime members' }, report.lifetime],
    ['problems', { zh: '有问题的行（不导入）', en: 'Rows with problems (not imported)' }, problemRows(report)],
    ['warnings', done ? { zh: '有提示的行（已导入）', en: 'Rows with a note (imported)' } : { zh: '有提示的行（照常导入）', en: 'Rows with a note (imported all the same)' }, warningRows(report)],
  ]
  const head = (last: Msg) => (
    <View className='import-table__row import-table__head'>
      <Text className='import-table__row-no'>{t({ zh: '行', en: 'Row' })}</Text><Text className='import-table__field'>{t({ zh: '字段', en: 'Field' })}</Text><Text className='import-table__reason'>{t(last)}</Text>
    </View>
  )
  return (
    <View id='import-report' className='card'>
      <Text className='card__title'>{done ? t({ zh: '导入完成', en: 'Import done' }) : t({ zh: '检查结果（尚未导入）', en: 'Check result (nothing imported yet)' })}</Text>
      {lines.map(([k, label, v]) => (
        <View key={k} className='kv'>
          <Text className='kv__k'>{t(label)}</Text>
          <Text id={`import-${k}`} className='kv__v'>{v}</Text>
        </View>
      ))}
      {Object.entries(report.byClinic).map(([id, n]) => (
        <View key={id} className='kv'><Text className='kv__k'>· {clinicName(id)}</Text><Text className='kv__v'>{n}</Text></View>
      ))}
      {report.ignoredColumns.length > 0 ? (
        <Text id='import-ignored' className='muted small para'>{t({ zh: `未读取的列：${report.ignoredColumns.join('、')}`, en: `Columns not read: ${report.ignoredColumns.join(', ')}` })}</Text>
      ) : null}
      {report.problems.length > 0 ? (
        <View id='import-problem-list' className='import-table'>
          {head({ zh: '原因', en: 'Reason' })}
          {report.problems.slice(0, SHOWN).map((p, i) => (
            <View key={`${p.row}-${p.field}-${i}`} className='import-table__row' id={`problem-${p.row}-${p.field}`}>
              <Text className='import-table__row-no'>{p.row}</Text>
              <Text className='import-table__field'>{t(FIELD_LABEL[p.field])}</Text>
              <Text className='import-table__reason'>{t(p.reason)}</Text>
            </View>
          ))}
          {report.problems.length > SHOWN ? <Text className='muted small para'>{t({ zh: `另有 ${report.problems.length - SHOWN} 条问题未显示，请修改文件后重新检查。`, en: `${report.problems.length - SHOWN} more problems not shown; fix the file and check again.` })}</Text> : null}
        </View>
      ) : null}
      {report.warnings.length > 0 ? (
        <View id='import-warning-list' className='import-table'>
          <Text className='card__title import-table__caption'>{done ? t({ zh: '提示（这些行已导入）', en: 'Notes (these rows were imported)' }) : t({ zh: '提示（这些行照常导入）', en: 'Notes (these rows import all the same)' })}</Text>
          {head({ zh: '说明', en: 'Note' })}
          {report.warnings.slice(0, SHOWN).map((w, i) => (
            <View key={`${w.row}-${w.field}-${i}`} className='import-table__row' id={`warning-${w.row}-${w.field}`}>
              <Text className='import-table__row-no'>{w.row}</Text>
              <Text className='import-table__field'>{t(FIELD_LABEL[w.field])}</Text>
              <Text className='import-table__note'>{t(w.reason)}</Text>
            </View>
          ))}
          {report.warnings.length > SHOWN ? <Text className='muted small para'>{t({ zh: `另有 ${report.warnings.length - SHOWN} 条提示未显示。`, en: `${report.warnings.length - SHOWN} more notes not shown.` })}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
