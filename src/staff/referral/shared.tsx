/** Pieces the referral desk's sections share: the error callback, load failure, dates (exports: ../export). */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { COMMON, useT } from '../../i18n'
import { PAYOUT_STATUS_LABEL } from '../export/reports'
import { useLoad, type Load } from '../../components/hooks'

/** Each section reports its errors to the desk's banner (null clears it). */
export type SectionProps = { onError: (e: BannerMessage | null) => void }

export const isH5 = process.env.TARO_ENV === 'h5'

export const PAYOUT_STATUS = PAYOUT_STATUS_LABEL

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

export function LoadFailed({ error, onRetry }: { error: BannerMessage; onRetry: () => void }) {
  const t = useT()
  return (
    <View className='card'>
      <ErrorBanner error={error} />
      <Btn variant='secondary' onClick={onRetry}>{t(COMMON.retry)}</Btn>
    </View>
  )
}
