/**
 * S1: a code page turns the screen up to full brightness and keeps it on while it is shown, as
 * WeChat Pay's payment code does, so the desk's scanner reads it at once; the person's own
 * brightness comes back when the page is hidden or closed. Only on the mini-program: H5 has no
 * such API (Taro's H5 stubs only warn), and a phone that refuses simply keeps its brightness.
 */
import { useEffect, useRef } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'

const SUPPORTED = process.env.TARO_ENV === 'weapp'

export function useBrightScreen(): void {
  /** The brightness to restore, or null while the screen is not raised by us. */
  const saved = useRef<number | null>(null)
  const raising = useRef<Promise<void> | null>(null)

  const raise = () => {
    if (!SUPPORTED || saved.current !== null || raising.current) return
    raising.current = (async () => {
      try {
        const { value } = await Taro.getScreenBrightness()
        saved.current = value
        await Taro.setScreenBrightness({ value: 1 })
        await Taro.setKeepScreenOn({ keepScreenOn: true })
      } catch {
        // Not allowed on this phone: the code still shows, only dimmer.
      } finally {
        raising.current = null
      }
    })()
  }

  const restore = async () => {
    if (!SUPPORTED) return
    await raising.current // a hide that comes while raising restores after it, never before
    const value = saved.current
    if (value === null) return
    saved.current = null
    try {
      await Taro.setScreenBrightness({ value })
      await Taro.setKeepScreenOn({ keepScreenOn: false })
    } catch {
      // Nothing more to do: WeChat gives the system brightness back when the mini-program closes.
    }
  }

  useDidShow(raise)
  useDidHide(() => void restore())
  useEffect(() => {
    raise()
    return () => void restore() // unload
  }, []) // once per page: show and hide above do the rest
}
