import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { code128Bars } from '../domain/codes/code128'
import './Barcode.css'

/**
 * A Code 128 barcode (the desk's scanner gun reads it) drawn as plain Views: one absolutely
 * placed black View per bar, offsets and widths in percent of the whole symbol, quiet zones
 * included. Views render the same on weapp and H5, need no canvas, and scale with the card.
 */
export function Barcode({ id, value }: { id: string; value: string }) {
  const { bars, totalModules } = useMemo(() => code128Bars(value), [value])
  const pct = (modules: number) => `${((modules / totalModules) * 100).toFixed(4)}%`
  return (
    <View id={id} className='barcode' data-value={value} data-bars={bars.length}>
      {bars.map((b) => (
        <View key={b.x} className='barcode__bar' style={{ left: pct(b.x), width: pct(b.w) }} />
      ))}
    </View>
  )
}
