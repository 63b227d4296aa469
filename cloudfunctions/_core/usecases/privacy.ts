/**
 * C2: the privacy notice at first use and the consent log. Acceptance is recorded on the WeChat
 * user's document (what the app asks about) and in their consent log (when and which version),
 * in one transaction; accepting the same version again writes nothing.
 */
import type { ConsentLog, ConsentLogEntry, PrivacyAccepted, PrivacyStatus } from '../../../src/api/privacy'
import { DomainError } from '../../../src/domain/errors'
import { defaultDisplayName } from '../../../src/domain/identity/public-name'
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice'
import type { TemplateKey } from '../../../src/domain/notify/messages'
import { TEMPLATE_LABEL } from '../../../src/services/format'
import type { Deps } from '../deps'
import { C, type ConsentDoc, type PatientDoc, type UserDoc } from '../model'
import { withRetry } from './retry'

/** The template key a privacy acceptance is logged under in the consents document. */
export const PRIVACY_LOG_KEY = 'privacy_notice'

export async function noticeStatus(deps: Deps, openid: string): Promise<PrivacyStatus> {
  const user = await deps.store.get<UserDoc>(C.users, openid)
  return { notice: PRIVACY_NOTICE, acceptedVersion: user?.privacyAcceptedVersion ?? null, acceptedAt: user?.privacyAcceptedAt ?? null }
}

/** Records that this WeChat user agreed to `version`, which must be the current notice. */
export async function acceptNotice(deps: Deps, openid: string, version: string): Promise<PrivacyAccepted> {
  if (version !== PRIVACY_NOTICE_VERSION) throw new DomainError('PRIVACY_VERSION_STALE', { version, current: PRIVACY_NOTICE_VERSION })
  const at = deps.clock.now().toISOString()
  return withRetry(() => deps.store.transaction(async (tx) => {
    const user = await tx.get<UserDoc>(C.users, openid)
    if (user?.privacyAcceptedVersion === version && user.privacyAcceptedAt) return { version, acceptedAt: user.privacyAcceptedAt, replayed: true }
    // A WeChat user the clinic does not know yet (a friend who opened a link) gets a user document,
    // as claiming a card or taking a coupon would give them.
    await tx.set<UserDoc>(C.users, { _id: openid, displayName: '微信朋友', createdAt: at, ...user, privacyAcceptedVersion: version, privacyAcceptedAt: at })
    const consents = await tx.get<ConsentDoc>(C.consents, openid)
    const entry = { at, template: PRIVACY_LOG_KEY, source: 'privacy_notice', version }
    await tx.set<ConsentDoc>(C.consents, { _id: openid, counts: consents?.counts ?? {}, log: [...(consents?.log ?? []), entry] })
    return { version, acceptedAt: at, replayed: false }
  }))
}

/** Every WeChat identity bound to this patient record (the caller's first). */
export async function openidsOf(deps: Deps, patientId: string, caller: string): Promise<string[]> {
  const users = await deps.store.query<UserDoc>(C.users, { where: { patientId }, limit: 20 })
  return [...new Set([caller, ...users.map((u) => u._id)])]
}

const SOURCE_LABEL: Record<string, string> = {
  inbox: '消息页订阅',
  claim: '领取亲友卡时订阅',
  coupon: '领取优惠券时订阅',
  privacy_notice: '首次使用时的隐私告知',
  demo: '订阅提醒',
}

function logEntry(e: ConsentDoc['log'][number]): ConsentLogEntry {
  if (e.template === PRIVACY_LOG_KEY) {
    return { at: e.at, kind: 'privacy', what: `同意《${PRIVACY_NOTICE.title}》（${e.version ?? '早期'}版）`, source: e.source === 'privacy_notice' ? SOURCE_LABEL.privacy_notice : '隐私告知' }
  }
  const label = TEMPLATE_LABEL[e.template as TemplateKey]?.zh ?? '消息提醒'
  return { at: e.at, kind: 'subscribe', what: `同意接收一次“${label}”`, source: SOURCE_LABEL[e.source] ?? '订阅提醒' }
}

/** C2, N3, M4: the consents this patient gave, newest first, and the standing family consents. */
export async function consentLog(deps: Deps, patientId: string, caller: string): Promise<ConsentLog> {
  const openids = await openidsOf(deps, patientId, caller)
  const entries: ConsentLogEntry[] = []
  let privacy: ConsentLog['privacy'] = null
  for (const openid of openids) {
    const [doc, user] = await Promise.all([deps.store.get<ConsentDoc>(C.consents, openid), deps.store.get<UserDoc>(C.users, openid)])
    entries.push(...(doc?.log ?? []).map(logEntry))
    if (user?.privacyAcceptedVersion && user.privacyAcceptedAt && (!privacy || user.privacyAcceptedAt > privacy.acceptedAt)) {
      privacy = { version: user.privacyAcceptedVersion, acceptedAt: user.privacyAcceptedAt }
    }
  }
  entries.sort((a, b) => b.at.localeCompare(a.at))
  const me = await deps.store.get<PatientDoc>(C.patients, patientId)
  const standing: ConsentLog['standing'] = []
  for (const memberId of me?.standingConsent ?? []) {
    const m = await deps.store.get<PatientDoc>(C.patients, memberId)
    // Another person: named as friends see names (surname + *), never in full (C2).
    if (m) standing.push({ memberName: defaultDisplayName(m.name), since: m.familySince })
  }
  let standingFromOwner: boolean | null = null
  if (me?.familyOwnerId) {
    const owner = await deps.store.get<PatientDoc>(C.patients, me.familyOwnerId)
    standingFromOwner = (owner?.standingConsent ?? []).includes(patientId)
  }
  return { entries, privacy, standing, standingFromOwner }
}
