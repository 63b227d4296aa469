/**
 * Add or change one price list item (director, admin): name, category (fixed per item: the desk
 * never picks one, M2/F4), price in yuan (→ integer fen), offered or retired. The server checks it
 * all again; its per-field reasons (PRICE_ITEM_INVALID) show under the field they concern.
 */
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PriceItemView } from '../../api/contract'
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../../domain/policy'
import type { FieldProblem, PriceField } from '../../domain/pricelist/item'
import { newRequestId, parseYuan } from '../../services/format'
import { savePriceItem } from '../../services/pricelist'
import { toApiError } from '../../services/cloud'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, CheckField, TextField } from '../../components/controls'
import { useT } from '../../i18n'
import { moneyUnit } from '../../services/chain'

export interface ItemFormProps {
  /** The item to change, or null for a new one. */
  item: PriceItemView | null
  onSaved: (item: PriceItemView) => void
  onCancel: () => void
}

const yuanText = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))

export function ItemForm({ item, onSaved, onCancel }: ItemFormProps) {
  const t = useT()
  const [name, setName] = useState(item?.name ?? '')
  const [category, setCategory] = useState<Category>(item?.category ?? 'treatment')
  const [price, setPrice] = useState(item ? yuanText(item.priceFen) : '')
  const [active, setActive] = useState(item?.active ?? true)
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [error, setError] = useState<BannerMessage | null>(null)
  const [busy, setBusy] = useState(false)
  // One id per version of the form's content: a double tap or a retry after a lost answer sends the same one.
  const requestId = useRef(newRequestId())
  const edit = <V,>(set: (v: V) => void) => (v: V) => { requestId.current = newRequestId(); set(v) }

  async function save() {
    if (busy) return
    setError(null)
    const parsed = parseYuan(price)
    if (!name.trim()) return setProblems([{ field: 'name', reason: { zh: '名称不能为空', en: 'The name is required' } }])
    if (!parsed.ok) return setProblems([{ field: 'priceFen', reason: parsed.message }])
    setProblems([])
    setBusy(true)
    try {
      const saved = await savePriceItem({
        requestId: requestId.current, name, category, priceFen: parsed.fen, active,
        ...(item ? { itemId: item.itemId, version: item.version } : {}),
      })
      onSaved(saved)
    } catch (e) {
      const err = toApiError(e)
      const list = (err.details?.problems as FieldProblem[] | undefined) ?? []
      if (err.code === 'PRICE_ITEM_INVALID' && list.length) setProblems(list)
      else setError(err)
    } finally {
      setBusy(false)
    }
  }

  const problemOf = (f: PriceField) => problems.filter((p) => p.field === f).map((p) => (
    <Text key={p.reason.zh} id={`price-problem-${f}`} className='price-form__problem'>{t(p.reason)}</Text>
  ))
  return (
    <View id='price-form' className='card'>
      <Text className='card__title'>{item ? t({ zh: '修改收费项目', en: 'Change the item' }) : t({ zh: '新增收费项目', en: 'New item' })}</Text>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='field-label'>{t({ zh: '名称', en: 'Name' })}</Text>
      <TextField id='price-name' value={name} onChange={edit(setName)} placeholder={t({ zh: '如：窝沟封闭', en: 'e.g. fissure sealant' })} />
      {problemOf('name')}
      <Text className='field-label'>{t({ zh: '类别（决定会员折扣和亲友卡能否使用）', en: 'Category (decides the member discount and whether a friend card may pay)' })}</Text>
      <View id='price-category' className='chips'>
        {CATEGORIES.map((c) => (
          <Btn key={c} id={`price-category-${c}`} variant='plain' className={`chip ${category === c ? 'chip--on' : ''}`} onClick={() => edit(setCategory)(c)}>
            {t(CATEGORY_LABEL[c])}
          </Btn>
        ))}
      </View>
      {problemOf('category')}
      <Text className='field-label'>{t({ zh: `价格（${moneyUnit().zh}）`, en: `Price (${moneyUnit().en})` })}</Text>
      <TextField id='price-amount' kind='decimal' value={price} onChange={edit(setPrice)} placeholder='0.00' onConfirm={() => void save()} />
      {problemOf('priceFen')}
      <CheckField id='price-active' checked={active} onChange={edit(setActive)}>{t({ zh: '在价目表中提供（取消即停用，历史账单不受影响）', en: 'Offered at the desk (untick to retire it; past bills keep it)' })}</CheckField>
      <View className='row'>
        <Btn id='price-save' disabled={busy} onClick={() => void save()}>{busy ? t({ zh: '保存中…', en: 'Saving…' }) : t({ zh: '保存', en: 'Save' })}</Btn>
        <Btn id='price-cancel' variant='secondary' onClick={onCancel}>{t({ zh: '取消', en: 'Cancel' })}</Btn>
      </View>
    </View>
  )
}
