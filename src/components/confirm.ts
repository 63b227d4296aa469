/**
 * Issue 12 (WeChat look): before every destructive or money action, WeChat's own dialog names the
 * person and the amount (「确认为 张三 退款 ¥120.00？」). The texts are Msgs, shown in the person's
 * language; `Taro.showModal` draws the dialog (weapp: WeChat's; H5: Taro's DOM modal).
 */
import Taro from '@tarojs/taro'
import type { Fen } from '../domain/money'
import { money } from '../services/chain'
import { lang, type Lang, type Msg } from '../i18n'

export interface ConfirmRequest {
  title: Msg
  content: Msg
  /** The confirm button: WeChat allows at most 4 Chinese characters (8 Latin ones). */
  confirmText: Msg
  /** Money lost or access removed: the confirm button is red. */
  danger?: boolean
}

/** WeUI's warning red and its normal green for the confirm button (hex: WeChat accepts nothing else). */
export const DANGER_COLOR = '#FA5151'
export const NORMAL_COLOR = '#07C160'

const CANCEL: Msg = { zh: '取消', en: 'Cancel' }
const OK: Msg = { zh: '确定', en: 'OK' }

/** How WeChat measures a button text: a Chinese character counts twice; at most 8. */
export const fitsButton = (text: string): boolean => text.replace(/[\u0391-\uFFE5]/g, 'aa').length <= 8

/** The `showModal` options in this language; a confirm text too long for the button falls back to 确定/OK. */
export function modalOptions(req: ConfirmRequest, l: Lang) {
  const confirmText = fitsButton(req.confirmText[l]) ? req.confirmText[l] : OK[l]
  return {
    title: req.title[l],
    content: req.content[l],
    confirmText,
    cancelText: CANCEL[l],
    confirmColor: req.danger ? DANGER_COLOR : NORMAL_COLOR,
    showCancel: true,
  }
}

/** One dialog at a time: a second tap while it is open is not a second question (nor a second action). */
let open = false

/** Asks; true only when the person tapped the confirm button. A dialog that fails to open is a no. */
export async function confirmAction(req: ConfirmRequest): Promise<boolean> {
  if (open) return false
  open = true
  try {
    const res = await Taro.showModal(modalOptions(req, lang()))
    return res.confirm === true
  } catch {
    return false
  } finally {
    open = false
  }
}

/** The questions this app asks, each naming who and how much. */
export const CONFIRM = {
  refund: (patient: string, amountFen: Fen): ConfirmRequest => ({
    title: { zh: '确认退款', en: 'Refund' },
    content: { zh: `确认为 ${patient} 退款 ${money(amountFen)}？退款后无法撤销。`, en: `Refund ${money(amountFen)} to ${patient}? This cannot be undone.` },
    confirmText: { zh: '退款', en: 'Refund' },
    danger: true,
  }),
  payBill: (patient: string, dueFen: Fen, how?: Msg): ConfirmRequest => ({
    title: { zh: '确认收款', en: 'Confirm payment' },
    content: how
      ? { zh: `确认 ${patient} 本次应付 ${money(dueFen)} 已用${how.zh}收款？`, en: `Has ${patient} paid ${money(dueFen)} by ${how.en}?` }
      : { zh: `确认 ${patient} 本次应付 ${money(dueFen)} 已收款？`, en: `Has ${patient} paid ${money(dueFen)}?` },
    confirmText: { zh: '确认收款', en: 'Paid' },
  }),
  markPaid: (referrer: string, amountFen: Fen): ConfirmRequest => ({
    title: { zh: '标记已发放', en: 'Mark as paid' },
    content: { zh: `确认已向 ${referrer} 发放 ${money(amountFen)}？标记后不能再次发放。`, en: `Has ${money(amountFen)} been paid to ${referrer}? It cannot be paid again afterwards.` },
    confirmText: { zh: '已发放', en: 'Paid' },
  }),
  unbind: (member: string): ConfirmRequest => ({
    title: { zh: '解除家庭绑定', en: 'Unbind family member' },
    content: { zh: `确认解除与 ${member} 的家庭绑定？${member} 将不再享受家庭会员折扣。`, en: `Unbind ${member}? ${member} will no longer get the family member discount.` },
    confirmText: { zh: '解除', en: 'Unbind' },
    danger: true,
  }),
  declineBalance: (member: string, amountFen: Fen): ConfirmRequest => ({
    title: { zh: '拒绝付款请求', en: 'Decline request' },
    content: { zh: `确认拒绝 ${member} 使用您的余额支付 ${money(amountFen)}？`, en: `Decline ${member}'s request to pay ${money(amountFen)} from your balance?` },
    confirmText: { zh: '拒绝', en: 'Decline' },
    danger: true,
  }),
  approveBalance: (member: string, amountFen: Fen): ConfirmRequest => ({
    title: { zh: '同意付款请求', en: 'Approve request' },
    content: { zh: `确认同意 ${member} 使用您的余额支付 ${money(amountFen)}？`, en: `Let ${member} pay ${money(amountFen)} from your balance?` },
    confirmText: { zh: '同意', en: 'Approve' },
  }),
  revokeCard: (holder: string, balanceFen: Fen): ConfirmRequest => ({
    title: { zh: '作废亲友卡', en: 'Revoke friend card' },
    content: { zh: `确认作废 ${holder} 的亲友卡？卡内余额 ${money(balanceFen)} 将不能再使用。`, en: `Revoke ${holder}'s friend card? The ${money(balanceFen)} left on it can no longer be used.` },
    confirmText: { zh: '作废', en: 'Revoke' },
    danger: true,
  }),
  disableStaff: (name: string): ConfirmRequest => ({
    title: { zh: '停用员工账号', en: 'Disable this account' },
    content: { zh: `停用后，${name} 将无法再使用员工功能；之后可以重新启用。确定停用吗？`, en: `${name} will no longer be able to use staff features; you can enable the account again later. Disable it?` },
    confirmText: { zh: '停用', en: 'Disable' },
    danger: true,
  }),
} satisfies Record<string, (...args: never[]) => ConfirmRequest>
