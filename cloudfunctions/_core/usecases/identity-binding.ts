/**
 * Issue 10: a WeChat user becomes a patient only with proof — a phone they verified (a one-time code,
 * or WeChat's own number on weapp) or the one-time binding code the desk shows in person. A typed
 * phone alone never binds anything.
 */
import { createHash, randomInt } from 'node:crypto'
import type { BindingCode, Persona, PhoneCodeSent, VerifiedPhone } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { checkCode, EMPTY_STATE, normalizePhone, planSend, provenPhone, verified, type PhoneCodeState } from '../../../src/domain/identity/phone-code'
import { PHONE_RULE } from '../../../src/domain/identity/rate-limit'
import { maskPhone } from '../../../src/domain/privacy'
import { isStoreError } from '../ports/store'
import type { Deps } from '../deps'
import { C, type ClinicDoc, type PatientDoc, type UserDoc } from '../model'
import { resolvePersona } from './identity'
import { recordsOnPhone } from './patients'
import { spendRate } from './rate-limit'
import { withRetry } from './retry'
import { newId } from '../ids'

export const BIND_PAGE = '/pages/bind/index'
export const BINDING_CODE_TTL_SECONDS = 5 * 60

type CheckDoc = PhoneCodeState & { _id: string }

const hashCode = (openid: string, phone: string, code: string) => createHash('sha256').update(`${openid}:${phone}:${code}`).digest('base64url')

function phoneOrFail(input: string): string {
  const phone = normalizePhone(input)
  if (!phone) throw new DomainError('PHONE_INVALID')
  return phone
}

async function assertUnbound(deps: Deps, openid: string): Promise<UserDoc | null> {
  const user = await deps.store.get<UserDoc>(C.users, openid)
  if (user?.patientId) throw new DomainError('ALREADY_BOUND')
  return user
}

/** Saves the next state only if nobody changed it since we read it (two taps cannot share a try). */
async function saveCheck(deps: Deps, before: CheckDoc | null, next: PhoneCodeState, openid: string): Promise<void> {
  const doc = { ...next, _id: openid }
  if (!before) {
    try { await deps.store.create(C.phoneChecks, doc) } catch (e) { if (isStoreError(e, 'DUPLICATE')) throw new DomainError('CONFLICT'); throw e }
    return
  }
  // A field never set is matched as absent (CloudBase and the embedded store agree on $exists).
  const expected = { tries: before.tries, sendsThisHour: before.sendsThisHour, sentAt: before.sentAt ?? { $exists: false } }
  const set: Record<string, unknown> = {}
  for (const k of ['phone', 'codeHash', 'sentAt', 'expiresAt', 'tries', 'hourFrom', 'sendsThisHour', 'verifiedPhone', 'verifiedUntil'] as const) set[k] = next[k]
  if (!(await deps.store.updateIf(C.phoneChecks, openid, expected, { set }))) throw new DomainError('CONFLICT')
}

export async function sendPhoneCode(deps: Deps, openid: string, phoneInput: string): Promise<PhoneCodeSent> {
  const phone = phoneOrFail(phoneInput)
  await assertUnbound(deps, openid)
  if (deps.phone.codeChannel === 'none') throw new DomainError('SMS_UNAVAILABLE')
  const now = deps.clock.now()
  await spendRate(deps.store, 'phone', openid, now, PHONE_RULE)
  const before = await deps.store.get<CheckDoc>(C.phoneChecks, openid)
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const plan = planSend(before ?? EMPTY_STATE, phone, hashCode(openid, phone, code), now)
  if (!plan.ok) throw new DomainError('RATE_LIMITED', { reason: plan.reason })
  await saveCheck(deps, before, plan.state, openid)
  await deps.phone.sendCode({ openid, phone }, code, now)
  return { maskedPhone: maskPhone(phone), expiresAt: plan.state.expiresAt!, resendAfter: new Date(now.getTime() + 60_000).toISOString() }
}

export async function verifyPhone(deps: Deps, openid: string, phoneInput: string, code: string): Promise<VerifiedPhone> {
  const phone = phoneOrFail(phoneInput)
  const now = deps.clock.now()
  await spendRate(deps.store, 'phone', openid, now, PHONE_RULE)
  const before = await deps.store.get<CheckDoc>(C.phoneChecks, openid)
  const verdict = checkCode(before ?? EMPTY_STATE, phone, hashCode(openid, phone, code.trim()), now)
  if (verdict.state !== before && before) await saveCheck(deps, before, verdict.state, openid)
  if (!verdict.ok) {
    const err = { no_code: 'PHONE_CODE_EXPIRED', expired: 'PHONE_CODE_EXPIRED', locked: 'PHONE_CODE_LOCKED', wrong: 'PHONE_CODE_WRONG' } as const
    throw new DomainError(err[verdict.reason])
  }
  return phoneRecords(deps, openid, phone, verdict.state.verifiedUntil!)
}

/** weapp: WeChat already verified the number behind the `getPhoneNumber` button. */
export async function verifyWeChatPhone(deps: Deps, openid: string, wxCode: string): Promise<VerifiedPhone> {
  const now = deps.clock.now()
  await spendRate(deps.store, 'phone', openid, now, PHONE_RULE)
  const phone = await deps.phone.phoneFromWeChat(wxCode)
  if (!phone) throw new DomainError('WECHAT_PHONE_FAILED')
  const before = await deps.store.get<CheckDoc>(C.phoneChecks, openid)
  const next = verified(before ?? EMPTY_STATE, phone, now)
  await saveCheck(deps, before, next, openid)
  return phoneRecords(deps, openid, phone, next.verifiedUntil!)
}

async function phoneRecords(deps: Deps, openid: string, phone: string, validUntil: string): Promise<VerifiedPhone> {
  const user = await deps.store.get<UserDoc>(C.users, openid)
  const clinics = new Map<string, string>()
  const records = []
  for (const p of await recordsOnPhone(deps.store, phone)) {
    if (!clinics.has(p.clinicId)) clinics.set(p.clinicId, (await deps.store.get<ClinicDoc>(C.clinics, p.clinicId))?.name ?? '')
    records.push({ patientId: p._id, name: p.name, birthYear: p.birthday?.slice(0, 4), clinicName: clinics.get(p.clinicId) ?? '', yours: user?.patientId === p._id })
  }
  return { maskedPhone: maskPhone(phone), records, validUntil }
}

/** Binds the caller to one record on the phone they proved in the last 10 minutes. */
export async function bindVerified(deps: Deps, openid: string, patientId: string): Promise<{ persona: Persona }> {
  const now = deps.clock.now()
  const phone = provenPhone(await deps.store.get<CheckDoc>(C.phoneChecks, openid), now)
  if (!phone) throw new DomainError('PHONE_NOT_VERIFIED')
  await bindInTx(deps, openid, patientId, { how: 'phone', phone })
  return { persona: await resolvePersona(deps.store, openid) }
}

/** The desk looked the patient up and shows this code on its screen; the patient scans it (proof of presence). */
export async function bindingCode(deps: Deps, patientId: string): Promise<BindingCode> {
  const p = await deps.store.get<PatientDoc>(C.patients, patientId)
  if (!p) throw new DomainError('PATIENT_NOT_FOUND')
  // The code names a random handle, not the record: nothing on the screen says who the patient is.
  const handle = newId('bc', 9)
  const now = deps.clock.now()
  const { token, expiresAt } = deps.qr.sign('B', handle, now, BINDING_CODE_TTL_SECONDS)
  await deps.store.create(C.bindCodes, { _id: handle, patientId: p._id, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
  return { token, path: `${BIND_PAGE}?b=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString(), ttlSeconds: BINDING_CODE_TTL_SECONDS, patientName: p.name }
}

export async function bindByDeskCode(deps: Deps, openid: string, token: string): Promise<{ persona: Persona }> {
  const v = deps.qr.verify(token, deps.clock.now())
  if (!v.ok) throw new DomainError(v.reason === 'expired' ? 'CODE_EXPIRED' : 'CODE_INVALID')
  if (v.claims.kind !== 'B') throw new DomainError('CODE_WRONG_KIND')
  try {
    const code = await deps.store.get<{ _id: string; patientId: string }>(C.bindCodes, v.claims.subject)
  if (!code) throw new DomainError('CODE_INVALID')
  await bindInTx(deps, openid, code.patientId, { how: 'desk_code', codeId: `B.${code._id}` })
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) throw new DomainError('CODE_USED') // another phone used it at the same moment
    throw e
  }
  return { persona: await resolvePersona(deps.store, openid) }
}

type Proof = { how: 'phone'; phone: string } | { how: 'desk_code'; codeId: string }

/** The binding itself: the user doc and, for a desk code, its single use, in one transaction. */
async function bindInTx(deps: Deps, openid: string, patientId: string, proof: Proof): Promise<void> {
  await withRetry(() => deps.store.transaction(async (tx) => {
    const at = deps.clock.now().toISOString()
    const user = await tx.get<UserDoc>(C.users, openid)
    if (user?.patientId) throw new DomainError('ALREADY_BOUND')
    const p = await tx.get<PatientDoc>(C.patients, patientId)
    if (!p) throw new DomainError('PATIENT_NOT_FOUND')
    if (proof.how === 'phone' && p.phone !== proof.phone) throw new DomainError('PHONE_NOT_MATCHING')
    if (proof.how === 'desk_code') {
      if (await tx.get(C.usedCodes, proof.codeId)) throw new DomainError('CODE_USED')
      await tx.create(C.usedCodes, { _id: proof.codeId, kind: 'B', subject: patientId, at, usedBy: openid })
    }
    await tx.set<UserDoc>(C.users, {
      ...user, _id: openid, displayName: user?.displayName ?? '微信用户', createdAt: user?.createdAt ?? at,
      patientId, boundAt: at, boundBy: proof.how, ...(proof.how === 'phone' ? { verifiedPhone: proof.phone } : {}),
    })
  }))
}
