/**
 * Small pieces shared by the referral pages (R1–R4, C1): the rule lines as the server words them,
 * the H5 share link, a device hint for the coupon claim (R6 duplicate checks) and the labels.
 * Kept here, beside the pages that use them, not in services/format.ts.
 */
import Taro from '@tarojs/taro'
import type { CouponView } from '../../api/contract'
import type { Msg } from '../../i18n'
import { h5DeviceHint } from '../../services/device-hint'
import './shared.css'

/** C1: rule lines as the server sends them (one list for the whole app). */
export { RuleLines as LinesList } from '../../components/CardRules'

/** The link a friend opens on H5 (one definition, in services/format.ts). */
export { h5Link } from '../../services/format'

/**
 * R6: a hint of the device the coupon is taken on, so the director's audit can flag many
 * referrals from one phone. weapp: the phone model; H5: a hash of the browser's user agent.
 * Never required: '' (not sent) when nothing can be read.
 */
export function deviceHint(): string {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const info = Taro.getSystemInfoSync()
      return `${info.brand ?? ''} ${info.model ?? ''}`.trim().slice(0, 80)
    }
    return h5DeviceHint()
  } catch {
    return ''
  }
}

/** A coupon's state, rendered with t(...). */
export const COUPON_STATUS_LABEL: Record<CouponView['status'], Msg> = {
  active: { zh: '可使用', en: 'Ready to use' },
  used: { zh: '已使用', en: 'Used' },
  expired: { zh: '已过期', en: 'Expired' },
}

export { CopyBox } from '../../components/CopyBox'
