/** F6 due reminders and F7 results of the friend card programme, for the director. */
import type { CardReminderView, CardSummary } from '../../../src/api/contract'
import { displayState, LIVE, type FriendCard } from '../../../src/domain/friendcard/card'
import { dueCardReminders } from '../../../src/domain/friendcard/reminders'
import { currentPolicy, type Deps } from '../deps'
import { C, type BillDoc, type PatientDoc } from '../model'
import { maskPhone } from '../../../src/domain/privacy'
import { pages } from './paging'


/** F6: every reminder due now, each with the key the outbox sends once (delivery: N3). */
export async function dueReminders(deps: Deps): Promise<CardReminderView[]> {
  const now = deps.clock.now()
  const policy = await currentPolicy(deps.store)
  const out: CardReminderView[] = []
  for await (const page of pages<FriendCard>(deps.store, C.friendCards, { where: { status: { $in: [...LIVE] } }, orderBy: [['issuedAt', 'asc']] })) {
    for (const c of page) out.push(...dueCardReminders(c, now, policy))
  }
  return out
}

/** F7: what the friend's visits brought in since they claimed the card (money actually paid). */
async function friendSpend(deps: Deps, c: FriendCard): Promise<number> {
  if (!c.friendPatientId || !c.claimedAt) return 0
  let sum = 0
  for await (const page of pages<BillDoc>(deps.store, C.bills, { where: { patientId: c.friendPatientId, at: { $gte: c.claimedAt } }, orderBy: [['at', 'asc']] })) {
    sum += page.reduce((s, b) => s + b.paidFen, 0)
  }
  return sum
}

export async function summary(deps: Deps): Promise<CardSummary> {
  const now = deps.clock.now()
  const counts: CardSummary['counts'] = { issued: 0, shared: 0, claimed: 0, registered: 0, redeemed: 0, usedUp: 0, expired: 0, revoked: 0 }
  const cards: CardSummary['cards'] = []
  let redeemedFen = 0
  let friendsRevenueFen = 0
  const names = new Map<string, { name: string; maskedPhone: string } | null>()
  for await (const page of pages<FriendCard>(deps.store, C.friendCards, { orderBy: [['issuedAt', 'desc']] })) {
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
      const spend = await friendSpend(deps, c)
      friendsRevenueFen += spend
      // F7, C2: staff see both people by the names on their records once registered, phones masked;
      // a friend not registered yet has no name here (a WeChat placeholder is not a name).
      const giver = await recordOf(deps, names, c.giverPatientId)
      const friend = c.friendPatientId ? await recordOf(deps, names, c.friendPatientId) : undefined
      cards.push({ cardId: c._id, giverName: giver?.name ?? c.giverDisplayName, giverMaskedPhone: giver?.maskedPhone, friendName: friend?.name, friendMaskedPhone: friend?.maskedPhone, state, balanceFen: c.balanceFen, friendSpendFen: spend })
    }
  }
  return { counts, redeemedFen, friendsRevenueFen, cards }
}

async function recordOf(deps: Deps, cache: Map<string, { name: string; maskedPhone: string } | null>, patientId: string) {
  if (!cache.has(patientId)) {
    const p = await deps.store.get<PatientDoc>(C.patients, patientId)
    cache.set(patientId, p ? { name: p.name, maskedPhone: maskPhone(p.phone) } : null)
  }
  return cache.get(patientId) ?? undefined
}
