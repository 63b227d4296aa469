/**
 * The price list (收费项目, issue 13 item 1; staff subpackage, director and admin): the chain's
 * catalogue that reception bills from. Search by name or pinyin initials, add and change items
 * (category fixed per item, so the desk never tags one: M2, F4), retire an item (past bills keep
 * it), and — for the admin — import the list from a CSV or XLSX file.
 */
import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PriceItemView } from '../../api/contract'
import { money } from '../../services/chain'
import { CATEGORY_LABEL } from '../../domain/policy'
import { can } from '../../domain/permissions'
import { filterPriceItems, priceList } from '../../services/pricelist'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/PageShell'
import { Btn, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { StaffPage, type StaffPersona } from '../../components/StaffPage'
import { ItemForm } from './ItemForm'
import { ImportPanel } from './ImportPanel'
import './index.css'
import { useT } from '../../i18n'

export default function PriceListPage() {
  const t = useT()
  return (
    <StaffPage title='收费项目' subtitle='Price list'>
      {(staff) => (can(staff, 'records', 'savePriceItem')
        ? <PriceDesk key={staff.staffId} staff={staff} />
        : <View id='price-forbidden' className='card'><Text className='muted'>{t({ zh: '仅院长和管理员可以管理收费项目。', en: 'Only the director and administrators manage the price list.' })}</Text></View>)}
    </StaffPage>
  )
}

/** null: the list; 'new': the form for a new item; an item: the form to change it. */
type Editing = null | 'new' | PriceItemView

function PriceDesk({ staff }: { staff: StaffPersona }) {
  const t = useT()
  const [items, reload] = useLoad(() => priceList(true))
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<Editing>(null)
  const shown = useMemo(() => filterPriceItems(items.state === 'ready' ? items.data : [], query), [items, query])

  if (editing) {
    return (
      <ItemForm
        key={editing === 'new' ? 'new' : `${editing.itemId}:${editing.version}`}
        item={editing === 'new' ? null : editing}
        onSaved={() => { setEditing(null); reload() }}
        onCancel={() => setEditing(null)}
      />
    )
  }
  return (
    <View className='stack'>
      <View className='card'>
        <TextField id='price-search' value={query} onChange={setQuery} placeholder={t({ zh: '搜索名称或拼音首字母，如 jy', en: 'Search by name or pinyin initials, e.g. jy' })} />
        <Btn id='price-add' onClick={() => setEditing('new')}>{t({ zh: '+ 新增项目', en: '+ New item' })}</Btn>
      </View>
      {items.state === 'loading' ? <Loading /> : null}
      {items.state === 'error' ? <ErrorBanner error={items.error} /> : null}
      {items.state === 'ready' ? (
        <View id='price-list' className='card'>
          {shown.length === 0
            ? <Text id='price-empty' className='muted'>{query ? t({ zh: '没有匹配的项目', en: 'No matching item' }) : t({ zh: '价目表还是空的', en: 'The price list is empty' })}</Text>
            : shown.map((i) => <PriceRow key={i.itemId} item={i} onEdit={() => setEditing(i)} />)}
        </View>
      ) : null}
      {can(staff, 'records', 'importPriceItems') ? <ImportPanel onImported={reload} /> : null}
    </View>
  )
}

function PriceRow({ item, onEdit }: { item: PriceItemView; onEdit: () => void }) {
  const t = useT()
  return (
    <View className={`price-row ${item.active ? '' : 'price-row--off'}`} data-item={item.itemId} data-category={item.category} data-active={item.active ? 'yes' : 'no'}>
      <View className='price-row__main'>
        <Text className='price-row__name'>{item.name}</Text>
        <Text className='price-row__meta'>{t(CATEGORY_LABEL[item.category])}{item.active ? '' : t({ zh: ' · 已停用', en: ' · retired' })}</Text>
      </View>
      <Text className='price-row__price'>{money(item.priceFen)}</Text>
      <Btn variant='plain' className='price-row__edit' onClick={onEdit}>{t({ zh: '修改', en: 'Edit' })}</Btn>
    </View>
  )
}
