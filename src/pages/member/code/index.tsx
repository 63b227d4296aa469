/**
 * Member code (S1): a short-lived signed token shown as a QR code for reception to scan, with its
 * 18-digit short code as grouped digits and a barcode (typed or read by a scanner gun at the desk).
 * It refreshes itself before it expires, so a screenshot stops working (useRotatingCode).
 */
import { useCallback } from 'react'
import { View, Text } from '@tarojs/components'
import { callFunction } from '../../../services/cloud'
import { PageShell } from '../../../components/PageShell'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Btn } from '../../../components/controls'
import { useRotatingCode } from '../../../components/useRotatingCode'
import { useBrightScreen } from '../../../components/useBrightScreen'
import { useT } from '../../../i18n'
import './index.css'
import { CodePanel } from '../../../components/CodePanel'

export default function MemberCodePage() {
  const t = useT()
  const fetchCode = useCallback(() => callFunction('member', 'code', {}), [])
  const { code, secondsLeft, expired, error, refresh } = useRotatingCode(fetchCode)
  useBrightScreen() // S1: full brightness while the code is shown, the person's own after

  return (
    <PageShell title='我的会员码' subtitle='My member code'>
      <ErrorBanner error={error} />
      <CodePanel ids={{ qr: 'member-code-qr', countdown: 'code-countdown', digits: 'member-code-digits', barcode: 'member-code-barcode' }} name={{ zh: '会员码', en: 'Member code' }} code={code} secondsLeft={secondsLeft} expired={expired} error={error} />
      <View className='card'>
        <Text className='para'>{t({ zh: '请在前台出示此码，工作人员扫码后即可识别您的会员身份与折扣。', en: 'Show this code at reception: once staff scan it, they see your membership and discount.' })}</Text>
        <Text className='para'>{t({ zh: '此码会定时自动刷新，截图无效。', en: 'It refreshes itself every minute, so a screenshot does not work.' })}</Text>
      </View>
      <Btn variant='secondary' onClick={() => void refresh()}>{t({ zh: '立即刷新', en: 'Refresh now' })}</Btn>
    </PageShell>
  )
}
