/**
 * Referral card and first-visit coupons (R1, R2, R6, C1). A friend takes a coupon in WeChat, or
 * names the referrer's code at reception — both make the same referral. The first valid claim
 * wins: the referral's id is derived from the friend's identity, so a second claim collides.
 */
import type { CouponView, Line, MyReferrals, ReferralCard, ReferralOffer, ScannedCoupon } from '../../../src/api/contract'
import { validUntil } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { formatMoney } from '../../../src/domain/policy-money'
import { giftWords, type Policy } from '../../../src/domain/policy'
import { assertCanBeReferred } from '../../../src/domain/referral/attribution'
import { isStoreError } from '../ports/store'
import { currentPolicy, type Deps } from '../deps'
import { chainSettingsOf } from '../chain-settings'
import { newId } from '../ids'
import { C, type CouponDoc, type PartnerDoc, type PatientDoc, type PayoutDoc, type ReferralDoc, type UserDoc } from '../model'
import { bonusBalance, loadPatient } from './member'
import { familyHead, hasPaid, linkUserToPatient, recordsOnPhone } from './patients'
import { withRetry } from './retry'
import { ensureReferralCode, patientByReferralCode, publicName } from './public-profile'
import { spendRate } from './rate-limit'
import { issueShortCode } from './short-codes'
import { LOOKUP_RULE } from '../../../src/domain/identity/rate-limit'

export const LANDING_PAGE = '/pages/referral/index'
export const COUPON_CODE_TTL_SECONDS = 60
export const COUPON_TICKET_TTL_SECONDS = 30 * 60

export const referralIdForOpenid = (openid: string) => `ref_wx_${openid}`
export const referralIdForPatient = (patientId: string) => `ref_pat_${patientId}`

/** R2, R3, C1: the full rules for both sides, stated before anyone shares, in the chain's currency. */
export function rulesOf(policy: Policy): { forFriend: Line[]; forReferrer: Line[] } {
  const r = policy.referral
  const gift = giftWords(r.firstVisitGift)
  const m = (fen: number) => formatMoney(fen, policy.currency)
  // A part the chain set to nothing is not stated (seed 003 shares nothing of the friend's spend: no "0% for 0 days").
  const reward: Line = r.rewardPayoutFen > 0
    ? { zh: `朋友付款就诊后，您获得${m(r.rewardBonusFen)}奖励金和${m(r.rewardPayoutFen)}话费`, en: `After your friend pays for a visit: ${m(r.rewardBonusFen)} bonus and a ${m(r.rewardPayoutFen)} phone top-up` }
    : { zh: `朋友付款就诊后，您获得${m(r.rewardBonusFen)}奖励金`, en: `After your friend pays for a visit: ${m(r.rewardBonusFen)} bonus` }
  const share: Line[] = r.spendShareBp > 0 && r.spendShareDays > 0
    ? [{ zh: `朋友首次付款后${r.spendShareDays}天内的消费，再得${r.spendShareBp / 100}%奖励金（每位朋友最多${m(r.spendShareCapFen)}）`, en: `Plus ${r.spendShareBp / 100}% of what they pay in the ${r.spendShareDays} days after their first payment (at most ${m(r.spendShareCapFen)} per friend)` }]
    : []
  return {
    forFriend: [
      { zh: `首次到诊立减${m(r.firstVisitDiscountFen)}，另赠${gift.zh}`, en: `${m(r.firstVisitDiscountFen)} off your first visit, plus a gift (${gift.en})` },
      { zh: `优惠券${r.couponValidMonths}个月内有效；到前台报推荐人编号同样有效`, en: `The coupon is valid ${r.couponValidMonths} month(s); naming the referrer's number at reception works the same` },
      { zh: '仅限首次就诊的新患者，不可用于特价项目和口腔护理产品', en: 'For new patients on their first visit; not for special-price items or oral-care products' },
    ],
    forReferrer: [
      reward,
      ...share,
      { zh: '仅奖励实际付款的就诊，分享、注册或点击本身没有奖励', en: 'Rewards follow paid visits only — never sharing, sign-ups or clicks' },
    ],
  }
}

/** R1: what a friend types or opens — the member's personal code only; lookups are rate-limited per caller. */
export async function referrerByCode(deps: Deps, code: string, caller: string): Promise<PatientDoc> {
  await spendRate(deps.store, 'lookup', caller, deps.clock.now(), LOOKUP_RULE)
  const p = await patientByReferralCode(deps, code)
  if (!p) throw new DomainError('REFERRAL_CODE_UNKNOWN')
  return p
}

/** Seed 003: at the desk the friend may just say the referrer's record number; staff only. */
export async function referrerByDeskCode(deps: Deps, code: string): Promise<PatientDoc> {
  const byCode = await patientByReferralCode(deps, code)
  if (byCode) return byCode
  const [p] = await deps.store.query<PatientDoc>(C.patients, { where: { recordNo: code.trim() }, limit: 1 })
  if (!p) throw new DomainError('REFERRAL_CODE_UNKNOWN')
  return p
}

export async function card(deps: Deps, patientId: string): Promise<ReferralCard> {
  const code = await ensureReferralCode(deps, patientId)
  const p = await loadPatient(deps, patientId)
  const policy = await currentPolicy(deps.store)
  const name = publicName(p)
  return {
    code,
    referrerDisplayName: name,
    path: `${LANDING_PAGE}?c=${encodeURIComponent(code)}`,
    title: `${name}推荐您到牙友口腔：首诊立减${formatMoney(policy.referral.firstVisitDiscountFen, policy.currency)}`,
    ...rulesOf(policy),
  }
}

export async function mine(deps: Deps, patientId: string): Promise<MyReferrals> {
  const refs = await deps.store.query<ReferralDoc>(C.referrals, { where: { referrerPatientId: patientId }, orderBy: [['at', 'desc']], limit: 200 })
  const payouts = await deps.store.query<PayoutDoc>(C.payouts, { where: { referrerPatientId: patientId }, limit: 1000 })
  const friends = []
  for (const r of refs.filter((x) => x.status !== 'void')) {
    const friend = r.friendPatientId ? await deps.store.get<PatientDoc>(C.patients, r.friendPatientId) : null
    const user = r.friendOpenid ? await deps.store.get<UserDoc>(C.users, r.friendOpenid) : null
    // C2: the referrer sees a friend's display name and the reward, never what was treated.
    const friendName = friend ? publicName(friend) : user?.patientId ? '朋友' : user?.displayName && user.displayName !== '微信朋友' ? user.displayName : '朋友'
    const rewardFen = (r.fixedRewarded ? (await currentPolicy(deps.store)).referral.rewardBonusFen : 0) + r.sharedFen
    friends.push({ friendName, state: r.firstPaidAt ? 'paid' as const : 'claimed' as const, rewardFen, at: r.at })
  }
  return {
    card: await card(deps, patientId),
    friends,
    bonusBalanceFen: await bonusBalance(deps, patientId),
    payoutsDueFen: payouts.filter((p) => p.status === 'due').reduce((s, p) => s + p.amountFen, 0),
  }
}

// ---- the friend: landing page and coupon (R2, R6) ----

/** `noUser`: this WeChat user has no record yet, so no claim of theirs exists (a claim creates the user). */
interface FriendFacts { openid: string; patient: PatientDoc | null; noUser?: boolean }

async function friendFacts(deps: Deps, openid: string): Promise<FriendFacts> {
  const user = await deps.store.get<UserDoc>(C.users, openid)
  return { openid, patient: user?.patientId ? await deps.store.get<PatientDoc>(C.patients, user.patientId) : null, noUser: !user }
}

/** Runs every R6 check for this friend against this referrer; throws the first refusal. */
async function checkEligible(deps: Deps, referrer: PatientDoc, f: FriendFacts, existingId: string): Promise<void> {
  const who = {
    // The referrer's WeChat users that could be this friend: only the friend's own, when it is bound to
    // the referrer (a user names its patient record), so no query for all of them (issue 11).
    referrer: { patientId: referrer._id, phone: referrer.phone, familyHead: familyHead(referrer), openids: f.patient?._id === referrer._id ? [f.openid] : [] },
    friend: { openid: f.openid, patientId: f.patient?._id, phone: f.patient?.phone, familyHead: f.patient ? familyHead(f.patient) : undefined, hasPaid: f.patient ? hasPaid(f.patient) : false },
  }
  // R6 in its order; the claims already made come last, so they are read only when nothing before them refuses (issue 11).
  assertCanBeReferred(who.referrer, who.friend, { existing: false, phoneSeen: false })
  const unclaimed = f.noUser === true && existingId === referralIdForOpenid(f.openid)
  const existing = (unclaimed ? null : await deps.store.get<ReferralDoc>(C.referrals, existingId)) ?? (f.patient ? await deps.store.get<ReferralDoc>(C.referrals, referralIdForPatient(f.patient._id)) : null)
  const phoneSeen = f.patient?.phone ? (await deps.store.query<ReferralDoc>(C.referrals, { where: { friendPhone: f.patient.phone }, limit: 1 })).length > 0 : false
  assertCanBeReferred(who.referrer, who.friend, { existing: Boolean(existing && existing.status !== 'void'), phoneSeen })
}

export async function offer(deps: Deps, openid: string, code: string): Promise<ReferralOffer> {
  const referrer = await referrerByCode(deps, code, openid)
  const policy = await currentPolicy(deps.store)
  const base = {
    referrerDisplayName: publicName(referrer),
    discountFen: policy.referral.firstVisitDiscountFen,
    gift: policy.referral.firstVisitGift,
    validMonths: policy.referral.couponValidMonths,
    forFriend: rulesOf(policy).forFriend,
    chain: chainSettingsOf(policy, deps.clock.now()),
  }
  // A claim creates the friend's WeChat user in its transaction: no user, no claim to look up (issue 11).
  const friend = await friendFacts(deps, openid)
  const mineRef = friend.noUser ? null : await deps.store.get<ReferralDoc>(C.referrals, referralIdForOpenid(openid))
  if (mineRef && mineRef.referrerPatientId === referrer._id && mineRef.status !== 'void') {
    const [coupon] = await deps.store.query<CouponDoc>(C.coupons, { where: { referralId: mineRef._id }, limit: 1 })
    return { ...base, state: 'yours', couponId: coupon?._id }
  }
  try {
    await checkEligible(deps, referrer, friend, referralIdForOpenid(openid))
    return { ...base, state: 'available' }
  } catch (e) {
    const code = (e as DomainError).code
    const state = code === 'REFERRAL_SELF' || code === 'REFERRAL_FAMILY' ? 'own' : code === 'REFERRAL_EXISTING_PATIENT' ? 'existing_patient' : code === 'REFERRAL_TAKEN' || code === 'REFERRAL_DUPLICATE' ? 'taken' : null
    if (!state) throw e
    return { ...base, state }
  }
}

const couponView = (c: CouponDoc, referrerName: string, now: Date): CouponView => ({
  couponId: c._id, referrerDisplayName: referrerName, discountFen: c.discountFen, gift: c.gift, expiresAt: c.expiresAt,
  status: c.status === 'used' ? 'used' : c.status === 'active' && now.toISOString() <= c.expiresAt ? 'active' : 'expired',
})

/** R2: the friend takes the coupon; the referral and the coupon are written together, once. */
export async function takeCoupon(deps: Deps, openid: string, code: string, device?: string): Promise<CouponView> {
  const referrer = await referrerByCode(deps, code, openid)
  const policy = await currentPolicy(deps.store)
  const refId = referralIdForOpenid(openid)
  await checkEligible(deps, referrer, await friendFacts(deps, openid), refId)
  const now = deps.clock.now()
  const at = now.toISOString()
  const coupon: CouponDoc = {
    _id: newId('cp'), referralId: refId, referrerPatientId: referrer._id, friendOpenid: openid,
    discountFen: policy.referral.firstVisitDiscountFen, gift: policy.referral.firstVisitGift, issuedAt: at,
    expiresAt: validUntil(now, policy.referral.couponValidMonths, policy.timezone).toISOString(), status: 'active', policyVersion: policy.version,
  }
  try {
    await deps.store.transaction(async (tx) => {
      await tx.create<ReferralDoc>(C.referrals, {
        _id: refId, referrerPatientId: referrer._id, friendOpenid: openid, device: device?.slice(0, 80), source: 'coupon', at, status: 'pending',
        sharedFen: 0, fixedRewarded: false, revenueFen: 0, policyVersion: policy.version,
      })
      await tx.create(C.coupons, coupon)
      if (!(await tx.get<UserDoc>(C.users, openid))) await tx.create<UserDoc>(C.users, { _id: openid, displayName: '微信朋友', createdAt: at })
    })
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) throw new DomainError('REFERRAL_TAKEN') // a second claim lost the race
    throw e
  }
  return couponView(coupon, publicName(referrer), now)
}

export async function coupons(deps: Deps, openid: string): Promise<CouponView[]> {
  const now = deps.clock.now()
  const list = await deps.store.query<CouponDoc>(C.coupons, { where: { friendOpenid: openid }, orderBy: [['issuedAt', 'desc']], limit: 20 })
  const out: CouponView[] = []
  for (const c of list) out.push(couponView(c, c.referrerPatientId ? publicName(await loadPatient(deps, c.referrerPatientId)) : '合作伙伴', now))
  return out
}

function assertActive(c: CouponDoc, now: Date): void {
  if (c.status === 'used') throw new DomainError('COUPON_USED')
  if (c.status !== 'active' || now.toISOString() > c.expiresAt) throw new DomainError('COUPON_EXPIRED')
}

export async function couponCode(deps: Deps, openid: string, couponId: string) {
  const c = await deps.store.get<CouponDoc>(C.coupons, couponId)
  if (!c || c.friendOpenid !== openid) throw new DomainError('COUPON_NOT_FOUND')
  const now = deps.clock.now()
  assertActive(c, now)
  const { token, expiresAt } = deps.qr.sign('C', c._id, now, COUPON_CODE_TTL_SECONDS)
  return { token, shortCode: await issueShortCode(deps, token, expiresAt), expiresAt: expiresAt.toISOString(), ttlSeconds: COUPON_CODE_TTL_SECONDS }
}

/** S1: reception scans the friend's coupon code and gets a ticket to bill it. */
export async function scanCoupon(deps: Deps, token: string): Promise<ScannedCoupon> {
  const now = deps.clock.now()
  const v = deps.qr.verify(token, now)
  if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
  if (v.claims.kind !== 'C') throw new DomainError('CODE_WRONG_KIND')
  const c = await deps.store.get<CouponDoc>(C.coupons, v.claims.subject)
  if (!c) throw new DomainError('COUPON_NOT_FOUND')
  assertActive(c, now)
  const user = await deps.store.get<UserDoc>(C.users, c.friendOpenid)
  const holder = user?.patientId ? await deps.store.get<PatientDoc>(C.patients, user.patientId) : null
  const referrer = c.referrerPatientId ? await loadPatient(deps, c.referrerPatientId) : null
  const partner = c.partnerId ? await deps.store.get<PartnerDoc>(C.partners, c.partnerId) : null
  return {
    couponId: c._id, ticket: deps.qr.sign('T', c._id, now, COUPON_TICKET_TTL_SECONDS).token,
    holderName: holder?.name ?? user?.displayName ?? '朋友', holderPatientId: holder?._id,
    discountFen: c.discountFen, gift: c.gift, expiresAt: c.expiresAt,
    referrerDisplayName: referrer ? publicName(referrer) : partner?.name ?? '',
  }
}

export { assertActive as assertCouponActive, checkEligible, friendFacts }

/** R2: the coupon holder comes in and becomes a patient (or is linked to their record by phone). */
export async function registerHolder(deps: Deps, clinicId: string, input: { ticket: string; name?: string; phone?: string; birthday?: string }): Promise<{ patientId: string; name: string; recordNo: string }> {
  const v = deps.qr.verify(input.ticket, deps.clock.now())
  if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
  if (v.claims.kind !== 'T' || !v.claims.subject.startsWith('cp_')) throw new DomainError('CODE_WRONG_KIND')
  const coupon = await deps.store.get<CouponDoc>(C.coupons, v.claims.subject)
  if (!coupon) throw new DomainError('COUPON_NOT_FOUND')
  const onPhone = input.phone ? await recordsOnPhone(deps.store, input.phone) : []
  const patientId = await withRetry(() => deps.store.transaction((tx) =>
    linkUserToPatient(tx, { openid: coupon.friendOpenid, name: input.name, phone: input.phone, birthday: input.birthday, clinicId, onPhone, at: deps.clock.now().toISOString() })))
  const p = await loadPatient(deps, patientId)
  return { patientId, name: p.name, recordNo: p.recordNo }
}

/**
 * R1, issue 12 item 5: the code image the member's poster carries — WeChat's mini-program code for
 * scene `c=<referral code>` (the personal code, never an internal id; ≤ 32 characters), or locally a
 * QR of the H5 landing at `origin`. Nothing is recorded about the poster: making or sharing it earns
 * nothing (C1); only the personal code is made on first use, as for the card.
 * Not cached here (no cloud storage in this build); the page keeps it for the session.
 */
export async function posterCode(deps: Deps, patientId: string, origin?: string) {
  const code = await ensureReferralCode(deps, patientId)
  return deps.poster.referralCode({ page: LANDING_PAGE.slice(1), scene: `c=${code}`, code, origin })
}
