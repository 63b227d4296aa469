/** Small pure display and input helpers for the pages (no dependencies beyond the domain types). */
import type { Tier } from '../domain/membership/tier'
import type { EntryKind } from '../domain/ledger'
import type { Fen } from '../domain/money'
import type { CardState } from '../api/contract'
import type { TemplateKey } from '../domain/notify/messages'
import type { Msg } from '../i18n'
import { shareLink } from './landings'
import { chain } from './chain'

/** M1 tier names as members see them. */
export const TIER_LABEL: Record<Tier, { zh: string; en: string }> = {
  none: { zh: '非会员', en: 'Not a member' },
  annual: { zh: '年度会员', en: 'Annual member' },
  lifetime: { zh: '终身家庭会员', en: 'Lifetime family member' },
}

/**
 * Ledger entry names as people read them. Every EntryKind must have one (the type checks that);
 * the R3 referral kinds are listed too, so the labels are ready whichever ledger kinds the build has.
 */
const ENTRY_KIND_LABELS = {
  bill_payment: { zh: '消费', en: 'Payment' },
  bill_refund: { zh: '退款', en: 'Refund' },
  bonus_credit: { zh: '奖励金入账', en: 'Bonus credited' },
  bonus_debit: { zh: '奖励金抵扣', en: 'Bonus used' },
  referral_reward: { zh: '推荐奖励', en: 'Referral reward' },
  referral_share: { zh: '推荐分成', en: 'Referral share' },
  referral_clawback: { zh: '推荐奖励退回', en: 'Referral reward returned' },
  card_issue: { zh: '亲友卡发放', en: 'Friend card issued' },
  card_redeem: { zh: '亲友卡使用', en: 'Friend card used' },
  card_expire: { zh: '亲友卡过期', en: 'Friend card expired' },
}
export const ENTRY_KIND_LABEL: Record<EntryKind, Msg> = ENTRY_KIND_LABELS
/** The Chinese names alone, for code that still reads them as strings. */
export const ENTRY_LABEL = Object.fromEntries(
  Object.entries(ENTRY_KIND_LABELS).map(([k, m]) => [k, m.zh]),
) as Record<EntryKind, string>

/** F1–F5: a friend card's state as people see it. */
export const CARD_STATE_LABEL: Record<CardState, { zh: string; en: string }> = {
  issued: { zh: '待赠送', en: 'Not sent yet' },
  shared: { zh: '已分享，待领取', en: 'Shared, not claimed yet' },
  claimed: { zh: '已领取', en: 'Claimed' },
  partly_used: { zh: '已部分使用', en: 'Partly used' },
  used_up: { zh: '已用完', en: 'Used up' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已作废', en: 'Revoked' },
}

/** M2 in words (one source with the server's messages). */
export { zhe, discountLabel } from '../domain/membership/discount-words'

/**
 * A business date for display: the ISO instant in the clinic's zone. The chain's zone (issue 14:
 * services/chain.ts, UTC+8 Shanghai or UTC+3 Moscow, neither with summer time) is applied by its
 * offset so no date library ships to the client.
 */
export function clinicDate(iso: string, offsetMinutes = chain().utcOffsetMinutes): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** An instant as the clinic's date and time, "YYYY-MM-DD HH:mm" (the chain's offset, as clinicDate). */
export function clinicDateTime(iso: string, offsetMinutes = chain().utcOffsetMinutes): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const s = new Date(t + offsetMinutes * 60_000).toISOString()
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`
}

/** N2: the month `n` months after (or before, n < 0) a "YYYY-MM" month. */
export function shiftMonth(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return month
  const i = Number(m[1]) * 12 + Number(m[2]) - 1 + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/** N3: each message as people name it when they subscribe and staff read the outbox. */
export const TEMPLATE_LABEL: Record<TemplateKey, { zh: string; en: string }> = {
  card_expiry: { zh: '亲友卡到期提醒', en: 'Friend card expiry reminder' },
  card_unshared: { zh: '亲友卡未送出提醒', en: 'Friend card not sent yet' },
  card_unused: { zh: '亲友卡未使用提醒', en: 'Friend card not used yet' },
  membership_expiry: { zh: '会员到期提醒', en: 'Membership renewal reminder' },
  birthday: { zh: '生日祝福', en: 'Birthday greeting' },
  holiday: { zh: '节日祝福', en: 'Holiday greeting' },
  event_invite: { zh: '会员活动邀请', en: 'Member event invitation' },
  referral_reward: { zh: '推荐奖励到账', en: 'Referral reward credited' },
}

export type YuanParse = { ok: true; fen: Fen } | { ok: false; message: { zh: string; en: string } }

/**
 * Staff type an amount in the chain's currency ("1280", "1280.5", "1,280.50", "¥1280", "1280 ₽");
 * we turn it into integer minor units (fen, kopecks) without floating point. Refused: empty, negative, more than 2 decimals, anything non-numeric,
 * zero, and amounts too large to be safe integers.
 */
export function parseYuan(input: string): YuanParse {
  const s = input.trim().replace(/[¥￥₽,，\s]/g, '')
  if (s === '') return { ok: false, message: { zh: '请输入金额', en: 'Enter an amount' } }
  if (/^-/.test(s)) return { ok: false, message: { zh: '金额不能为负数', en: 'The amount cannot be negative' } }
  if (/^\d*\.\d{3,}$/.test(s)) return { ok: false, message: { zh: '金额最多两位小数', en: 'At most 2 decimal places' } }
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s) ?? /^()\.(\d{1,2})$/.exec(s)
  if (!m) return { ok: false, message: { zh: '金额必须是数字', en: 'The amount must be a number' } }
  const whole = m[1] === '' ? 0 : Number(m[1])
  const cents = Number((m[2] ?? '').padEnd(2, '0') || '0')
  const fen = whole * 100 + cents
  if (!Number.isSafeInteger(fen) || fen > 100_000_000_00) return { ok: false, message: { zh: '金额过大', en: 'The amount is too large' } }
  if (fen === 0) return { ok: false, message: { zh: '金额必须大于 0', en: 'The amount must be more than zero' } }
  return { ok: true, fen }
}

/** F5 registration at the desk: a mainland mobile number, 11 digits starting with 1 (as the server checks). */
export const isMobile = (s: string): boolean => /^1\d{10}$/.test(s.trim())

/** N1, N2: an optional birthday typed at the desk — empty, or YYYY-MM-DD (the server checks the date). */
export const isBirthdayOrEmpty = (s: string): boolean => s.trim() === '' || /^(19|20)\d{2}-\d{2}-\d{2}$/.test(s.trim())

/** A query value from a page URL, decoded once if it was percent-encoded; '' when absent. */
export function queryParam(params: Record<string, string | undefined> | undefined, key: string): string {
  const raw = params?.[key] ?? sceneParam(params?.scene, key)
  if (typeof raw !== 'string') return ''
  try {
    return raw.includes('%') ? decodeURIComponent(raw) : raw
  } catch {
    return raw
  }
}

/** A client-made idempotency key (S3). Not a secret; only has to be unique per bill. */
export function newRequestId(): string {
  const rand = () => Math.floor(Math.random() * 0x100000000).toString(36)
  return `rq-${Date.now().toString(36)}-${rand()}${rand()}`
}

/** M3: the family invitation's state as the invitee reads it. */
export const INVITATION_STATE_LABEL: Record<'open' | 'used' | 'expired' | 'own' | 'not_patient' | 'already_bound', { zh: string; en: string }> = {
  open: { zh: '邀请有效，接受后即成为家庭成员，终身享受会员折扣', en: 'The invitation is open: accept to join the family and get the member discount for life' },
  used: { zh: '这个邀请已被使用', en: 'This invitation has already been used' },
  expired: { zh: '这个邀请已过期，请让对方重新邀请', en: 'This invitation has expired; ask for a new one' },
  own: { zh: '这是您自己发出的邀请，请发送给家人', en: 'This is your own invitation; send it to a family member' },
  not_patient: { zh: '请先到诊所就诊登记，成为诊所患者后再接受邀请', en: 'Please register at the clinic first; only patients can join a family' },
  already_bound: { zh: '您已是一个家庭的成员，不能再加入其他家庭', en: 'You are already a member of a family and cannot join another' },
}

/** M4: a request to pay from the family owner's balance. */
export const BALANCE_REQUEST_LABEL: Record<'pending' | 'approved' | 'declined' | 'used', { zh: string; en: string }> = {
  pending: { zh: '待同意', en: 'Waiting for the owner' },
  approved: { zh: '已同意', en: 'Approved' },
  declined: { zh: '已拒绝', en: 'Declined' },
  used: { zh: '已使用', en: 'Used' },
}

/** The link a person opens on H5: a friend's landing goes to its light entry, any other page to the app's hash route (services/landings.ts). */
export const h5Link = (path: string): string => shareLink(path)

/**
 * R1: a mini-program code from wxacode.getUnlimited opens the page with `scene` (e.g. `c=100007`,
 * URI-encoded) instead of a query; read keys from it the same way.
 */
function sceneParam(scene: string | undefined, key: string): string | undefined {
  if (!scene) return undefined
  let text = scene
  try { text = decodeURIComponent(scene) } catch { /* keep as is */ }
  for (const part of text.split('&')) {
    const [k, v] = part.split('=')
    if (k === key && v !== undefined) return v
  }
  return undefined
}
