/**
 * S1: who is paying. Scan or type a member, friend card or coupon code — the QR, or the 18-digit
 * short code under it (typed with or without spaces, or read from its barcode by a scanner gun,
 * which types the digits and presses Enter) — or a record number; shows the payer found.
 *
 * H5 (issue 13 item 2): at a desk computer the scan box keeps the focus whenever no other field has
 * it, so a scanner gun's digits land there whatever staff clicked last, without a click first. On a
 * phone or tablet (a coarse pointer) it does not: taking the focus there pops the keyboard up over
 * the bill at every tap, so staff tap the box when they mean to type.
 */
import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import type { ScannedCoupon } from '../../api/contract'
import { money } from '../../services/chain'
import { TIER_LABEL } from '../../services/format'
import { Btn, TextField } from '../../components/controls'
import { useT } from '../../i18n'
import { BASIS_LABEL, type Payer } from './desk'

const isWeapp = process.env.TARO_ENV === 'weapp'

export interface ScanPanelProps {
  code: string
  setCode: (v: string) => void
  scanning: boolean
  onLookup: (raw: string) => void
  onCamera: () => void
  payer: Payer | null
  coupon: ScannedCoupon | null
}

export function ScanPanel({ code, setCode, scanning, onLookup, onCamera, payer, coupon }: ScanPanelProps) {
  const t = useT()
  const patient = payer?.scanned ?? null
  useEffect(() => {
    if (isWeapp || typeof document === 'undefined') return
    if (!window.matchMedia?.('(pointer: fine)').matches) return
    const box = () => document.getElementById('scan-input') as HTMLInputElement | null
    const isField = (e: Element | null) => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement
    // After focus moves, take it back unless another field has it (the item search, a registration form).
    const keep = () => setTimeout(() => { if (!isField(document.activeElement)) box()?.focus({ preventScroll: true }) }, 0)
    box()?.focus({ preventScroll: true })
    document.addEventListener('focusout', keep)
    document.addEventListener('click', keep)
    return () => {
      document.removeEventListener('focusout', keep)
      document.removeEventListener('click', keep)
    }
  }, [])
  const couponHolderPays = coupon !== null && coupon.holderPatientId === payer?.patientId
  return (
    <View className='card'>
      <Text className='card__title'>{t({ zh: '扫码', en: 'Scan' })}</Text>
      <Text className='muted small'>{t({ zh: '扫描会员码、亲友卡付款码或首诊优惠券码（二维码或条形码），或输入码下方的 18 位数字 / 病历号，按回车查询。', en: 'Scan a member, friend card or coupon code (QR or barcode), or type the 18 digits under it or a record number, then press Enter.' })}</Text>
      {isWeapp ? (
        <Btn variant='primary' disabled={scanning} onClick={() => onCamera()}>{t({ zh: '扫一扫', en: 'Scan with camera' })}</Btn>
      ) : null}
      <View className='row'>
        <TextField id='scan-input' className='grow' value={code} onChange={setCode} placeholder={t({ zh: '18 位数字码 / 病历号', en: '18-digit code or record no.' })} onConfirm={() => onLookup(code)} />
        <Btn id='scan-submit' variant='secondary' disabled={scanning} onClick={() => onLookup(code)}>{t({ zh: '查询', en: 'Find' })}</Btn>
      </View>
      {patient ? (
        <View className='patient'>
          <View className='row row--between'>
            <Text id='scanned-name' className='patient__name'>{patient.name}</Text>
            <Text id='scanned-tier' className={`tier tier--${patient.tier}`}>{t(TIER_LABEL[patient.tier])}</Text>
          </View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '病历号', en: 'Record No.' })}</Text><Text id='scanned-record' className='kv__v'>{patient.recordNo}</Text></View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '手机', en: 'Phone' })}</Text><Text className='kv__v'>{patient.maskedPhone}</Text></View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '折扣依据', en: 'Discount' })}</Text><Text id='scanned-discount' className='kv__v'>{t(patient.discount ? BASIS_LABEL[patient.discount] : { zh: '无会员折扣', en: 'No member discount' })}</Text></View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '奖励金', en: 'Bonus' })}</Text><Text id='scanned-bonus' className='kv__v'>{money(patient.bonusBalanceFen)}</Text></View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '累计消费', en: 'Spend' })}</Text><Text id='scanned-spend' className='kv__v'>{money(patient.cumulativeSpendFen)}</Text></View>
          {/* R7: what to ask or offer this patient. */}
          {patient.prompts && patient.prompts.length > 0 ? (
            <View id='prompts' className='notice prompts'>
              <Text className='prompts__title'>{t({ zh: '提示', en: 'Ask / offer' })}</Text>
              {patient.prompts.map((pr, k) => (
                <View key={`${pr.kind}-${k}`} className='prompts__item'>
                  <Text>· {t(pr)}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
      {payer && !payer.scanned ? (
        <View className='patient'>
          <View className='row row--between'>
            <Text id='scanned-name' className='patient__name'>{payer.name}</Text>
            <Text className='tier'>{couponHolderPays ? t({ zh: '优惠券持有人', en: 'Coupon holder' }) : t({ zh: '亲友卡持卡人', en: 'Card holder' })}</Text>
          </View>
          <Text className='muted small'>{couponHolderPays
            ? t({ zh: '付款人为首诊优惠券持有人。', en: 'The coupon holder pays.' })
            : t({ zh: '付款人为亲友卡持卡人。如由他人付款，请扫描付款人的会员码。', en: 'The card holder pays; to bill someone else, scan their member code.' })}</Text>
        </View>
      ) : null}
    </View>
  )
}
