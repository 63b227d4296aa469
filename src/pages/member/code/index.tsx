/**
 * Member code (S1): a short-lived signed token shown as a QR code for reception to scan.
 * It refreshes itself before it expires, so a screenshot stops working (useRotatingCode).
 */
import { useCallback } from 'react'
import { View, Text } from '@tarojs/components'
import { callFunction } from '../../../services/cloud'
import { PageShell } from '../../../components/PageShell'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { QrCode } from '../../../components/QrCode'
import { Btn } from '../../../components/controls'
import { useRotatingCode } from '../../../components/useRotatingCode'
import './index.css'

export default function MemberCodePage() {
  const fetchCode = useCallback(() => callFunction('member', 'code', {}), [])
  const { code, secondsLeft, expired, error, refresh } = useRotatingCode(fetchCode)

  return (
    <PageShell title='我的会员码' subtitle='My member code'>
      <ErrorBanner error={error} />
      <View className='card code-card'>
        {code ? (
          <>
            <QrCode id='member-code-qr' text={code.token} className={expired ? 'qr--stale' : ''} />
            <Text id='code-countdown' className='code-countdown'>
              {expired ? '已过期，正在刷新… Expired, refreshing…' : `${secondsLeft} 秒后自动刷新 · refreshes in ${secondsLeft}s`}
            </Text>
            <Text className='muted small'>会员码 Member code（前台可输入 staff may type it）</Text>
            <Text id='member-code-text' className='code-text' selectable userSelect>{code.token}</Text>
          </>
        ) : (
          <Text className='muted'>{error ? '未能获取会员码 Could not get a code' : '正在生成… Generating…'}</Text>
        )}
      </View>
      <View className='card'>
        <Text className='para'>请在前台出示此码，工作人员扫码后即可识别您的会员身份与折扣。</Text>
        <Text className='para'>此码会定时自动刷新，截图无效。</Text>
        <Text className='para small muted'>
          Show this code at reception. It refreshes itself every minute: a screenshot stops working.
        </Text>
      </View>
      <Btn variant='secondary' onClick={() => void refresh()}>立即刷新 Refresh now</Btn>
    </PageShell>
  )
}
