/** Pieces the referral desk's sections share: the error callback, CSV download, load failure, dates. */
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { PayoutView } from '../../api/contract'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { COMMON, useT, type Msg } from '../../i18n'
import { useLoad, type Load } from '../../components/hooks'

/** Each section reports its errors to the desk's banner (null clears it). */
export type SectionProps = { onError: (e: BannerMessage | null) => void }

export const isH5 = process.env.TARO_ENV === 'h5'

export const PAYOUT_STATUS: Record<PayoutView['status'], Msg> = {
  due: { zh: '待发放', en: 'Due' },
  paid: { zh: '已发放', en: 'Paid' },
  void: { zh: '已作废', en: 'Void' },
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s.trim())
const DATE_ERROR: BannerMessage = { zh: '日期格式为 YYYY-MM-DD', en: 'A date is YYYY-MM-DD', code: 'VALIDATION' }

/**
 * A report for a date the staff member types: first for the server's default (today, this week),
 * then `ask(text)` checks the date, reports a bad one to the banner, and loads the report for it.
 */
export function useDatedReport<T>(fetch: (date: string | undefined) => Promise<T>, onError: SectionProps['onError']): [Load<T>, () => void, (text: string) => void] {
  const [asked, setAsked] = useState<string | undefined>(undefined)
  const [load, reload] = useLoad<T>(() => fetch(asked))
  function ask(text: string) {
    const d = text.trim()
    if (!isDate(d)) {
      onError(DATE_ERROR)
      return
    }
    onError(null)
    setAsked(d)
    reload()
  }
  return [load, reload, ask]
}

/** H5: a link that saves the CSV as a file (a Blob URL). Not on weapp, where the copy box serves. */
export function CsvDownload({ id, csv, filename }: { id: string; csv: string; filename: string }) {
  const t = useT()
  const url = useMemo(() => {
    if (!isH5 || typeof Blob === 'undefined' || typeof URL === 'undefined' || !URL.createObjectURL) return ''
    // A BOM so spreadsheet programs read the Chinese names as UTF-8.
    return URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }))
  }, [csv])
  if (!url) return null
  return <a id={id} className='download' href={url} download={filename}>{t({ zh: `下载 CSV · ${filename}`, en: `Download ${filename}` })}</a>
}

export function LoadFailed({ error, onRetry }: { error: BannerMessage; onRetry: () => void }) {
  const t = useT()
  return (
    <View className='card'>
      <ErrorBanner error={error} />
      <Btn variant='secondary' onClick={onRetry}>{t(COMMON.retry)}</Btn>
    </View>
  )
}
