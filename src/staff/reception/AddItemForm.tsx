/**
 * S2, issue 13 item 1: add to the bill from the price list. The receptionist searches by name or
 * pinyin initials ("jy" → 洁牙) and taps an item; its category shows but is the catalogue's (M2, F4).
 * The annual membership is the price list's membership item (M1). A director or admin may also type
 * a one-off line (其他项目); its category is chosen afresh each time, never carried over.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PriceItemView } from '../../api/pricelist'
import type { StaffRole } from '../../api/contract'
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../../domain/policy'
import { money, moneyUnit } from '../../services/chain'
import { FREE_TEXT_ROLES } from '../../domain/pricelist/resolve'
import { findPriceItems } from '../../services/pricelist'
import { parseYuan } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useT } from '../../i18n'
import { fromPriceItem, type DeskLine } from './deskLines'

/** Enough to see the likely item without scrolling at the desk. */
const SHOWN = 8

export interface AddItemFormProps {
  role: StaffRole
  /** Active price list items; null while loading. */
  catalogue: PriceItemView[] | null
  onReload: () => void
  /** Offer the annual membership (not to a lifetime member). */
  showAnnual: boolean
  onAdd: (line: DeskLine) => void
  setError: (e: BannerMessage | null) => void
}

export function AddItemForm({ role, catalogue, onReload, showAnnual, onAdd, setError }: AddItemFormProps) {
  const t = useT()
  const [query, setQuery] = useState('')
  const found = catalogue && query.trim() ? findPriceItems(catalogue, query, SHOWN) : []
  const annual = catalogue?.find((i) => i.category === 'membership_fee') ?? null

  const pickItem = (item: PriceItemView) => {
    setQuery('')
    onAdd(fromPriceItem(item))
  }

  return (
    <>
      <Text className='field-label'>{t({ zh: '收费项目', en: 'Price list item' })}</Text>
      <TextField
        id='item-search' value={query} onChange={setQuery}
        placeholder={t({ zh: '搜索名称或拼音首字母，如 jy', en: 'Search a name or pinyin initials, e.g. jy' })}
        onConfirm={() => { if (found.length > 0) pickItem(found[0]) }}
      />
      {catalogue === null ? (
        <View className='row'>
          <Text className='muted small'>{t({ zh: '价目表加载中…', en: 'Loading the price list…' })}</Text>
          <Btn id='pricelist-reload' variant='plain' onClick={onReload}>{t({ zh: '重新加载', en: 'Reload' })}</Btn>
        </View>
      ) : null}
      {catalogue && query.trim() && found.length === 0 ? (
        <Text id='item-search-none' className='muted small'>{t({ zh: '价目表中没有匹配的项目', en: 'No matching item in the price list' })}</Text>
      ) : null}
      {found.length > 0 ? (
        <View id='item-results' className='picks'>
          {found.map((item) => (
            <View key={item.itemId} className='pick row row--between' data-item-id={item.itemId} onClick={() => pickItem(item)}>
              <View className='pick__main'>
                <Text className='pick__name'>{item.name}</Text>
                <Text className='pick__cat'>{t(CATEGORY_LABEL[item.category])}</Text>
              </View>
              <Text className='pick__price'>{money(item.priceFen)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {showAnnual && annual ? (
        <Btn id='add-annual' variant='plain' onClick={() => onAdd(fromPriceItem(annual))}>
          {`+ ${annual.name} ${money(annual.priceFen)}`}
        </Btn>
      ) : null}
      {FREE_TEXT_ROLES.includes(role) ? <OtherItemForm onAdd={onAdd} setError={setError} /> : null}
    </>
  )
}

/** 其他项目 (director and admin only; the server refuses it from anyone else). */
function OtherItemForm({ onAdd, setError }: Pick<AddItemFormProps, 'onAdd' | 'setError'>) {
  const t = useT()
  const [name, setName] = useState('')
  const [category, setCategory] = useState<Category | null>(null)
  const [amount, setAmount] = useState('')

  function add() {
    const itemName = name.trim()
    if (!itemName) return setError({ zh: '请输入项目名称', en: 'Enter the item name', code: 'VALIDATION' })
    if (!category) return setError({ zh: '请选择类别', en: 'Choose a category', code: 'VALIDATION' })
    const parsed = parseYuan(amount)
    if (!parsed.ok) return setError({ ...parsed.message, code: 'VALIDATION' })
    // Everything starts afresh: the next one-off line gets its own category, not this one's.
    setName('')
    setAmount('')
    setCategory(null)
    onAdd({ kind: 'text', name: itemName, category, amountFen: parsed.fen })
  }

  return (
    <View id='other-item' className='other-item'>
      <Text className='field-label'>{t({ zh: '其他项目（不在价目表中）', en: 'Other item (not in the price list)' })}</Text>
      <TextField id='other-name' value={name} onChange={setName} placeholder={t({ zh: '项目名称', en: 'Item name' })} />
      <View id='other-category' className='chips'>
        {CATEGORIES.map((c) => (
          <Btn key={c} id={`other-category-${c}`} variant='plain' className={`chip ${category === c ? 'chip--on' : ''}`} onClick={() => setCategory(c)}>
            {t(CATEGORY_LABEL[c])}
          </Btn>
        ))}
      </View>
      <View className='row'>
        <TextField id='other-amount' className='grow' kind='decimal' value={amount} onChange={setAmount} placeholder={t({ zh: `金额（${moneyUnit().zh}）`, en: `Amount (${moneyUnit().en})` })} onConfirm={add} />
        <Btn id='other-add' variant='secondary' onClick={add}>{t({ zh: '添加', en: 'Add' })}</Btn>
      </View>
    </View>
  )
}
