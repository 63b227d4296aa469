/**
 * While a page's data is on its way (issue 12): the shape of what is coming, not the words
 * "Loading…". A screen reader still hears 加载中 (Loading) in the person's language, and the block
 * says it is busy (aria-busy), so tests and assistive tech know the page is not ready yet.
 */
import { Text, View } from '@tarojs/components'
import { COMMON, useT } from '../i18n'
import './Skeleton.css'

/** `cards`: how many card shapes to show; `lines`: lines under each card's title. */
export function Skeleton({ cards = 1, lines = 3 }: { cards?: number; lines?: number }) {
  const t = useT()
  return (
    <View className='skeleton' aria-busy='true' aria-live='polite' role='status' data-skeleton='1'>
      <Text className='sr-only'>{t(COMMON.loading)}</Text>
      {Array.from({ length: cards }, (_, c) => (
        <View key={c} className='skeleton__card' aria-hidden='true'>
          <View className='skeleton__block skeleton__block--title' />
          {Array.from({ length: lines }, (_, i) => (
            <View key={i} className={`skeleton__block ${i === lines - 1 ? 'skeleton__block--short skeleton__block--last' : 'skeleton__block--line'}`} />
          ))}
        </View>
      ))}
    </View>
  )
}
