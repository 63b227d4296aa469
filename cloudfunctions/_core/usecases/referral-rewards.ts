/**
 * R2, R3, R4, R6 at the desk: which referral a bill counts for, the first-visit coupon it uses,
 * and the rewards the referrer earns because the friend paid — written in the bill's transaction.
 * A refund claws the rewards back with negative entries.
 */
import type { BillRequest } from '../../../src/api/contract'
import { DomainError, isDomainError } from '../../../src/domain/errors'
import { assertCanLock, lockGuardIds, type LockFriend, type LockReferrer } from '../../../src/domain/referral/attribution'
import { accountId, type Account } from '../../../src/domain/ledger'
import { journal } from '../../../src/domain/journal'
import { applyRate } from '../../../src/domain/money'
import type { Policy } from '../../../src/domain/policy'
import { clawbackForRefund, progressAfter, rewardForPayment } from '../../../src/domain/referral/rewards'
import type { Store, TxContext } from '../ports/store'
import type { Deps } from '../deps'
import { C, type BillDoc, type CouponDoc, type PartnerDoc, type PatientDoc, type PayoutDoc, type ReferralDoc } from '../model'
import { familyHead, hasPaid, usersOf } from './patients'
import { queueMessageInTx } from './outbox'
import { assertCouponActive, checkEligible, referralIdForOpenid, referralIdForPatient, referrerByDeskCode } from './referral'
import { moveReferrerTotalsInTx } from './referrer-totals'

export interface ReferralRefs {
  /** The referral this payer already has, or the one this bill creates. */
  referralId: string | null
  couponId: string | null
  /** R2: the first-visit discount applies to this bill. */
  firstVisit: boolean
  create?: Pick<ReferralDoc, 'referrerPatientId' | 'partnerId' | 'source'>
  /** R6 at the lock: facts about the payer found before the transaction (queries are not allowed inside). */
  payer?: { openids: string[]; verifiedPhones: string[]; hadPaidBefore: boolean }
}

const NONE: ReferralRefs = { referralId: null, couponId: null, firstVisit: false }

/** Resolved before the transaction: tokens, codes and queries. Re-checked inside it by id. */
export async function resolveReferral(deps: Deps, store: Store, req: BillRequest, payer: PatientDoc | null): Promise<ReferralRefs> {
  if (!payer) return NONE
  // One read of the payer's WeChat users serves both the referral lookup and the R6 facts.
  const users = await usersOf(store, payer._id)
  const openids = users.map((u) => u._id)
  const refs = await findReferral(deps, store, req, payer, openids)
  if (!refs.referralId) return refs
  const verifiedPhones = users.map((u) => u.verifiedPhone).filter((p): p is string => Boolean(p))
  return { ...refs, payer: { openids, verifiedPhones, hadPaidBefore: hasPaid(payer) } }
}

async function findReferral(deps: Deps, store: Store, req: BillRequest, payer: PatientDoc, openids: string[]): Promise<ReferralRefs> {
  // One query for every id the payer's referral may have (issue 11: not one read per candidate);
  // the first live one in this order wins, as before.
  const liveReferral = async (): Promise<ReferralDoc | null> => {
    const candidates = [referralIdForPatient(payer._id), ...openids.map(referralIdForOpenid)]
    const found = await store.query<ReferralDoc>(C.referrals, { where: { _id: { $in: candidates } }, limit: candidates.length })
    return candidates.map((id) => found.find((r) => r._id === id)).find((r) => r !== undefined && r.status !== 'void') ?? null
  }
  if (req.couponTicket) {
    const v = deps.qr.verify(req.couponTicket, deps.clock.now())
    if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
    if (v.claims.kind !== 'T' || !v.claims.subject.startsWith('cp_')) throw new DomainError('CODE_WRONG_KIND')
    const coupon = await store.get<CouponDoc>(C.coupons, v.claims.subject)
    if (!coupon) throw new DomainError('COUPON_NOT_FOUND')
    if (!openids.includes(coupon.friendOpenid)) throw new DomainError('COUPON_NOT_YOURS')
    assertCouponActive(coupon, deps.clock.now())
    if (hasPaid(payer)) throw new DomainError('REFERRAL_EXISTING_PATIENT')
    return { referralId: coupon.referralId, couponId: coupon._id, firstVisit: true }
  }
  const existing = await liveReferral() // a coupon names its referral; the other ways look for one
  if (req.referrerCode) {
    const code = req.referrerCode.trim()
    const partner = code.startsWith('P') ? (await store.query<PartnerDoc>(C.partners, { where: { code }, limit: 1 }))[0] : undefined
    if (existing) {
      const same = partner ? existing.partnerId === partner._id : existing.referrerPatientId === (await referrerByDeskCode(deps, code))._id
      if (!same) throw new DomainError('REFERRAL_TAKEN')
      if (existing.firstPaidAt) throw new DomainError('REFERRAL_EXISTING_PATIENT')
      return { referralId: existing._id, couponId: null, firstVisit: true }
    }
    if (hasPaid(payer)) throw new DomainError('REFERRAL_EXISTING_PATIENT')
    if (partner) return { referralId: referralIdForPatient(payer._id), couponId: null, firstVisit: true, create: { partnerId: partner._id, source: 'code' } }
    const referrer = await referrerByDeskCode(deps, code)
    await checkEligible(deps, referrer, { openid: openids[0] ?? `none:${payer._id}`, patient: payer }, referralIdForPatient(payer._id))
    return { referralId: referralIdForPatient(payer._id), couponId: null, firstVisit: true, create: { referrerPatientId: referrer._id, source: 'code' } }
  }
  if (existing) return { referralId: existing._id, couponId: null, firstVisit: false }
  if (req.namedMemberCode && !(hasPaid(payer))) {
    // M5 counts as a referral (R6) when the friend is new; the discount stands either way.
    try {
      const referrer = await referrerByDeskCode(deps, req.namedMemberCode)
      await checkEligible(deps, referrer, { openid: openids[0] ?? `none:${payer._id}`, patient: payer }, referralIdForPatient(payer._id))
      return { referralId: referralIdForPatient(payer._id), couponId: null, firstVisit: false, create: { referrerPatientId: referrer._id, source: 'named_member' } }
    } catch {
      return NONE
    }
  }
  return NONE
}

export interface ReferralOutcome { referralId?: string; couponId?: string; shareFen: number; fixedFen: number }

/** Inside the bill's transaction, after the payment is known. */
export async function applyReferralInTx(
  tx: TxContext, refs: ReferralRefs, payer: PatientDoc, bill: { id: string; paidFen: number; day: string }, now: Date, staffId: string, policy: Policy,
): Promise<ReferralOutcome> {
  if (!refs.referralId) return { shareFen: 0, fixedFen: 0 }
  const at = now.toISOString()
  let ref = await tx.get<ReferralDoc>(C.referrals, refs.referralId)
  const stored = ref // R8 totals move by the difference between this and what is written
  if (refs.create) {
    if (ref && ref.status !== 'void') throw new DomainError('REFERRAL_TAKEN') // another desk won the race
    ref = { _id: refs.referralId, ...refs.create, friendPatientId: payer._id, friendPhone: payer.phone, at, status: 'pending', sharedFen: 0, fixedRewarded: false, revenueFen: 0, policyVersion: policy.version }
    await tx.set<ReferralDoc>(C.referrals, ref)
  }
  if (!ref || ref.status === 'void') return { shareFen: 0, fixedFen: 0 }
  if (bill.paidFen > 0 && ref.status === 'pending') {
    const refused = await lockRefusal(tx, refs, payer, ref)
    if (refused) {
      // Named at this payment (a coupon, a code): refuse the bill so the desk can bill without it.
      if (refs.create || refs.couponId) throw refused
      // Attached from an earlier claim: the referral ends here and pays nothing; the bill stands.
      await tx.set<ReferralDoc>(C.referrals, { ...ref, status: 'void', voidReason: refused.code, voidedAt: at })
      return { shareFen: 0, fixedFen: 0 }
    }
    for (const id of lockGuardIds(lockFriend(refs, payer))) await tx.set(C.referralGuards, { _id: id, referralId: ref._id, at })
  }
  if (refs.couponId) {
    const coupon = await tx.get<CouponDoc>(C.coupons, refs.couponId)
    if (!coupon) throw new DomainError('COUPON_NOT_FOUND')
    assertCouponActive(coupon, now)
    await tx.set<CouponDoc>(C.coupons, { ...coupon, status: 'used', usedBillId: bill.id })
  }
  const next: ReferralDoc = { ...ref, friendPatientId: payer._id, friendPhone: ref.friendPhone ?? payer.phone, revenueFen: ref.revenueFen + bill.paidFen }
  let shareFen = 0
  let fixedFen = 0
  if (bill.paidFen > 0) {
    // R6: the referral locks at the friend's first payment.
    next.status = 'locked'
    next.lockedAt = ref.lockedAt ?? at
    next.firstPaidAt = ref.firstPaidAt ?? at
    next.firstBillId = ref.firstBillId ?? bill.id
    if (ref.partnerId) {
      // R10: a partner earns a commission, paid out externally; no bonus account.
      const commission = applyRate(bill.paidFen, policy.referral.partnerCommissionBp)
      if (commission > 0) await tx.create<PayoutDoc>(C.payouts, { _id: `po_${bill.id}`, referralId: ref._id, partnerId: ref.partnerId, billId: bill.id, amountFen: commission, status: 'due', createdAt: at, day: bill.day, markAttempts: 0 })
    } else if (ref.referrerPatientId) {
      const reward = rewardForPayment(ref, bill.paidFen, now, policy) // R3: only after the friend pays
      const accId = accountId(ref.referrerPatientId, 'bonus')
      const acc = await tx.get<Account>(C.accounts, accId)
      const before = acc?.balanceFen ?? 0
      const j = journal({ id: bill.id, billId: bill.id, referralId: ref._id, at, actor: staffId })
      const who = { ownerId: ref.referrerPatientId, patientId: ref.referrerPatientId }
      if (reward.bonusFen > 0) j.post({ ...who, kind: 'referral_reward', part: 'ref-bonus', amountFen: reward.bonusFen, balanceBeforeFen: before, memo: '推荐奖励 referral reward' })
      if (reward.shareFen > 0) {
        const memo = `朋友消费${policy.referral.spendShareBp / 100}% share of friend's payment`
        j.post({ ...who, kind: 'referral_share', part: 'ref-share', amountFen: reward.shareFen, balanceBeforeFen: j.balanceAfter(ref.referrerPatientId, 'bonus') ?? before, memo })
      }
      for (const x of j.entries()) await tx.create(C.ledger, x)
      const balance = j.balanceAfter(ref.referrerPatientId, 'bonus')
      if (balance !== undefined) await tx.set<Account>(C.accounts, { _id: accId, ownerId: ref.referrerPatientId, kind: 'bonus', balanceFen: balance, updatedAt: at })
      if (reward.payoutFen > 0) {
        await tx.create<PayoutDoc>(C.payouts, { _id: `po_${bill.id}`, referralId: ref._id, referrerPatientId: ref.referrerPatientId, billId: bill.id, amountFen: reward.payoutFen, status: 'due', createdAt: at, day: bill.day, markAttempts: 0 })
      }
      shareFen = reward.shareFen
      fixedFen = reward.bonusFen
      // R3: the fixed reward is given once, at the first money paid — also when the policy's bonus part is 0.
      const progress = progressAfter(ref, bill.paidFen, reward, at)
      next.sharedFen = progress.sharedFen
      next.fixedRewarded = progress.fixedRewarded
      const credited = reward.bonusFen + reward.shareFen
      if (credited > 0 || reward.payoutFen > 0) {
        // R4: told the same day (N3 outbox, delivered outside quiet hours), both amounts. The bill's
        // clinic (where the friend came, which owes the payout) is named at delivery from `billId`:
        // no reads here beyond the transaction's own (outbox.ts renderMessage).
        await queueMessageInTx(tx, policy, now, `r4:${bill.id}`, { patientId: ref.referrerPatientId }, 'referral_reward', { bonusFen: credited, payoutFen: reward.payoutFen, billId: bill.id })
      }
    }
  }
  await tx.set<ReferralDoc>(C.referrals, next)
  await moveReferrerTotalsInTx(tx, stored, next, at)
  return { referralId: ref._id, couponId: refs.couponId ?? undefined, shareFen, fixedFen }
}

/** R3: a refund claws back the share in proportion, and the fixed reward when the bill is fully refunded. */
export async function clawbackInTx(tx: TxContext, bill: BillDoc, refundFen: number, refundId: string, now: Date, staffId: string): Promise<void> {
  if (!bill.referralId) return
  const ref = await tx.get<ReferralDoc>(C.referrals, bill.referralId)
  if (!ref) return
  const at = now.toISOString()
  const fullyRefunded = (bill.refundedFen ?? 0) + refundFen >= bill.paidFen
  const share = clawbackForRefund(bill.referralShareFen ?? 0, bill.paidFen, refundFen)
  const fixed = fullyRefunded ? bill.referralFixedFen ?? 0 : 0
  if (ref.referrerPatientId && share + fixed > 0) {
    const accId = accountId(ref.referrerPatientId, 'bonus')
    const acc = await tx.get<Account>(C.accounts, accId)
    // A clawback may take the balance below zero: the referrer already spent it; later rewards offset it.
    const j = journal({ id: refundId, billId: bill._id, referralId: ref._id, at, actor: staffId })
    const e = j.post({ kind: 'referral_clawback', part: 'ref-clawback', ownerId: ref.referrerPatientId, patientId: ref.referrerPatientId, amountFen: -(share + fixed), balanceBeforeFen: acc?.balanceFen ?? 0, memo: '退款追回推荐奖励 clawback on refund' })
    await tx.create(C.ledger, e)
    await tx.set<Account>(C.accounts, { _id: accId, ownerId: ref.referrerPatientId, kind: 'bonus', balanceFen: e.balanceAfterFen, updatedAt: at })
  }
  let payoutVoided = false
  if (fullyRefunded) {
    const payout = await tx.get<PayoutDoc>(C.payouts, `po_${bill._id}`)
    if (payout?.status === 'due') {
      await tx.set<PayoutDoc>(C.payouts, { ...payout, status: 'void' })
      payoutVoided = true
    }
  }
  // R3: the fixed reward taken back (its bonus clawed back or its payout voided) may be earned again by a later payment.
  const fixedUndone = fixed > 0 || (payoutVoided && Boolean(ref.referrerPatientId))
  const next: ReferralDoc = { ...ref, sharedFen: ref.sharedFen - share, revenueFen: Math.max(0, ref.revenueFen - refundFen), fixedRewarded: fixedUndone ? false : ref.fixedRewarded }
  await tx.set<ReferralDoc>(C.referrals, next)
  await moveReferrerTotalsInTx(tx, ref, next, at)
}

const lockFriend = (refs: ReferralRefs, payer: PatientDoc): LockFriend => ({
  patientId: payer._id, familyHead: familyHead(payer), openids: refs.payer?.openids ?? [],
  phones: [payer.phone, ...(refs.payer?.verifiedPhones ?? [])], hadPaidBefore: refs.payer?.hadPaidBefore ?? false,
})

/** R6 with the facts of the moment of the first payment, read inside the bill's transaction. */
async function lockRefusal(tx: TxContext, refs: ReferralRefs, payer: PatientDoc, ref: ReferralDoc): Promise<DomainError | null> {
  const friend = lockFriend(refs, payer)
  let referrer: LockReferrer | null = null
  if (ref.partnerId) {
    const partner = await tx.get<PartnerDoc>(C.partners, ref.partnerId)
    if (partner) referrer = { kind: 'partner', openid: partner.openid, phone: partner.phone }
  } else if (ref.referrerPatientId) {
    const r = await tx.get<PatientDoc>(C.patients, ref.referrerPatientId)
    if (r) referrer = { kind: 'patient', patientId: r._id, familyHead: familyHead(r), phone: r.phone }
  }
  if (!referrer) return new DomainError('REFERRAL_CODE_UNKNOWN')
  let lockedElsewhere = false
  for (const id of lockGuardIds(friend)) {
    const guard = await tx.get<{ _id: string; referralId: string }>(C.referralGuards, id)
    if (guard && guard.referralId !== ref._id) lockedElsewhere = true
  }
  try {
    assertCanLock(friend, referrer, { lockedElsewhere })
    return null
  } catch (e) {
    if (isDomainError(e)) return e
    throw e
  }
}
