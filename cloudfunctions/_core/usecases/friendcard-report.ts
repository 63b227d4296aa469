/** F6 due reminders and F7 results of the friend card programme, for the director. */
import type { CardReminderView, CardSummary } from '../../../src/api/contract'
import { displayState, isExpired, LIVE, type FriendCard } from '../../../src/domain/friendcard/card'
import { dueCardReminders } from '../../../src/domain/friendcard/reminders'
import { currentPolicy, type Deps } from '../deps'
import { C, type PatientDoc } from '../model'
import { maskPhone } from '../../../src/domain/privacy'
import { rangePages } from './range-pages'
import type { Store, Where } from '../ports/store'
import { addFigures, NO_FIGURES, type CardFigures } from '../../../src/domain/friendcard/figures'
import { SHARD_IDS, type CardTotalsDoc } from './friendcard-totals'

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

/** A page of cards newest first, after the cursor (ties at one instant in id order, as the store returns them). */
async function cardPage(store: Store, before?: string): Promise<{ cards: FriendCard[]; more: boolean }> {
  const cut = before ? before.lastIndexOf('|') : -1
  const at = cut > 0 ? before!.slice(0, cut) : undefined
  const id = cut > 0 ? before!.slice(cut + 1) : ''
  const out: FriendCard[] = []
  const where: Where = at ? { issuedAt: { $lte: at } } : {}
  for await (const page of rangePages<FriendCard>(store, C.friendCards, { where, key: 'issuedAt', dir: 'desc' }, CARD_PAGE + 1)) {
    for (const c of page) {
      if (at && c.issuedAt === at && c._id <= id) continue
      out.push(c)
      if (out.length > CARD_PAGE) return { cards: out.slice(0, CARD_PAGE), more: true }
    }
  }
  return { cards: out, more: false }
}

/**
 * F5: live cards past their validity that the daily sweep (N1) has not expired yet, shown as expired
 * as each card shows itself (`displayState`). The sweep has handled everything that ran out before
 * its last finished window's end, so only the range since then is read (a registered card there
 * never expires and is skipped).
 */
async function unswept(store: Store, now: Date): Promise<number> {
  const job = await store.get<{ _id: string; last?: { to: string } }>(C.jobs, 'daily')
  const where: Where = { status: { $in: [...LIVE] }, expiresAt: { ...(job?.last ? { $gte: job.last.to } : {}), $lt: now.toISOString() } }
  let n = 0
  for await (const page of rangePages<FriendCard>(store, C.friendCards, { where, key: 'expiresAt', dir: 'asc' })) n += page.filter((c) => isExpired(c, now)).length
  return n
}

/**
 * F7 results over every card ever issued, from the running totals (friendcard-totals.ts), and the
 * cards a page at a time: `before` is the previous page's `nextBefore`. Reads the same few
 * documents however long the history (issue 14 item 6).
 */
export async function summary(deps: Deps, before?: string): Promise<CardSummary> {
  const now = deps.clock.now()
  const shards = await Promise.all(SHARD_IDS.map((id) => deps.store.get<CardTotalsDoc>(C.cardTotals, id)))
  const f = shards.reduce<CardFigures>((sum, d) => (d ? addFigures(sum, d) : sum), NO_FIGURES)
  const counts: CardSummary['counts'] = {
    issued: f.issued, shared: f.shared, claimed: f.claimed, registered: f.registered, redeemed: f.redeemed,
    usedUp: f.usedUp, expired: f.expired + (await unswept(deps.store, now)), revoked: f.revoked,
  }
  const page = await cardPage(deps.store, before)
  const names = new Map<string, { name: string; maskedPhone: string } | null>()
  const cards: CardSummary['cards'] = []
  for (const c of page.cards) {
    // F7, C2: staff see both people by the names on their records once registered, phones masked;
    // a friend not registered yet has no name here (a WeChat placeholder is not a name).
    const giver = await recordOf(deps, names, c.giverPatientId)
    const friend = c.friendPatientId ? await recordOf(deps, names, c.friendPatientId) : undefined
    cards.push({ cardId: c._id, giverName: giver?.name ?? c.giverDisplayName, giverMaskedPhone: giver?.maskedPhone, friendName: friend?.name, friendMaskedPhone: friend?.maskedPhone, state: displayState(c, now), balanceFen: c.balanceFen, friendSpendFen: c.friendSpendFen ?? 0 })
  }
  const last = page.cards[page.cards.length - 1]
  return { counts, redeemedFen: f.redeemedFen, friendsRevenueFen: f.friendsRevenueFen, cards, ...(page.more && last ? { nextBefore: cursorOf(last) } : {}) }
}

async function recordOf(deps: Deps, cache: Map<string, { name: string; maskedPhone: string } | null>, patientId: string) {
  if (!cache.has(patientId)) {
    const p = await deps.store.get<PatientDoc>(C.patients, patientId)
    cache.set(patientId, p ? { name: p.name, maskedPhone: maskPhone(p.phone) } : null)
  }
  return cache.get(patientId) ?? undefined
}
