/**
 * R9 weekly audit: the director sees every referral reward and payout of the week with anomalies
 * flagged. Pure rules over plain records so each is tested on its own.
 */
export interface AuditReferral { id: string; referrerPatientId: string; referrerPhone: string; friendPhone?: string; friendOpenid?: string; device?: string }
export interface AuditReward { entryId: string; referralId: string; billId?: string; amountFen: number }
export interface AuditBill { id: string; paidFen: number; refundedFen: number; /** R5, M4: stored value spent without the payer's own code; the staff's reason. */ storedValueOverride?: string }
export interface AuditPayout { id: string; referralId: string; markAttempts: number }

export type AnomalyKind = 'reward_without_payment' | 'payout_marked_twice' | 'referrals_share_phone' | 'many_referrals_one_device' | 'friend_shares_referrer_phone' | 'stored_value_override'

export interface Anomaly { kind: AnomalyKind; ids: string[]; zh: string; en: string }

export const MANY = 3

export function findAnomalies(referrals: AuditReferral[], rewards: AuditReward[], bills: AuditBill[], payouts: AuditPayout[]): Anomaly[] {
  const out: Anomaly[] = []
  const billById = new Map(bills.map((b) => [b.id, b]))
  for (const r of rewards) {
    const b = r.billId ? billById.get(r.billId) : undefined
    if (r.amountFen > 0 && (!b || b.paidFen - b.refundedFen <= 0)) {
      out.push({ kind: 'reward_without_payment', ids: [r.entryId], zh: '一笔推荐奖励没有对应的有效付款', en: 'A referral reward has no matching payment' })
    }
  }
  for (const p of payouts) {
    if (p.markAttempts > 1) out.push({ kind: 'payout_marked_twice', ids: [p.id], zh: `一笔支付记录被标记了 ${p.markAttempts} 次`, en: `A payout was marked paid ${p.markAttempts} times` })
  }
  const group = (key: (r: AuditReferral) => string | undefined, least: number) => {
    const m = new Map<string, string[]>()
    for (const r of referrals) {
      const k = key(r)
      if (k && !m.get(k)?.includes(r.id)) m.set(k, [...(m.get(k) ?? []), r.id])
    }
    return [...m.entries()].filter(([, ids]) => ids.length >= least)
  }
  // R6: one person is referred once; every pair of referrals on one phone is flagged, however bound.
  for (const [phone, ids] of group((r) => r.friendPhone, 2)) {
    out.push({ kind: 'referrals_share_phone', ids, zh: `${ids.length} 个推荐使用同一手机号（尾号${phone.slice(-4)}）`, en: `${ids.length} referrals share one phone (…${phone.slice(-4)})` })
  }
  for (const b of bills) {
    if (b.storedValueOverride) out.push({ kind: 'stored_value_override', ids: [b.id], zh: `账单未扫本人会员码即使用余额，原因：${b.storedValueOverride}`, en: `Stored value spent without the payer's own code; reason: ${b.storedValueOverride}` })
  }
  for (const [, ids] of group((r) => r.device, MANY)) {
    out.push({ kind: 'many_referrals_one_device', ids, zh: `${ids.length} 个推荐来自同一设备`, en: `${ids.length} referrals came from one device` })
  }
  for (const r of referrals) {
    if (r.friendPhone && r.friendPhone === r.referrerPhone) {
      out.push({ kind: 'friend_shares_referrer_phone', ids: [r.id], zh: '被推荐人与推荐人手机号相同', en: 'The referred friend uses the referrer\'s phone' })
    }
  }
  return out
}
