/**
 * Member code (S1): a short-lived signed token shown as a QR code for reception to scan.
 * It refreshes itself before it expires, so a screenshot stops working.
 *
 * The countdown runs on the phone's own clock from the moment the code arrived
 * (received + ttlSeconds), not from `expiresAt`: the server clock may differ from the phone's
 * (and in local mode it can be set by hand), and the ttl is what the server promises.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MemberCode } from '../../../api/contract'
import { callFunction, toApiError, type ApiError } from '../../../services/cloud'
import { onPersonaChange } from '../../../services/persona'
import { PageShell } from '../../../components/PageShell'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { QrCode } from '../../../components/QrCode'
import { Btn } from '../../../components/controls'
import './index.css'

/** Refresh this many seconds before the code lapses. */
const REFRESH_BEFORE_S = 10
/** After a failed refresh, try again after this long. */
const RETRY_AFTER_S = 5

interface Held { code: MemberCode; deadline: number }

export default function MemberCodePage() {
  const [held, setHeld] = useState<Held | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const inFlight = useRef(false)
  const retryAt = useRef(0)
  /** No refreshing while the page is in the background; a due refresh happens on return. */
  const visible = useRef(true)
  useDidShow(() => {
    visible.current = true
    setNow(Date.now())
  })
  useDidHide(() => {
    visible.current = false
  })

  const refresh = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    try {
      const code = await callFunction('member', 'code', {})
      const ttl = Math.max(1, code.ttlSeconds || Math.round((Date.parse(code.expiresAt) - Date.now()) / 1000))
      const arrived = Date.now()
      setHeld({ code, deadline: arrived + ttl * 1000 })
      setNow(arrived) // count down from the moment the code arrived, never above its lifetime
      setError(null)
    } catch (e) {
      setError(toApiError(e))
      retryAt.current = Date.now() + RETRY_AFTER_S * 1000
    } finally {
      inFlight.current = false
    }
  }, [])

  useEffect(() => {
    void refresh()
    const off = onPersonaChange(() => {
      setHeld(null)
      void refresh()
    })
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      off()
      clearInterval(timer)
    }
  }, [refresh])

  const secondsLeft = held ? Math.max(0, Math.ceil((held.deadline - now) / 1000)) : 0
  // Auto-refresh: ttl − 10 s after issue (or right away for very short ttls), and retry after errors.
  useEffect(() => {
    if (inFlight.current || !visible.current) return
    const refreshAt = held ? held.deadline - Math.min(REFRESH_BEFORE_S, (held.code.ttlSeconds || 0) / 2) * 1000 : 0
    if (held && now >= refreshAt && now >= retryAt.current) void refresh()
    if (!held && error && now >= retryAt.current) void refresh()
  }, [now, held, error, refresh])

  const expired = held !== null && secondsLeft === 0

  return (
    <PageShell title='我的会员码' subtitle='My member code'>
      <ErrorBanner error={error} />
      <View className='card code-card'>
        {held ? (
          <>
            <QrCode id='member-code-qr' text={held.code.token} className={expired ? 'qr--stale' : ''} />
            <Text id='code-countdown' className='code-countdown'>
              {expired ? '已过期，正在刷新… Expired, refreshing…' : `${secondsLeft} 秒后自动刷新 · refreshes in ${secondsLeft}s`}
            </Text>
            <Text className='muted small'>会员码 Member code（前台可输入 staff may type it）</Text>
            <Text id='member-code-text' className='code-text' selectable userSelect>{held.code.token}</Text>
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
