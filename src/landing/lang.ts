/**
 * The person's language on the light entry (issue 12): the same device setting the app keeps
 * (`Taro.setStorageSync`, which on H5 stores `{"data":"en"}` in localStorage), read and written
 * without Taro, so choosing English here or in the app is the same choice.
 */
import type { Lang, Msg } from '../i18n'
import { LANG_KEY } from '../i18n/storage-key'

export function readLang(stored: string | null): Lang {
  try {
    return (JSON.parse(stored ?? '') as { data?: unknown })?.data === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

let current: Lang | undefined

export function lang(): Lang {
  if (current === undefined) {
    try { current = readLang(localStorage.getItem(LANG_KEY)) } catch { current = 'zh' }
  }
  return current
}

export function setLang(l: Lang): void {
  current = l
  try { localStorage.setItem(LANG_KEY, JSON.stringify({ data: l })) } catch { /* shown until the page closes */ }
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN'
}

export const tr = (m: Msg): string => m[lang()]
