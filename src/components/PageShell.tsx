import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { PersonaSwitcher } from './PersonaSwitcher'
import { PrivacyNotice } from './PrivacyNotice'

/** Common page frame: the local persona switcher on top, then a titled content column; the privacy notice at first use (C2). */
export function PageShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <View className='page'>
      <PersonaSwitcher />
      <View className='page__head'>
        <Text className='page__title'>{title}</Text>
        {subtitle ? <Text className='page__subtitle'>{subtitle}</Text> : null}
      </View>
      <View className='page__body'>{children}</View>
      <PrivacyNotice />
    </View>
  )
}
