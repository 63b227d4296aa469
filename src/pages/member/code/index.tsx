/**
 * Member code (S1): a short-lived signed token shown as a QR code for reception to scan.
 * It refreshes itself before it expires, so a screenshot stops working (useRotatingCode).
 */
import { useCallback } from 'react'
import { View, Text } from '@tarojs/components'
import { callFunction } from '../../../services/cloud'
import { PageShell } from '../../../components/PageShell'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Btn } from '../../../components/controls'
import { useRotatingCode } from '../../../components/useRotatingCode'
import './index.css'
import { CodePanel } from '../../../components/CodePanel'

export default function MemberCodePage() {
  const fetchCode = useCallback(() => callFunction('member', 'code', {}), [])
  const { code, secondsLeft, expired, error, refresh } = useRotatingCode(fetchCode)

  return (
    <PageShell title='我的会员码' subtitle='My member code'>
      <ErrorBanner error={error} />
      <CodePanel ids={{ qr: 'member-code-qr', countdown: 'code-countdown', text: 'member-code-text' }} name={{ zh: '会员码', en: 'Member code' }} code={code} secondsLeft={secondsLeft} expired={expired} error={error} />
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
