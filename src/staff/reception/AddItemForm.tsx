/** S2: add an item to the bill (name, category, amount), or the annual membership (M1). */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { BillItem } from '../../domain/bill/engine'
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../../domain/policy'
import { parseYuan } from '../../services/format'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useT } from '../../i18n'

export interface AddItemFormProps {
  /** Offer the annual membership (not to a lifetime member). */
  showAnnual: boolean
  onAdd: (item: BillItem) => void
  onAddAnnual: () => void
  setError: (e: BannerMessage | null) => void
}

export function AddItemForm({ showAnnual, onAdd, onAddAnnual, setError }: AddItemFormProps) {
  const t = useT()
  const [name, setName] = useState('')
  const [category, setCategory] = useState<Category>('treatment')
  const [amount, setAmount] = useState('')

  function addItem() {
    const itemName = name.trim()
    if (!itemName) {
      setError({ zh: '请输入项目名称', en: 'Enter the item name', code: 'VALIDATION' })
      return
    }
    const parsed = parseYuan(amount)
    if (!parsed.ok) {
      setError({ ...parsed.message, code: 'VALIDATION' })
      return
    }
    setName('')
    setAmount('')
    onAdd({ name: itemName, category, amountFen: parsed.fen })
  }

  return (
    <>
      <Text className='field-label'>{t({ zh: '项目名称', en: 'Item' })}</Text>
      <TextField id='item-name' value={name} onChange={setName} placeholder={t({ zh: '如：根管治疗', en: 'e.g. root canal' })} />
      <Text className='field-label'>{t({ zh: '类别', en: 'Category' })}</Text>
      <View id='item-category' className='chips'>
        {CATEGORIES.map((c) => (
          <Btn
            key={c}
            id={`item-category-${c}`}
            variant='plain'
            className={`chip ${category === c ? 'chip--on' : ''}`}
            onClick={() => setCategory(c)}
          >
            {t(CATEGORY_LABEL[c])}
          </Btn>
        ))}
      </View>
      <Text className='field-label'>{t({ zh: '金额（元）', en: 'Amount (yuan)' })}</Text>
      <View className='row'>
        <TextField id='item-amount' className='grow' kind='decimal' value={amount} onChange={setAmount} placeholder='0.00' onConfirm={addItem} />
        <Btn id='item-add' variant='secondary' onClick={addItem}>{t({ zh: '添加', en: 'Add' })}</Btn>
      </View>
      {showAnnual ? (
        <Btn id='add-annual' variant='plain' onClick={onAddAnnual}>{t({ zh: '+ 年度会员 ¥899', en: '+ Annual membership ¥899' })}</Btn>
      ) : null}
    </>
  )
}
