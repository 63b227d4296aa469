/**
 * Choosing the import file: on H5 a real file input (Taro's chooseMessageFile does not exist there),
 * on weapp a file from a WeChat chat (chooseMessageFile); or CSV text pasted into a box.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Btn } from '../../components/controls'
import type { BannerMessage } from '../../components/ErrorBanner'
import { decodeText, toBase64, type PickedFile } from './upload'
import { useT } from '../../i18n'

const isH5 = process.env.TARO_ENV === 'h5'

const formatOf = (name: string): PickedFile['format'] | null => {
  const ext = name.toLowerCase().split('.').pop()
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null
}

/** What the banner says when a file cannot be used (in the reader's language). */
const NOT_A_SHEET: BannerMessage = { zh: '请选择 .csv 或 .xlsx 文件', en: 'Choose a .csv or .xlsx file' }
const READ_FAILED: BannerMessage = { zh: '读取文件失败，请重试', en: 'The file could not be read; please try again' }
/** The header the import reads (docs/import.md): the column names it matches, so not translated. */
const HEADER_HINT = '病历号,姓名,手机,生日,诊所,历史消费'
const NOTHING_PASTED: BannerMessage = { zh: '请先粘贴 CSV 内容（第一行为表头）', en: 'Paste the CSV first (the header on the first line)' }

export function FilePicker({ onPick, onError }: { onPick: (f: PickedFile) => void; onError: (m: BannerMessage) => void }) {
  const t = useT()
  const [pasted, setPasted] = useState('')

  async function fromBrowser(file: File) {
    const format = formatOf(file.name)
    if (!format) return onError(NOT_A_SHEET)
    const bytes = new Uint8Array(await file.arrayBuffer())
    onPick({ name: file.name, format, content: format === 'xlsx' ? toBase64(bytes) : decodeText(bytes), bytes: bytes.length })
  }

  async function fromChat() {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx', 'txt'] })
      const f = res.tempFiles[0]
      const format = f ? formatOf(f.name) : null
      if (!f || !format) return onError(NOT_A_SHEET)
      // The mini-program reads CSV as UTF-8 only (no GBK decoder there): save it as "CSV UTF-8" in Excel.
      const read = await Taro.getFileSystemManager().readFile({ filePath: f.path, encoding: format === 'xlsx' ? 'base64' : 'utf8' }) as unknown as { data: string }
      onPick({ name: f.name, format, content: String(read.data), bytes: f.size })
    } catch (e) {
      const msg = (e as { errMsg?: string }).errMsg ?? ''
      if (!msg.includes('cancel')) onError(READ_FAILED)
    }
  }

  function usePasted() {
    const text = pasted.trim()
    if (!text) return onError(NOTHING_PASTED)
    onPick({ name: t({ zh: '粘贴的内容.csv', en: 'pasted.csv' }), format: 'csv', content: text, bytes: text.length })
  }

  return (
    <View className='card'>
      <Text className='card__title'>{t({ zh: '选择文件', en: 'Choose a file' })}</Text>
      <Text className='muted small para'>{t({ zh: '从原系统导出的 CSV 或 XLSX（第一行为表头：病历号、姓名、手机，可选 生日、诊所、历史消费、最近就诊）。', en: 'A CSV or XLSX exported from the previous system (header on the first line: record no., name, phone; optionally birthday, clinic, past spend, last visit).' })}</Text>
      {isH5 ? (
        <input id='import-file' type='file' accept='.csv,.xlsx,.txt,text/csv' className='import-file'
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void fromBrowser(f) }} />
      ) : (
        <Btn id='import-choose' variant='secondary' onClick={() => void fromChat()}>{t({ zh: '从微信聊天中选择文件', en: 'Choose a file from a WeChat chat' })}</Btn>
      )}
      <Text className='field-label'>{t({ zh: '或粘贴 CSV 内容', en: 'Or paste the CSV' })}</Text>
      {isH5 ? (
        <textarea id='import-paste' className='field import-paste' rows={6} value={pasted} placeholder={HEADER_HINT} onChange={(e) => setPasted(e.target.value)} />
      ) : (
        <Textarea id='import-paste' className='field import-paste' value={pasted} maxlength={-1} placeholder={HEADER_HINT} onInput={(e) => setPasted(e.detail.value)} />
      )}
      <Btn id='import-use-paste' variant='secondary' onClick={usePasted}>{t({ zh: '使用粘贴的内容', en: 'Use the pasted text' })}</Btn>
    </View>
  )
}
