import { useEffect, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PersonaSwitcher } from './PersonaSwitcher'
import { PrivacyNotice } from './PrivacyNotice'
import { Skeleton } from './Skeleton'
import { setLang, useLang } from '../i18n'

/** While a page's data is on its way: a skeleton of cards and lines (issue 12), 加载中 for screen readers. */
export function Loading(props: { cards?: number; lines?: number }) {
  return <Skeleton {...props} />
}

/**
 * Common page frame: the local persona switcher on top, then a titled content column; the privacy
 * notice at first use (C2). `title` is Chinese, `subtitle` its English: one of them is shown, in the
 * person's language (issue 12).
 */
export function PageShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const lang = useLang()
  const shown = lang === 'en' && subtitle ? subtitle : title
  // The navigation bar speaks the same language as the page.
  useEffect(() => {
    try {
      void Taro.setNavigationBarTitle({ title: shown }).catch(() => undefined)
    } catch {
      // A host without a navigation bar (a test harness) keeps the page's own title.
    }
  }, [shown])
  return (
    <View className='page'>
      <PersonaSwitcher />
      <View className='page__head'>
        <Text className='page__title'>{shown}</Text>
      </View>
      <View className='page__body'>{children}</View>
      <LanguageSwitch />
      <PrivacyNotice />
    </View>
  )
}

/** The language setting: each language named in itself, as WeChat's own list does. */
function LanguageSwitch() {
  const lang = useLang()
  return (
    <View className='page__lang'>
      <Text id='lang-switch' className='page__lang-link' onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {lang === 'zh' ? 'English' : '中文'}
      </Text>
    </View>
  )
}
