import { Text, View } from '@tarojs/components'
import type { ApiError } from '../services/cloud'
import { QrCode } from './QrCode'
import type { ShortLivedCode } from './useRotatingCode'

export interface CodePanelIds { qr: string; countdown: string; text: string }

/** S1: a short-lived code as QR, countdown and typeable text (member, friend card and coupon codes). */
export function CodePanel({ ids, name, code, secondsLeft, expired, error }: {
  ids: CodePanelIds
  /** What the code is, e.g. { zh: '会员码', en: 'Member code' }. */
  name: { zh: string; en: string }
  code: ShortLivedCode | null
  secondsLeft: number
  expired: boolean
  error: ApiError | null
}) {
  return (
    <View className='card code-card'>
      {code ? (
        <>
          <QrCode id={ids.qr} text={code.token} className={expired ? 'qr--stale' : ''} />
          <Text id={ids.countdown} className='code-countdown'>
            {expired ? '已过期，正在刷新… Expired, refreshing…' : `${secondsLeft} 秒后自动刷新 · refreshes in ${secondsLeft}s`}
          </Text>
          <Text className='muted small'>{name.zh} {name.en}（前台可输入 staff may type it）</Text>
          <Text id={ids.text} className='code-text' selectable userSelect>{code.token}</Text>
        </>
      ) : (
        <Text className='muted'>{error ? `未能获取${name.zh} Could not get a code` : '正在生成… Generating…'}</Text>
      )}
    </View>
  )
}
