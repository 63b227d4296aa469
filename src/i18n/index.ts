/**
 * Issue 12, language: people see one language. Chinese unless the person chose English (a setting
 * kept on the device); every text is a `Msg` with both, picked here — the server's error messages
 * already come as one. No rule ids, error codes or internal ids go in a Msg.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { LANG_KEY as KEY } from './storage-key'

export type Lang = 'zh' | 'en'
export interface Msg { zh: string; en: string }

const listeners = new Set<(l: Lang) => void>()
let current: Lang | undefined

function stored(): Lang {
  try {
    return Taro.getStorageSync(KEY) === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

export function lang(): Lang {
  return (current ??= stored())
}

export function setLang(l: Lang): void {
  current = l
  try {
    Taro.setStorageSync(KEY, l)
  } catch {
    // A device that keeps nothing still shows the chosen language until the app closes.
  }
  listeners.forEach((f) => f(l))
}

/** The text in this language. */
export const pick = (m: Msg, l: Lang): string => m[l]

/** The person's language, re-rendering when they change it. */
export function useLang(): Lang {
  const [l, setL] = useState(lang)
  useEffect(() => {
    listeners.add(setL)
    return () => { listeners.delete(setL) }
  }, [])
  return l
}

/** `t({ zh, en })` in the person's language. */
export function useT(): (m: Msg) => string {
  const l = useLang()
  return (m) => m[l]
}

/** Texts more than one page shows. */
export const COMMON = {
  loading: { zh: '加载中…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
} satisfies Record<string, Msg>
