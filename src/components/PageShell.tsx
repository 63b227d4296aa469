import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { PersonaSwitcher } from './PersonaSwitcher'

/** Common page frame: the local persona switcher on top, then a titled content column. */
export function PageShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <View className='page'>
      <PersonaSwitcher />
      <View className='page__head'>
        <Text className='page__title'>{title}</Text>
        {subtitle ? <Text className='page__subtitle'>{subtitle}</Text> : null}
      </View>
      <View className='page__body'>{children}</View>
    </View>
  )
}
