/**
 * Issue 14: the two export buttons of a report (导出 Excel / 导出 CSV). The table is built when
 * tapped, in the reader's language and the chain's time zone and currency (services/chain.ts, as
 * whoami answered them; issue 14), from the rows the page shows.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Btn } from '../../components/controls'
import type { BannerMessage } from '../../components/ErrorBanner'
import { useLang, useT } from '../../i18n'
import type { ReportExport } from './reports'
import { buildTable } from './table'
import { chain } from '../../services/chain'
import { deliverExport, type ExportFormat } from './save'
import './ExportButtons.css'

export interface ExportButtonsProps<R> {
  /** Prefix of the buttons' ids: `${id}-xlsx`, `${id}-csv`. */
  id: string
  report: ReportExport<R>
  rows: readonly R[]
  /** Follows the title in the file name, e.g. the report's date. */
  stamp: string
  onError?: (e: BannerMessage | null) => void
  /** Another time zone than the chain's (policy.timezone), if a page ever needs one. */
  zone?: string
}

export function ExportButtons<R>({ id, report, rows, stamp, onError, zone }: ExportButtonsProps<R>) {
  const t = useT()
  const lang = useLang()
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState('')

  async function run(format: ExportFormat) {
    if (busy) return
    setBusy(true)
    onError?.(null)
    try {
      setSaved(await deliverExport(buildTable(report.title, report.columns, rows, { lang, zone: zone ?? chain().timezone, currency: chain().currency }), stamp, format))
    } catch (e) {
      // The person closed WeChat's share sheet or viewer: nothing to report.
      if (/cancel/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? ''))) return
      onError?.({ zh: '导出失败，请重试', en: 'The export failed; try again', code: 'EXPORT_FAILED' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id={id} className='row export-buttons' data-saved={saved}>
      <Btn id={`${id}-xlsx`} variant='secondary' className='grow' disabled={busy} onClick={() => void run('xlsx')}>{t({ zh: '导出 Excel', en: 'Export Excel' })}</Btn>
      <Btn id={`${id}-csv`} variant='secondary' className='grow' disabled={busy} onClick={() => void run('csv')}>{t({ zh: '导出 CSV', en: 'Export CSV' })}</Btn>
    </View>
  )
}
