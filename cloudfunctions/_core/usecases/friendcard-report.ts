/** F6 due reminders and F7 results of the friend card programme, for the director. */
import type { CardReminderView, CardSummary } from '../../../src/api/contract'
import { displayState, LIVE, type FriendCard } from '../../../src/domain/friendcard/card'
import { dueCardReminders } from '../../../src/domain/friendcard/reminders'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PatientDoc } from '../model'
import { maskPhone } from '../../../src/domain/privacy'
import { rangePages } from './range-pages'
import type { Store, Where } from '../ports/store'

/**
 * F6: every reminder due now, each with the key the outbox sends once (delivery: N3). A card can
 * have one only while it is live and not expired, or — registered, so it never expires (F5) — while
 * it is claimed and still holds its whole face value (the giver's "not used yet"). Issue 14: both
 * are ranges on an index, so the cards that ended or were spent in past years are never read.
 */
export async function dueReminders(deps: Deps): Promise<CardReminderView[]> {
  const now = deps.clock.now()
  const nowIso = now.toISOString()
  const policy = await currentPolicy(deps.store)
  const cards: FriendCard[] = []
  const take = async (where: Where) => {
    for await (const page of rangePages<FriendCard>(deps.store, C.friendCards, { where, key: 'expiresAt', dir: 'asc' })) cards.push(...page)
  }
  await take({ status: { $in: [...LIVE] }, expiresAt: { $gte: nowIso } })
  for (const face of await faceValues(deps)) await take({ status: 'claimed', balanceFen: face, expiresAt: { $lt: nowIso } })
  // The order of the answer as before: by issue, ties by id.
  cards.sort((a, b) => (a.issuedAt === b.issuedAt ? (a._id < b._id ? -1 : 1) : a.issuedAt < b.issuedAt ? -1 : 1))
  return cards.flatMap((c) => dueCardReminders(c, now, policy))
}

/**
 * The face values claimed cards were issued with (one per policy change of F2): one indexed read
 * each, ordered wholly by the index (with `_id`) so that the first document is found without sorting.
 */
async function faceValues(deps: Deps): Promise<number[]> {
  const out: number[] = []
  for (;;) {
    const below = out.length ? { $lt: out[out.length - 1] } : { $gte: 0 }
    const [next] = await deps.store.query<FriendCard>(C.friendCards, { where: { status: 'claimed', faceValueFen: below }, orderBy: [['faceValueFen', 'desc'], ['_id', 'desc']], limit: 1 })
    if (!next) return out
    out.push(next.faceValueFen)
  }
}

/** F7: the cards shown a page at a time, newest first (the figures above them cover every card). */
export const CARD_PAGE = 100

const cursorOf = (c: FriendCard) => `${c.issuedAt}|${c._id}`
/** After the cursor in the newest-first order (ties in id order, as the store returns them). */
function afterCursor(before?: string): (c: FriendCard) => boolean {
  if (!before) return () => true
  const cut = before.lastIndexOf('|')
  const at = before.slice(0, cut)
  const id = before.slice(cut + 1)
  return (c) => c.issuedAt < at || (c.issuedAt === at && c._id > id)
}

/**
 * F7: what each friend's visits brought in since they claimed their card (money actually paid).
 * One query for up to 100 friends' bills, not one per card.
 */
export async function friendSpends(store: Store, claims: Array<{ cardId: string; patientId: string; claimedAt: string }>): Promise<Map<string, number>> {
  const spend = new Map<string, number>()
  for (let i = 0; i < claims.length; i += 100) {
    const chunk = claims.slice(i, i + 100)
    const since = chunk.reduce((m, c) => (c.claimedAt < m ? c.claimedAt : m), chunk[0].claimedAt)
    const ids = [...new Set(chunk.map((c) => c.patientId))]
    const bills = new Map<string, BillDoc[]>()
    // Paged on the patient (index patientId+at): ordered by time, SQLite would walk every bill since `since`.
    for await (const page of rangePages<BillDoc>(store, C.bills, { where: { patientId: { $in: ids }, at: { $gte: since } }, key: 'patientId', dir: 'asc' })) {
      for (const b of page) {
        if (!bills.has(b.patientId)) bills.set(b.patientId, [])
        bills.get(b.patientId)!.push(b)
      }
    }
    for (const c of chunk) spend.set(c.cardId, (bills.get(c.patientId) ?? []).filter((b) => b.at >= c.claimedAt).reduce((s, b) => s + b.paidFen, 0))
  }
  return spend
}

/**
 * F7 results over every card ever issued (issue 14: still a scan of all cards — running totals
 * would need the card and bill transactions to keep them), with the card list paged: `before` is
 * the previous page's `nextBefore`.
 */
export async function summary(deps: Deps, before?: string): Promise<CardSummary> {
  const now = deps.clock.now()
  const counts: CardSummary['counts'] = { issued: 0, shared: 0, claimed: 0, registered: 0, redeemed: 0, usedUp: 0, expired: 0, revoked: 0 }
  const shown: Array<{ c: FriendCard; state: CardSummary['cards'][number]['state'] }> = []
  const claims: Array<{ cardId: string; patientId: string; claimedAt: string }> = []
  const wanted = afterCursor(before)
  let more = false
  let redeemedFen = 0
  for await (const page of rangePages<FriendCard>(deps.store, C.friendCards, { where: {}, key: 'issuedAt', dir: 'desc' })) {
    for (const c of page) {
      const state = displayState(c, now)
      const redeemed = c.history.filter((h) => h.event === 'redeemed').reduce((s, h) => s + (h.amountFen ?? 0), 0)
      counts.issued++
      if (c.sharedAt) counts.shared++
      if (c.claimedAt) counts.claimed++
      if (c.registeredAt) counts.registered++
      if (redeemed > 0) counts.redeemed++
      if (state === 'used_up') counts.usedUp++
      if (state === 'expired') counts.expired++
      if (state === 'revoked') counts.revoked++
      redeemedFen += redeemed
      if (c.friendPatientId && c.claimedAt) claims.push({ cardId: c._id, patientId: c.friendPatientId, claimedAt: c.claimedAt })
      if (wanted(c)) {
        if (shown.length < CARD_PAGE) shown.push({ c, state })
        else more = true
      }
    }
  }
  const spend = await friendSpends(deps.store, claims)
  const friendsRevenueFen = [...spend.values()].reduce((s, n) => s + n, 0)
  const names = new Map<string, { name: string; maskedPhone: string } | null>()
  const cards: CardSummary['cards'] = []
  for (const { c, state } of shown) {
    // F7, C2: staff see both people by the names on their records once registered, phones masked;
    // a friend not registered yet has no name here (a WeChat placeholder is not a name).
    const giver = await recordOf(deps, names, c.giverPatientId)
    const friend = c.friendPatientId ? await recordOf(deps, names, c.friendPatientId) : undefined
    cards.push({ cardId: c._id, giverName: giver?.name ?? c.giverDisplayName, giverMaskedPhone: giver?.maskedPhone, friendName: friend?.name, friendMaskedPhone: friend?.maskedPhone, state, balanceFen: c.balanceFen, friendSpendFen: spend.get(c._id) ?? 0 })
  }
  const last = shown[shown.length - 1]
  return { counts, redeemedFen, friendsRevenueFen, cards, ...(more && last ? { nextBefore: cursorOf(last.c) } : {}) }
}

async function recordOf(deps: Deps, cache: Map<string, { name: string; maskedPhone: string } | null>, patientId: string) {
  if (!cache.has(patientId)) {
    const p = await deps.store.get<PatientDoc>(C.patients, patientId)
    cache.set(patientId, p ? { name: p.name, maskedPhone: maskPhone(p.phone) } : null)
  }
  return cache.get(patientId) ?? undefined
}
