import { Text, View } from '@tarojs/components'
import type { ApiError } from '../services/cloud'
import { useT, type Msg } from '../i18n'
import { groupShortCode } from '../domain/codes/short-code'
import { Barcode } from './Barcode'
import { QrCode } from './QrCode'
import type { ShortLivedCode } from './useRotatingCode'
import './CodePanel.css'

/** Element ids of one code page: the QR, the countdown, the grouped digits and the barcode. */
export interface CodePanelIds { qr: string; countdown: string; digits: string; barcode: string }

/**
 * S1: a short-lived code (member, friend card and coupon codes) as a QR, its 18-digit short code
 * in groups (reception may type it) and the same digits as a barcode (a scanner gun reads it),
 * with the countdown. The signed token itself is never shown: only the QR carries it (data-text).
 */
export function CodePanel({ ids, name, code, secondsLeft, expired, error }: {
  ids: CodePanelIds
  /** What the code is, e.g. { zh: '会员码', en: 'Member code' }. */
  name: Msg
  code: ShortLivedCode | null
  secondsLeft: number
  expired: boolean
  error: ApiError | null
}) {
  const t = useT()
  const stale = expired ? 'qr--stale' : ''
  return (
    <View className='card code-card'>
      {code ? (
        <>
          <QrCode id={ids.qr} text={code.token} className={stale} />
          <Text id={ids.digits} className={`code-digits ${stale}`.trim()} selectable userSelect>{groupShortCode(code.shortCode)}</Text>
          <View className={`code-barcode ${stale}`.trim()}>
            <Barcode id={ids.barcode} value={code.shortCode} />
          </View>
          <Text className='muted small'>{t({ zh: '前台可扫描二维码或条形码，也可输入上方数字', en: 'Reception may scan the QR or the barcode, or type the digits above' })}</Text>
          <Text id={ids.countdown} className='code-countdown'>
            {expired
              ? t({ zh: '已过期，正在刷新…', en: 'Expired, refreshing…' })
              : t({ zh: `${secondsLeft} 秒后自动刷新`, en: `Refreshes in ${secondsLeft} s` })}
          </Text>
        </>
      ) : (
        <Text className='muted'>{error ? t({ zh: `未能获取${name.zh}`, en: `Could not get the ${name.en.toLowerCase()}` }) : t({ zh: '正在生成…', en: 'Generating…' })}</Text>
      )}
    </View>
  )
}
