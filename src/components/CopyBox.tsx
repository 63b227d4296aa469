import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Btn } from './controls'
import { useT } from '../i18n'
import './CopyBox.css'

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * A text to copy: H5 a read-only textarea with a copy button, weapp selectable text with a
 * copy button (Taro.setClipboardData). The member's own tap copies; nothing is sent for them.
 * `label` comes from the caller, already in the person's language.
 */
export function CopyBox({ id, text, label, rows = 3, className = '' }: { id: string; text: string; label: string; rows?: number; className?: string }) {
  const t = useT()
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
      <Btn id={`${id}-copy`} variant='secondary' onClick={() => void copy()}>{t({ zh: '复制', en: 'Copy' })}</Btn>
      {copied === 'yes' ? <Text id={`${id}-copied`} className='muted small'>{t({ zh: '已复制', en: 'Copied' })}</Text> : null}
      {copied === 'no' ? <Text id={`${id}-copied`} className='muted small'>{t({ zh: '请长按上方文字手动复制', en: 'Select the text above and copy it' })}</Text> : null}
    </View>
  )
}
