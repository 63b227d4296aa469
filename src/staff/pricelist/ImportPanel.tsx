/**
 * Price list import (admin): a CSV or XLSX with the columns 名称, 类别, 价格（元）and optionally 状态.
 * H5: a file input; weapp: a file from a WeChat chat (chooseMessageFile). First a check (nothing
 * written: the per-row report), then the import after a confirmation; rows with problems are not
 * imported, and importing the same file again changes nothing.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PriceImportReport } from '../../api/contract'
import { FIELD_LABEL } from '../../domain/pricelist/item'
import { importPriceItems } from '../../services/pricelist'
import { toApiError } from '../../services/cloud'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { decodeText, toBase64 } from '../import/upload'
import { useT } from '../../i18n'

const isH5 = process.env.TARO_ENV === 'h5'
/** An XLSX travels as base64 in one call (CloudBase takes 100 KB a call). */
const MAX_FILE_BYTES = 70 * 1024

interface Picked { name: string; format: 'csv' | 'xlsx'; content: string }

const formatOf = (name: string): Picked['format'] | null => {
  const ext = name.toLowerCase().split('.').pop()
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null
}
const NOT_A_SHEET: BannerMessage = { zh: '请选择 .csv 或 .xlsx 文件', en: 'Choose a .csv or .xlsx file' }
const TOO_BIG: BannerMessage = { zh: '文件过大（超过 70 KB），请拆分后分别导入', en: 'The file is larger than 70 KB; split it and import the parts' }
const READ_FAILED: BannerMessage = { zh: '读取文件失败，请重试', en: 'The file could not be read; please try again' }
const COLUMN_LABEL = { ...FIELD_LABEL, active: { zh: '状态', en: 'Status' }, row: { zh: '整行', en: 'Row' } }

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const t = useT()
  const [file, setFile] = useState<Picked | null>(null)
  const [report, setReport] = useState<PriceImportReport | null>(null)
  const [error, setError] = useState<BannerMessage | null>(null)
  const [busy, setBusy] = useState(false)

  function pick(p: Picked | BannerMessage) {
    setReport(null)
    if ('zh' in p) { setFile(null); setError(p); return }
    setError(null)
    setFile(p)
  }

  async function fromBrowser(f: File) {
    const format = formatOf(f.name)
    if (!format) return pick(NOT_A_SHEET)
    if (f.size > MAX_FILE_BYTES) return pick(TOO_BIG)
    const bytes = new Uint8Array(await f.arrayBuffer())
    pick({ name: f.name, format, content: format === 'xlsx' ? toBase64(bytes) : decodeText(bytes) })
  }

  async function fromChat() {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx', 'txt'] })
      const f = res.tempFiles[0]
      const format = f ? formatOf(f.name) : null
      if (!f || !format) return pick(NOT_A_SHEET)
      if (f.size > MAX_FILE_BYTES) return pick(TOO_BIG)
      // The mini-program reads CSV as UTF-8 only: save it as "CSV UTF-8" in Excel.
      const read = await Taro.getFileSystemManager().readFile({ filePath: f.path, encoding: format === 'xlsx' ? 'base64' : 'utf8' }) as unknown as { data: string }
      pick({ name: f.name, format, content: String(read.data) })
    } catch (e) {
      if (!((e as { errMsg?: string }).errMsg ?? '').includes('cancel')) pick(READ_FAILED)
    }
  }

  async function send(dryRun: boolean) {
    if (!file || busy) return
    setBusy(true)
    setError(null)
    try {
      const r = await importPriceItems({ fileName: file.name, format: file.format, content: file.content, dryRun })
      setReport(r)
      if (!dryRun) { setFile(null); onImported() }
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }

  async function confirmImport() {
    if (!report) return
    const res = await Taro.showModal({
      title: t({ zh: '确认导入', en: 'Import?' }),
      content: t({
        zh: `新增 ${report.created} 项，更新 ${report.updated} 项（价格或状态变化）。有问题的行不会导入。`,
        en: `${report.created} new items, ${report.updated} changed (price or status). Rows with problems are not imported.`,
      }),
      confirmText: t({ zh: '导入', en: 'Import' }),
      cancelText: t({ zh: '取消', en: 'Cancel' }),
    })
    if (res.confirm) await send(false)
  }

  return (
    <View id='price-import' className='card'>
      <Text className='card__title'>{t({ zh: '从文件导入', en: 'Import from a file' })}</Text>
      <Text className='muted small para'>{t({ zh: 'CSV 或 XLSX，第一行为表头：名称、类别、价格（元），可选 状态（启用/停用）。同名项目会被更新。', en: 'CSV or XLSX with a header row: name (名称), category (类别), price in yuan (价格), optionally status (状态: 启用/停用). Items with the same name are updated.' })}</Text>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {isH5 ? (
        <input id='price-file' type='file' accept='.csv,.xlsx,.txt,text/csv' className='price-file'
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void fromBrowser(f) }} />
      ) : (
        <Btn id='price-choose' variant='secondary' onClick={() => void fromChat()}>{t({ zh: '从微信聊天中选择文件', en: 'Choose a file from a WeChat chat' })}</Btn>
      )}
      {file ? (
        <View className='row'>
          <Btn id='price-import-check' variant={report ? 'secondary' : 'primary'} disabled={busy} onClick={() => void send(true)}>{t({ zh: '检查文件（不会写入）', en: 'Check the file (nothing is written)' })}</Btn>
          {report?.dryRun && report.created + report.updated > 0
            ? <Btn id='price-import-run' disabled={busy} onClick={() => void confirmImport()}>{t({ zh: '导入', en: 'Import' })}</Btn>
            : null}
        </View>
      ) : null}
      {report ? <ImportReport report={report} /> : null}
    </View>
  )
}

function ImportReport({ report }: { report: PriceImportReport }) {
  const t = useT()
  return (
    <View id='price-import-report' className='price-report' data-dry-run={report.dryRun ? 'yes' : 'no'}>
      <Text id='price-import-summary' className='para'>
        {report.dryRun
          ? t({ zh: `共 ${report.rows} 行：将新增 ${report.created} 项，更新 ${report.updated} 项，${report.unchanged} 项不变。`, en: `${report.rows} rows: ${report.created} would be added, ${report.updated} changed, ${report.unchanged} unchanged.` })
          : t({ zh: `已导入：新增 ${report.created} 项，更新 ${report.updated} 项，${report.unchanged} 项不变。`, en: `Imported: ${report.created} added, ${report.updated} changed, ${report.unchanged} unchanged.` })}
      </Text>
      {report.ignoredColumns.length ? <Text className='muted small para'>{t({ zh: '未读取的列：', en: 'Columns not read: ' })}{report.ignoredColumns.join('、')}</Text> : null}
      {report.problems.map((p, i) => (
        <View key={`${p.row}-${p.field}-${i}`} className='price-report__row price-import-problem' data-row={p.row} data-field={p.field}>
          <Text className='price-report__row-no'>{t({ zh: `第 ${p.row} 行`, en: `Row ${p.row}` })}</Text>
          <Text className='price-report__field'>{t(COLUMN_LABEL[p.field])}</Text>
          <Text className='price-report__reason'>{t(p.reason)}</Text>
        </View>
      ))}
    </View>
  )
}
