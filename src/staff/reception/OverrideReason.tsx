/**
 * Spending stored value needs the payer (issue 10, item 7; R5, M4): bonus and the family owner's
 * balance are spent only on a bill whose payer showed their own member code in this visit (the
 * scan's payer ticket rides on the preview and the confirmation), or with a staff override whose
 * reason the weekly audit lists.
 */
import { Text, View } from '@tarojs/components'
import type { BillRequest } from '../../api/contract'
import type { BannerMessage } from '../../components/ErrorBanner'
import { TextField } from '../../components/controls'
import { OVERRIDE_REASON_MIN as MIN_REASON } from '../../domain/bill/payer-proof'
import { useT } from '../../i18n'

type PayerProof = Pick<BillRequest, 'payerTicket' | 'storedValueOverride'>

/**
 * What proves the payer on this bill: the ticket whenever their member code was scanned; else,
 * only when bonus or the owner's balance is spent, the reason staff typed.
 */
export function payerProof(spendsStoredValue: boolean, payerTicket: string | undefined, reason: string): { ok: true; fields: PayerProof } | { ok: false; message: BannerMessage } {
  if (payerTicket) return { ok: true, fields: { payerTicket } }
  if (!spendsStoredValue) return { ok: true, fields: {} }
  const r = reason.trim()
  if ([...r].length < MIN_REASON) { // counted as the server counts: characters, not UTF-16 units
    return { ok: false, message: { zh: `未扫描本人会员码：使用奖励金或家庭余额请填写原因（至少 ${MIN_REASON} 个字）`, en: `No member code scanned: give a reason (at least ${MIN_REASON} characters) to spend bonus or family balance`, code: 'PAYER_NOT_PRESENT' } }
  }
  return { ok: true, fields: { storedValueOverride: r } }
}

/** Shown while stored value is to be spent and the payer's member code was not scanned. */
export function OverrideReason({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT()
  return (
    <View id='override-box' className='notice notice--warn override'>
      <Text className='para small'>{t({ zh: '未扫描患者本人的会员码。请扫描会员码；如确需使用奖励金或家庭余额，请填写原因（将列入每周审核）。', en: 'The patient\'s own member code was not scanned. Scan it; or, to spend bonus or family balance anyway, give a reason (it goes on the weekly review).' })}</Text>
      <Text className='field-label'>{t({ zh: '原因', en: 'Reason' })}</Text>
      <TextField id='override-reason' value={value} onChange={onChange} placeholder={t({ zh: `至少 ${MIN_REASON} 个字，如：患者忘带手机，已核对身份证`, en: `At least ${MIN_REASON} characters, e.g. forgot the phone, ID card checked` })} />
    </View>
  )
}
