import { View, Text } from '@tarojs/components'
import type { CardRules } from '../api/contract'

/**
 * C1, F2–F5, C3: the full rules of the friend card, Chinese with English below, exactly as the
 * server words them (`rules.lines`). Shown before a member shares and before a friend claims.
 */
export function CardRulesList({ id, rules }: { id: string; rules: CardRules }) {
  return (
    <View id={id} className='rules'>
      {rules.lines.map((l, i) => (
        <View key={i} className='rules__item'>
          <Text className='rules__zh'>{i + 1}. {l.zh}</Text>
          <Text className='rules__en'>{l.en}</Text>
        </View>
      ))}
    </View>
  )
}
