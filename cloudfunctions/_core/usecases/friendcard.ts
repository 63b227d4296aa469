/**
 * Friends stored-value card use cases (F1–F7, S1, S3, C1–C3). The state machine is pure
 * (src/domain/friendcard); here it runs over the store. Every change of a card is a transaction
 * that also moves the programme's running totals (friendcard-totals.ts, issue 14), so two phones or
 * two desks cannot both win and the director's figures never drift from the cards.
 */
import type { CardOffer, CardRules, CardShare, CardState, GivenCard, IssuedCard, MyCards, ReceivedCard, ScannedCard } from '../../../src/api/contract'
import { dayjs } from '../../../src/domain/clock'
import { DomainError } from '../../../src/domain/errors'
import { claimCard, displayState, isExpired, issueCard, registerFriend, revokeCard, shareCard, type FriendCard } from '../../../src/domain/friendcard/card'
import { journal } from '../../../src/domain/journal'
import { formatMoney } from '../../../src/domain/policy-money'
import { CATEGORY_LABEL, type Policy } from '../../../src/domain/policy'
import { currentPolicy, type Deps } from '../deps'
import { chainSettingsOf } from '../chain-settings'
import { newToken } from '../ids'
import { C, type PatientDoc, type UserDoc } from '../model'
import { recordConsentInTx } from './consents'
import { linkUserToPatient, recordsOnPhone } from './patients'
import { publicName } from './public-profile'
import { withRetry } from './retry'
import { issueShortCode } from './short-codes'
import { noteFriendInTx, saveCardsInTx } from './friendcard-totals'

export const CARD_CODE_TTL_SECONDS = 60
export const CARD_TICKET_TTL_SECONDS = 30 * 60
export const CLAIM_PAGE = '/pages/card/claim/index'

/** F2, F4, F5, C3: the full rules, in words a patient understands, shown before sharing and claiming. */
export function cardRules(policy: Policy): CardRules {
  const fc = policy.friendCard
  const excluded = fc.excluded.filter((c) => c !== 'membership_fee')
  return {
    faceValueFen: fc.faceValueFen,
    validMonths: fc.validMonths,
    excludedCategories: fc.excluded,
    lines: [
      { zh: `面值${formatMoney(fc.faceValueFen, policy.currency)}，可用于任何人的任何治疗项目`, en: `Worth ${formatMoney(fc.faceValueFen, policy.currency)}, for any treatment, for anyone` },
      { zh: `不可用于${excluded.map((c) => CATEGORY_LABEL[c].zh).join('、')}`, en: `Not for ${excluded.map((c) => CATEGORY_LABEL[c].en.toLowerCase()).join(' or ')}` },
      { zh: '可分次使用，余额留在卡内；不兑现、不找零', en: 'Use it in parts; the rest stays on the card. No cash, no change' },
      { zh: `自发卡起${fc.validMonths}个月内有效；到店登记后不再过期`, en: `Valid ${fc.validMonths} months from issue; once you register at the clinic it no longer expires` },
      { zh: '赠卡是诊所的礼物，不出售', en: 'The card is a gift from the clinic and is never sold' },
    ],
  }
}

const ticketOrFail = (deps: Deps, ticket: string): string => {
  const v = deps.qr.verify(ticket, deps.clock.now())
  if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
  if (v.claims.kind !== 'T' || !v.claims.subject.startsWith('fc_')) throw new DomainError('CODE_WRONG_KIND')
  return v.claims.subject
}

export async function loadCard(deps: Deps, cardId: string): Promise<FriendCard> {
  const c = await deps.store.get<FriendCard>(C.friendCards, cardId)
  if (!c) throw new DomainError('CARD_NOT_FOUND')
  return c
}

/** One change of a card in a transaction, with the totals (an unchanged card writes nothing). */
async function changeCard(deps: Deps, cardId: string, change: (c: FriendCard, now: Date) => FriendCard): Promise<FriendCard> {
  return withRetry(() => deps.store.transaction(async (tx) => {
    const now = deps.clock.now()
    const c = await tx.get<FriendCard>(C.friendCards, cardId)
    if (!c) throw new DomainError('CARD_NOT_FOUND')
    const next = change(c, now)
    await saveCardsInTx(tx, [{ before: c, after: next }], now.toISOString())
    return next
  }))
}

// ---- staff: issue (F1, F2) ----

export async function issue(deps: Deps, staffId: string, input: { patientId: string; treatmentConfirmed: boolean; requestId: string }): Promise<IssuedCard> {
  if (!input.treatmentConfirmed) throw new DomainError('TREATMENT_NOT_CONFIRMED')
  const policy = await currentPolicy(deps.store)
  const now = deps.clock.now()
  const year = dayjs(now).tz(policy.timezone).year()
  const cardId = `fc_${input.requestId}`
  const giver = await deps.store.get<PatientDoc>(C.patients, input.patientId)
  if (!giver) throw new DomainError('PATIENT_NOT_FOUND')
  const giverName = publicName(giver) // C2: the name friends see, never the record's
  return withRetry(() => deps.store.transaction(async (tx) => {
    const existing = await tx.get<FriendCard>(C.friendCards, cardId)
    if (existing) {
      // S3: a double tap returns the card the first tap issued.
      if (existing.giverPatientId !== input.patientId) throw new DomainError('IDEMPOTENCY_MISMATCH')
      return issued(existing, giver.name)
    }
    const p = await tx.get<PatientDoc>(C.patients, input.patientId)
    if (!p) throw new DomainError('PATIENT_NOT_FOUND')
    // F1: the policy caps cards per member per calendar year; the quota document makes it exact.
    const quotaId = `cards:${p._id}:${year}`
    const quota = await tx.get<{ _id: string; issued: number }>(C.quotas, quotaId)
    if ((quota?.issued ?? 0) >= policy.friendCard.maxPerMemberPerYear) {
      throw new DomainError('CARD_LIMIT', { max: policy.friendCard.maxPerMemberPerYear, year })
    }
    await tx.set(C.quotas, { _id: quotaId, issued: (quota?.issued ?? 0) + 1 })
    const card = issueCard({ id: cardId, shareToken: newToken(), giverPatientId: p._id, giverDisplayName: giverName, staffId, now }, policy)
    await saveCardsInTx(tx, [{ before: null, after: card }], card.issuedAt)
    const j = journal({ id: card._id, at: card.issuedAt, actor: staffId })
    await tx.create(C.ledger, j.post({ kind: 'card_issue', part: 'issue', ownerId: card._id, patientId: card.giverPatientId, amountFen: card.faceValueFen, balanceBeforeFen: 0, memo: '发放亲友卡 card issued' }))
    return issued(card, p.name)
  }))
}

/** The consultant who issued it sees the member by the name on the record (staff, C2 allows). */
const issued = (c: FriendCard, giverRecordName: string): IssuedCard => ({ cardId: c._id, giverName: giverRecordName, faceValueFen: c.faceValueFen, expiresAt: c.expiresAt })

// ---- member: my cards, share (F1, F3, C1) ----

const stateOf = (c: FriendCard, now: Date): CardState => displayState(c, now)

export async function mine(deps: Deps, openid: string, patientId: string | null): Promise<MyCards> {
  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  const given = patientId ? await deps.store.query<FriendCard>(C.friendCards, { where: { giverPatientId: patientId }, orderBy: [['issuedAt', 'desc']], limit: 100 }) : []
  const received = await deps.store.query<FriendCard>(C.friendCards, { where: { friendOpenid: openid }, orderBy: [['claimedAt', 'desc']], limit: 100 })
  const friendNames = new Map<string, string>()
  for (const c of given) {
    if (c.friendOpenid && !friendNames.has(c.friendOpenid)) {
      friendNames.set(c.friendOpenid, (await deps.store.get<UserDoc>(C.users, c.friendOpenid))?.displayName ?? '朋友')
    }
  }
  return {
    rules: cardRules(policy),
    given: given.map((c): GivenCard => ({
      cardId: c._id, state: stateOf(c, now), faceValueFen: c.faceValueFen, balanceFen: c.balanceFen, issuedAt: c.issuedAt, expiresAt: c.expiresAt,
      friendName: c.friendOpenid ? friendNames.get(c.friendOpenid) : undefined, claimedAt: c.claimedAt, registered: Boolean(c.registeredAt),
    })),
    received: received.map((c): ReceivedCard => ({
      cardId: c._id, state: stateOf(c, now), giverDisplayName: c.giverDisplayName, faceValueFen: c.faceValueFen, balanceFen: c.balanceFen, expiresAt: c.registeredAt ? null : c.expiresAt,
    })),
  }
}

export async function share(deps: Deps, patientId: string, cardId: string): Promise<CardShare> {
  const c = await changeCard(deps, cardId, (cur, now) => shareCard(cur, patientId, now)) // another member's card: NOT_FOUND
  const { currency } = await currentPolicy(deps.store)
  return {
    cardId,
    token: c.shareToken,
    path: `${CLAIM_PAGE}?t=${encodeURIComponent(c.shareToken)}`,
    // C1: says plainly what it is; no exaggeration, no lure.
    title: `${c.giverDisplayName}送您一张${formatMoney(c.faceValueFen, currency)}亲友储值卡，可在牙友口腔用于治疗`,
  }
}

// ---- friend: landing page, claim, code (F3, N3) ----

async function cardByToken(deps: Deps, token: string): Promise<FriendCard> {
  const [c] = await deps.store.query<FriendCard>(C.friendCards, { where: { shareToken: token }, limit: 1 })
  if (!c) throw new DomainError('CARD_NOT_FOUND')
  return c
}

function availability(c: FriendCard, openid: string, patientId: string | null, now: Date): CardOffer['availability'] {
  if (c.status === 'revoked') return 'revoked'
  if (c.status === 'used_up') return c.friendOpenid === openid ? 'used_up' : 'taken'
  if (c.status === 'expired' || isExpired(c, now)) return 'expired'
  if (c.friendOpenid) return c.friendOpenid === openid ? 'yours' : 'taken'
  if (patientId && patientId === c.giverPatientId) return 'own'
  return 'available'
}

function offerOf(c: FriendCard, policy: Policy, openid: string, patientId: string | null, now: Date): CardOffer {
  const a = availability(c, openid, patientId, now)
  return {
    giverDisplayName: c.giverDisplayName,
    faceValueFen: c.faceValueFen,
    balanceFen: a === 'yours' || a === 'available' ? c.balanceFen : 0,
    expiresAt: c.registeredAt ? null : c.expiresAt,
    rules: cardRules(policy),
    availability: a,
    chain: chainSettingsOf(policy, now),
    ...(a === 'yours' ? { cardId: c._id } : {}),
  }
}

export async function offer(deps: Deps, openid: string, patientId: string | null, token: string): Promise<CardOffer> {
  return offerOf(await cardByToken(deps, token), await currentPolicy(deps.store), openid, patientId, deps.clock.now())
}

export async function claim(deps: Deps, openid: string, patientId: string | null, token: string, acceptReminders: boolean): Promise<CardOffer> {
  const found = await cardByToken(deps, token)
  const policy = await currentPolicy(deps.store)
  return withRetry(() => deps.store.transaction(async (tx) => {
    const now = deps.clock.now()
    const c = await tx.get<FriendCard>(C.friendCards, found._id)
    if (!c) throw new DomainError('CARD_NOT_FOUND')
    const next = claimCard(c, { openid, patientId: patientId ?? undefined }, now)
    const at = now.toISOString()
    await saveCardsInTx(tx, [{ before: c, after: next }], at)
    await noteFriendInTx(tx, next) // F7: the friend's later bills count on this card
    if (!(await tx.get<UserDoc>(C.users, openid))) await tx.create<UserDoc>(C.users, { _id: openid, displayName: '微信朋友', createdAt: at })
    if (acceptReminders) await recordConsentInTx(tx, openid, ['card_expiry'], 'claim', at)
    return offerOf(next, policy, openid, patientId, now)
  }))
}

export async function code(deps: Deps, openid: string, cardId: string) {
  const c = await loadCard(deps, cardId)
  if (c.friendOpenid !== openid) throw new DomainError('CARD_NOT_FOUND')
  const now = deps.clock.now()
  if (c.status === 'revoked') throw new DomainError('CARD_REVOKED')
  if (c.status === 'used_up') throw new DomainError('CARD_USED_UP')
  if (c.status === 'expired' || isExpired(c, now)) throw new DomainError('CARD_EXPIRED')
  const { token, expiresAt } = deps.qr.sign('F', c._id, now, CARD_CODE_TTL_SECONDS)
  return { token, shortCode: await issueShortCode(deps, token, expiresAt), expiresAt: expiresAt.toISOString(), ttlSeconds: CARD_CODE_TTL_SECONDS }
}

// ---- reception: scan, register, revoke (S1, F5) ----

async function scanned(deps: Deps, c: FriendCard, policy: Policy, ticket: string): Promise<ScannedCard> {
  const holder = c.friendOpenid ? await deps.store.get<UserDoc>(C.users, c.friendOpenid) : null
  const patient = holder?.patientId ? await deps.store.get<PatientDoc>(C.patients, holder.patientId) : null
  return {
    cardId: c._id, ticket, state: stateOf(c, deps.clock.now()),
    holderName: patient?.name ?? holder?.displayName ?? '朋友', giverDisplayName: c.giverDisplayName,
    holderPatientId: patient?._id, registered: Boolean(c.registeredAt),
    balanceFen: c.balanceFen, expiresAt: c.registeredAt ? null : c.expiresAt, excludedCategories: policy.friendCard.excluded,
  }
}

/** S1: a friend card code, once. A used or old code (a screenshot) is refused. */
export async function scanCard(deps: Deps, token: string): Promise<ScannedCard> {
  const now = deps.clock.now()
  const v = deps.qr.verify(token, now)
  if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
  if (v.claims.kind !== 'F') throw new DomainError('CODE_WRONG_KIND')
  const c = await loadCard(deps, v.claims.subject)
  if (c.status === 'revoked') throw new DomainError('CARD_REVOKED')
  if (c.status === 'used_up') throw new DomainError('CARD_USED_UP')
  if (c.status === 'expired' || isExpired(c, now)) throw new DomainError('CARD_EXPIRED', { expiresAt: c.expiresAt })
  if (c.status !== 'claimed') throw new DomainError('CARD_NOT_CLAIMED')
  try {
    await deps.store.create(C.usedCodes, { _id: token.split('.').slice(-1)[0], kind: 'F', subject: c._id, at: now.toISOString() })
  } catch {
    throw new DomainError('CODE_USED')
  }
  const ticket = deps.qr.sign('T', c._id, now, CARD_TICKET_TTL_SECONDS).token
  return scanned(deps, c, await currentPolicy(deps.store), ticket)
}

/** F5: the friend came in. An existing patient (same WeChat user or phone) is linked; else a record is made. */
export async function register(deps: Deps, staffId: string, clinicId: string, input: { ticket: string; name?: string; phone?: string; birthday?: string }): Promise<ScannedCard> {
  const cardId = ticketOrFail(deps, input.ticket)
  const policy = await currentPolicy(deps.store)
  const found = await loadCard(deps, cardId)
  if (!found.friendOpenid) throw new DomainError('CARD_NOT_CLAIMED')
  const onPhone = input.phone ? await recordsOnPhone(deps.store, input.phone) : []
  const card = await withRetry(() => deps.store.transaction(async (tx) => {
    const now = deps.clock.now()
    const c = await tx.get<FriendCard>(C.friendCards, cardId)
    if (!c || !c.friendOpenid) throw new DomainError('CARD_NOT_FOUND')
    const patientId = await linkUserToPatient(tx, { openid: c.friendOpenid, name: input.name, phone: input.phone, birthday: input.birthday, clinicId, onPhone, at: now.toISOString() })
    const next = registerFriend(c, patientId, staffId, now)
    await saveCardsInTx(tx, [{ before: c, after: next }], now.toISOString())
    await noteFriendInTx(tx, next)
    return next
  }))
  return scanned(deps, card, policy, input.ticket)
}

export async function revoke(deps: Deps, staffId: string, cardId: string, reason: string): Promise<{ cardId: string; state: CardState }> {
  return withRetry(() => deps.store.transaction(async (tx) => {
    const now = deps.clock.now()
    const c = await tx.get<FriendCard>(C.friendCards, cardId)
    if (!c) throw new DomainError('CARD_NOT_FOUND')
    const next = revokeCard(c, staffId, reason, now)
    await saveCardsInTx(tx, [{ before: c, after: next }], now.toISOString())
    if (c.balanceFen > 0) {
      const j = journal({ id: c._id, at: now.toISOString(), actor: staffId })
      await tx.create(C.ledger, j.post({ kind: 'card_expire', part: 'revoke', ownerId: c._id, patientId: c.giverPatientId, amountFen: -c.balanceFen, balanceBeforeFen: c.balanceFen, memo: `作废 revoked: ${reason.trim()}` }))
    }
    return { cardId, state: stateOf(next, now) }
  }))
}

/** The card a bill may use: from the desk's ticket (F4), checked again inside the bill's transaction. */
export const cardIdFromTicket = ticketOrFail
