import { View, Text } from '@tarojs/components'
import type { CardRules, Line } from '../api/contract'
import { useT } from '../i18n'

/**
 * C1: rule lines exactly as the server words them, numbered, in the person's language (issue 12).
 * The one list for the friend card's rules and the referral programme's.
 */
export function RuleLines({ id, lines }: { id?: string; lines: Line[] }) {
  const t = useT()
  return (
    <View id={id} className='rules'>
      {lines.map((l, i) => (
        <View key={i} className='rules__item'>
          <Text className='rules__zh'>{i + 1}. {t(l)}</Text>
        </View>
      ))}
    </View>
  )
}

/** C1, F2–F5, C3: the full rules of the friend card. Shown before a member shares and before a friend claims. */
export function CardRulesList({ id, rules }: { id: string; rules: CardRules }) {
  return <RuleLines id={id} lines={rules.lines} />
}
