/** Issue 12: a WeChat-style grid of entries (icon tile over a short label), four to a row. */
import { View, Text } from '@tarojs/components'
import { useT, type Msg } from '../../i18n'
import { openPage } from '../../services/tabs'
import './EntryGrid.css'

export interface Entry {
  /** The element id tests and people's taps find it by. */
  id: string
  label: Msg
  /** One character drawn in the tile (the grid has no image icons: nothing more to download). */
  glyph: Msg
  /** The page it opens; tab pages open with switchTab (openPage). */
  url: string
}

export function EntryGrid({ entries, id }: { entries: readonly Entry[]; id?: string }) {
  const t = useT()
  return (
    <View id={id} className='grid card'>
      {entries.map((e) => (
        <View key={e.id} id={e.id} className='grid__cell' hoverClass='grid__cell--active' onClick={() => void openPage(e.url)}>
          <Text className='grid__icon'>{t(e.glyph)}</Text>
          <Text className='grid__label'>{t(e.label)}</Text>
        </View>
      ))}
    </View>
  )
}
