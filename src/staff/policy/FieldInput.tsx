/**
 * Issue 14: one policy setting's input, by its kind (domain/policy-fields.ts): amounts in the
 * chain's currency, percentages, whole numbers, reminder day lists, category chips, switches, the
 * currency and the holiday list. The notes for it show right under it.
 */
import { Text, Textarea, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_LABEL, CURRENCIES, type Currency } from '../../domain/policy'
import type { PolicyField } from '../../domain/policy-fields'
import { CURRENCY_LABEL, CURRENCY_UNIT } from '../../domain/policy-money'
import { REWARD_PLACEHOLDER_LABEL, type RewardPlaceholder } from '../../domain/notify/reward-text'
import type { PolicyProblem } from '../../domain/policy-validate'
import { Btn, CheckField, TextField } from '../../components/controls'
import { useT } from '../../i18n'
import type { DraftValue, HolidayDraft } from './draft'

/** An element id from a setting's place ('friendCard.faceValueFen' → 'pf-friendCard-faceValueFen'); never shown. */
export const fieldId = (path: string) => `pf-${path.replace(/\./g, '-')}`

interface Props { field: PolicyField; value: DraftValue; currency: Currency; problems: PolicyProblem[]; onChange: (v: DraftValue) => void }

export function FieldInput({ field, value, currency, problems, onChange }: Props) {
  const t = useT()
  const id = fieldId(field.path)
  const unit = field.kind === 'money' ? t(CURRENCY_UNIT[currency]) : field.kind === 'bp' ? '%' : field.kind === 'int' || field.kind === 'dayList' ? t(field.unit) : ''
  return (
    <View className='policy-field' data-path={field.path} data-problem={problems.length ? 'yes' : 'no'}>
      {field.kind === 'bool' ? null : <Text className='field-label'>{t(field.label)}{unit ? `（${unit}）` : ''}</Text>}
      <Control id={id} field={field} value={value} onChange={onChange} />
      {problems.map((p, i) => <Text key={`${p.zh}-${i}`} id={i === 0 ? `${id}-problem` : undefined} className='policy-field__problem'>{t(p)}</Text>)}
    </View>
  )
}

function Control({ id, field, value, onChange }: { id: string; field: PolicyField; value: DraftValue; onChange: (v: DraftValue) => void }) {
  const t = useT()
  switch (field.kind) {
    case 'bool':
      return <CheckField id={id} checked={value === true} onChange={onChange}>{t(field.label)}</CheckField>
    case 'categories': {
      const on = value as string[]
      return (
        <View id={id} className='chips'>
          {CATEGORIES.map((c) => (
            <Btn key={c} id={`${id}-${c}`} variant='plain' className={`chip ${on.includes(c) ? 'chip--on' : ''}`}
              onClick={() => onChange(on.includes(c) ? on.filter((x) => x !== c) : [...on, c])}>
              {t(CATEGORY_LABEL[c])}
            </Btn>
          ))}
        </View>
      )
    }
    case 'currency':
      return (
        <View id={id} className='chips'>
          {CURRENCIES.map((c) => (
            <Btn key={c} id={`${id}-${c}`} variant='plain' className={`chip ${value === c ? 'chip--on' : ''}`} onClick={() => onChange(c)}>{t(CURRENCY_LABEL[c])}</Btn>
          ))}
        </View>
      )
    case 'holidays': return <HolidayRows id={id} rows={value as HolidayDraft[]} onChange={onChange} />
    case 'template': return <MessageText id={id} field={field} value={value as string} onChange={onChange} />
    default: {
      const numeric = field.kind === 'money' || field.kind === 'bp' || field.kind === 'int'
      const hint = field.kind === 'dayList' ? t({ zh: '如：30, 14, 3', en: 'e.g. 30, 14, 3' }) : field.kind === 'time' ? '21:00' : ''
      return <TextField id={id} value={value as string} onChange={onChange} kind={numeric ? 'decimal' : 'text'} placeholder={hint} />
    }
  }
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * A message the chain writes (R4): several lines, the placeholders it may use listed under it. The
 * text is sent as written, in the language it is written in, whatever the member's app shows.
 */
function MessageText({ id, field, value, onChange }: { id: string; field: Extract<PolicyField, { kind: 'template' }>; value: string; onChange: (v: string) => void }) {
  const t = useT()
  const hint = t({ zh: '留空则发送系统默认的中英文通知', en: 'Leave empty to send the app’s own message in Chinese or English' })
  return (
    <View className='policy-message'>
      {isH5
        ? <textarea id={id} className='field policy-message__text' value={value} maxLength={field.max} placeholder={hint} onChange={(e) => onChange(e.target.value)} />
        : <Textarea id={id} className='field policy-message__text' value={value} maxlength={field.max} placeholder={hint} autoHeight onInput={(e) => onChange(e.detail.value)} />}
      <Text className='muted policy-message__count'>{`${value.length} / ${field.max}`}</Text>
      <Text className='muted policy-message__help'>{t({ zh: '可用占位符（发送时替换为实际内容）：', en: 'Placeholders (replaced when the message is sent):' })}</Text>
      {field.placeholders.map((p) => (
        <Text key={p} className='policy-message__placeholder' data-placeholder={p}>{`{${p}} — ${t(REWARD_PLACEHOLDER_LABEL[p as RewardPlaceholder])}`}</Text>
      ))}
      <Text className='muted policy-message__help'>{t({ zh: '写好的文字按原样发送，不随会员的语言设置翻译。', en: 'The text is sent exactly as written, whatever language the member’s app is set to.' })}</Text>
    </View>
  )
}

function HolidayRows({ id, rows, onChange }: { id: string; rows: HolidayDraft[]; onChange: (v: HolidayDraft[]) => void }) {
  const t = useT()
  const put = (i: number, patch: Partial<HolidayDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))
  return (
    <View id={id} className='policy-holidays'>
      {rows.map((r, i) => (
        <View key={i} className='policy-holiday'>
          <TextField id={`${id}-${i}-date`} className='policy-holiday__date' value={r.date} onChange={(v) => put(i, { date: v })} placeholder={t({ zh: '月-日', en: 'MM-DD' })} />
          <TextField id={`${id}-${i}-zh`} value={r.zh} onChange={(v) => put(i, { zh: v })} placeholder={t({ zh: '中文名称', en: 'Chinese name' })} />
          <TextField id={`${id}-${i}-en`} value={r.en} onChange={(v) => put(i, { en: v })} placeholder={t({ zh: '英文名称', en: 'English name' })} />
          <Btn variant='plain' id={`${id}-${i}-remove`} onClick={() => onChange(rows.filter((_, k) => k !== i))}>{t({ zh: '删除', en: 'Remove' })}</Btn>
        </View>
      ))}
      <Btn variant='secondary' id={`${id}-add`} onClick={() => onChange([...rows, { date: '', zh: '', en: '' }])}>{t({ zh: '+ 添加节日', en: '+ Add a holiday' })}</Btn>
    </View>
  )
}
