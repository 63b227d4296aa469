import { Text, View } from '@tarojs/components'
import type { ApiError } from '../services/cloud'
import { useT, type Msg } from '../i18n'
import { QrCode } from './QrCode'
import type { ShortLivedCode } from './useRotatingCode'

export interface CodePanelIds { qr: string; countdown: string; text: string }

/** S1: a short-lived code as QR, countdown and typeable text (member, friend card and coupon codes). */
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
  return (
    <View className='card code-card'>
      {code ? (
        <>
          <QrCode id={ids.qr} text={code.token} className={expired ? 'qr--stale' : ''} />
          <Text id={ids.countdown} className='code-countdown'>
            {expired
              ? t({ zh: '已过期，正在刷新…', en: 'Expired, refreshing…' })
              : t({ zh: `${secondsLeft} 秒后自动刷新`, en: `Refreshes in ${secondsLeft} s` })}
          </Text>
          <Text className='muted small'>{t({ zh: `${name.zh}（前台可输入）`, en: `${name.en} (reception may type it)` })}</Text>
          <Text id={ids.text} className='code-text' selectable userSelect>{code.token}</Text>
        </>
      ) : (
        <Text className='muted'>{error ? t({ zh: `未能获取${name.zh}`, en: `Could not get the ${name.en.toLowerCase()}` }) : t({ zh: '正在生成…', en: 'Generating…' })}</Text>
      )}
    </View>
  )
}
