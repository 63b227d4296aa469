/**
 * Small pieces shared by the referral pages (R1–R4, C1): the rule lines as the server words them,
 * the H5 share link, a device hint for the coupon claim (R6 duplicate checks) and the labels.
 * Kept here, beside the pages that use them, not in services/format.ts.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CouponView, Line } from '../../api/contract'
import { Btn } from '../../components/controls'
import './shared.css'

const isH5 = process.env.TARO_ENV === 'h5'

/** C1: rule lines, Chinese with English below, exactly as the server sends them. */
export function LinesList({ id, lines }: { id?: string; lines: Line[] }) {
  return (
    <View id={id} className='rules'>
      {lines.map((l, i) => (
        <View key={i} className='rules__item'>
          <Text className='rules__zh'>{i + 1}. {l.zh}</Text>
          <Text className='rules__en'>{l.en}</Text>
        </View>
      ))}
    </View>
  )
}

/** The link a friend opens on H5: the app's own origin with the page path in the hash route. */
export function h5Link(path: string): string {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''
  return `${origin}/#${path.startsWith('/') ? path : `/${path}`}`
}

/** FNV-1a, 32 bit, as hex: a short, stable fingerprint (never the raw user agent). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/**
 * R6: a hint of the device the coupon is taken on, so the director's audit can flag many
 * referrals from one phone. weapp: the phone model; H5: a hash of the browser's user agent.
 * Never required: '' (not sent) when nothing can be read.
 */
export function deviceHint(): string {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const info = Taro.getSystemInfoSync()
      return `${info.brand ?? ''} ${info.model ?? ''}`.trim().slice(0, 80)
    }
    const ua = typeof navigator !== 'undefined' ? navigator.userAgent : ''
    return ua ? `h5-${fnv1a(ua)}` : ''
  } catch {
    return ''
  }
}

export const COUPON_STATUS_LABEL: Record<CouponView['status'], { zh: string; en: string }> = {
  active: { zh: '可使用', en: 'Ready to use' },
  used: { zh: '已使用', en: 'Used' },
  expired: { zh: '已过期', en: 'Expired' },
}

/**
 * A text to copy: H5 a read-only textarea with a copy button, weapp selectable text with a
 * copy button (Taro.setClipboardData). The member's own tap copies; nothing is sent for them.
 */
export function CopyBox({ id, text, label, rows = 3, className = '' }: { id: string; text: string; label: string; rows?: number; className?: string }) {
  const box = useRef<HTMLTextAreaElement | null>(null)
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)

  async function copy() {
    if (!isH5) {
      try {
        await Taro.setClipboardData({ data: text })
        setCopied('yes')
      } catch {
        setCopied('no')
      }
      return
    }
    try {
      await navigator.clipboard.writeText(text)
      setCopied('yes')
      return
    } catch {
      // No clipboard permission: select the text and try the older command.
    }
    const el = box.current
    if (el) {
      el.focus()
      el.select()
    }
    try {
      setCopied(document.execCommand('copy') ? 'yes' : 'no')
    } catch {
      setCopied('no')
    }
  }

  return (
    <View className={`copy-box ${className}`.trim()}>
      <Text className='field-label'>{label}</Text>
      {isH5 ? (
        <textarea
          id={id}
          ref={box}
          className='field copy-box__text'
          readOnly
          value={text}
          rows={rows}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : (
        <Text id={id} className='field copy-box__text' selectable userSelect>{text}</Text>
      )}
      <Btn id={`${id}-copy`} variant='secondary' onClick={() => void copy()}>复制 Copy</Btn>
      {copied === 'yes' ? <Text id={`${id}-copied`} className='muted small'>已复制 Copied</Text> : null}
      {copied === 'no' ? <Text id={`${id}-copied`} className='muted small'>请长按上方文字手动复制 Select the text above and copy it</Text> : null}
    </View>
  )
}
