/**
 * S2: the lines of the bill, each with what applies to it and why once previewed. A price list line
 * has a quantity stepper; its category is the catalogue's and shows as text only (issue 13; M2, F4).
 */
import { View, Text } from '@tarojs/components'
import type { BillResult } from '../../domain/bill/engine'
import { CATEGORY_LABEL } from '../../domain/policy'
import { money } from '../../services/chain'
import { ADJ_LABEL } from './desk'
import { lineAmount, type DeskLine } from './deskLines'
import { useT } from '../../i18n'

export interface BillLinesProps {
  items: DeskLine[]
  lines: BillResult['lines'] | undefined
  onQuantity: (index: number, quantity: number) => void
  onRemove: (index: number) => void
}

export function BillLines({ items, lines, onQuantity, onRemove }: BillLinesProps) {
  const t = useT()
  return (
    <View id='bill-lines' className='bill-lines'>
      {items.length === 0 ? <Text className='muted'>{t({ zh: '尚未添加项目', en: 'No items yet' })}</Text> : null}
      {items.map((it, i) => {
        const line = lines?.[i]
        return (
          <View key={`${i}-${it.name}`} className='bill-line' data-category={it.category}>
            <View className='row row--between'>
              <View className='bill-line__main'>
                <Text className='bill-line__name'>{it.name}</Text>
                <Text className='bill-line__cat'>{t(CATEGORY_LABEL[it.category])}</Text>
              </View>
              {it.kind === 'item' ? (
                <View className='stepper row'>
                  <Text className='stepper__btn stepper__minus' onClick={() => onQuantity(i, it.quantity - 1)}>−</Text>
                  <Text className='stepper__qty'>{it.quantity}</Text>
                  <Text className='stepper__btn stepper__plus' onClick={() => onQuantity(i, it.quantity + 1)}>+</Text>
                </View>
              ) : null}
              {/* Once previewed, the server's price (the catalogue's now), not the one the desk loaded. */}
              <Text className='bill-line__amount'>{money(line?.amountFen ?? lineAmount(it))}</Text>
              <Text className='bill-line__remove' onClick={() => onRemove(i)}>{t({ zh: '删除', en: 'Remove' })}</Text>
            </View>
            {line ? (
              <View className='bill-line__adj'>
                {line.adjustments.map((a, k) => (
                  <View key={`a${k}`} className='row row--between adj'>
                    <Text>{t(ADJ_LABEL[a.kind])} · {t(a.reason)}</Text>
                    <Text className='neg'>-{money(a.amountFen)}</Text>
                  </View>
                ))}
                {line.skipped.map((s, k) => (
                  <View key={`s${k}`} className='adj adj--skip'>
                    <Text>{t({ zh: `未享${ADJ_LABEL[s.kind].zh}：`, en: `No ${ADJ_LABEL[s.kind].en.toLowerCase()}: ` })}{t(s.reason)}</Text>
                  </View>
                ))}
                <View className='row row--between adj adj--due'>
                  <Text>{t({ zh: '本项应付', en: 'Line due' })}</Text>
                  <Text>{money(line.dueFen)}</Text>
                </View>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
