/**
 * Issue 13, one payer panel: a friend who brings a friend card and a coupon is registered once,
 * whichever panel the desk started from. Once one is registered, the other is registered quietly
 * with no details — the server links the same WeChat user's record (F5, R2). A different holder
 * still needs the details: that answer is an error, and the panel keeps its own form.
 */
import type { NewPatient, ScannedCard } from '../../api/contract'
import { callFunction } from '../../services/cloud'

export async function alsoRegisterCoupon(ticket: string): Promise<NewPatient | null> {
  return callFunction('reception', 'register', { ticket }).catch(() => null)
}

export async function alsoRegisterCard(ticket: string): Promise<ScannedCard | null> {
  return callFunction('friendcard', 'register', { ticket }).catch(() => null)
}
