/**
 * A day picker bounded by `start` and `end` (YYYY-MM-DD): WeChat's own date picker on weapp
 * (`Picker mode='date'`), the browser's date input on H5 (a real control tests can fill).
 */
import { Picker, View } from '@tarojs/components'
import { useT } from '../i18n'
import { dayText } from '../domain/appointments/when'

const isH5 = process.env.TARO_ENV === 'h5'

export function DateField({ id, value, start, end, onChange }: { id: string; value: string; start: string; end: string; onChange: (date: string) => void }) {
  const t = useT()
  if (isH5) {
    return <input id={id} type='date' className='field' value={value} min={start} max={end} onChange={(e) => onChange(e.target.value)} />
  }
  return (
    <Picker id={`${id}-picker`} mode='date' value={value || start} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className='field date-field'>{value ? t(dayText(value)) : t({ zh: '请选择日期', en: 'Choose a day' })}</View>
    </Picker>
  )
}
