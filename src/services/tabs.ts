/**
 * Issue 12: the tabBar's pages (src/app.config.ts `tabBar.list`, kept equal by tabs.test.ts) and
 * how any page opens a page: WeChat opens a tab page only with switchTab (navigateTo to one fails),
 * and switchTab carries no query.
 */
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { lang, useLang, type Lang, type Msg } from '../i18n'

export const TAB_PAGES = ['pages/index/index', 'pages/member/code/index', 'pages/me/index'] as const

/** The tab labels in the person's language (app.config.ts holds the Chinese, WeChat's default). */
export const TAB_TEXT: readonly Msg[] = [
  { zh: '首页', en: 'Home' },
  { zh: '会员码', en: 'Member code' },
  { zh: '我的', en: 'Me' },
]

const pathOf = (url: string): string => url.replace(/^\/+/, '').split('?')[0]

export const isTabPage = (url: string): boolean => (TAB_PAGES as readonly string[]).includes(pathOf(url))

/** Opens `url` (e.g. '/pages/family/index'): switchTab for a tab page, navigateTo for any other. */
export function openPage(url: string): Promise<unknown> {
  return isTabPage(url) ? Taro.switchTab({ url: `/${pathOf(url)}` }) : Taro.navigateTo({ url })
}

/** Sets the tab labels in this language (a host without a tabBar, or a weapp non-tab page, refuses: fine). */
function relabelTabBar(l: Lang): void {
  TAB_TEXT.forEach((text, index) => {
    try {
      void Taro.setTabBarItem({ index, text: text[l] }).catch(() => undefined)
    } catch {
      // A test harness without a tabBar has nothing to relabel.
    }
  })
}

/**
 * A tab page's labels follow the language setting: when it changes and whenever a tab page shows
 * (weapp relabels only from a tab page, so a change made elsewhere is caught up here).
 */
export function useTabBarLanguage(): void {
  const l = useLang()
  useEffect(() => relabelTabBar(l), [l])
  useDidShow(() => relabelTabBar(lang()))
}

/**
 * The app's part (src/app.ts): on H5 the tabBar is one element for every page, so a change made on
 * any page relabels it at once. The config's labels are Chinese: nothing to do at launch in Chinese.
 */
export function useAppTabBarLanguage(): void {
  const l = useLang()
  const first = useRef(true)
  useEffect(() => {
    const launch = first.current
    first.current = false
    if (launch && l === 'zh') return
    // At launch the tabBar may not listen yet: let it mount first.
    const timer = setTimeout(() => relabelTabBar(l), launch ? 300 : 0)
    return () => clearTimeout(timer)
  }, [l])
}

/** A tab page stays alive between visits: reload when it is shown again (not on its first show). */
export function useReloadOnShow(reload: () => void): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
}
