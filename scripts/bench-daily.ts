/**
 * `npm run bench` part: the daily job (N1) on a generated population, to show that its cost grows
 * with what is due, not with the number of patients. Two runs with the same 10,000 due items:
 * 200,000 patients with 1,000,000 friend cards, and 20,000 patients with 100,000 cards.
 * The population is written straight into SQLite (bench set-up only); the job itself runs through
 * the store port like everywhere else. Each run starts from a previous run's window, as in production.
 */
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { C } from '../cloudfunctions/_core/model'
import type { DailySummary } from '../cloudfunctions/_core/usecases/daily'
import { TEMPLATES } from '../src/domain/notify/messages'

const DAY = 86_400_000
/** 09:00 in Shanghai; the previous run was yesterday at the same time. */
const NOW = new Date('2027-03-10T01:00:00Z')
const iso = (ms: number) => new Date(ms).toISOString()

/** The due items, the same in both populations (10,000 in all). */
export const DUE = { cardsExpiring: 3_000, expiryReminders: 3_000, unsharedReminders: 1_000, annualLapsing: 1_000, m7: 1_000, birthdays: 1_000 }
const DUE_TOTAL = Object.values(DUE).reduce((a, b) => a + b, 0)
const DUE_CARDS = DUE.cardsExpiring + DUE.expiryReminders + DUE.unsharedReminders

interface Population { patients: number; cards: number }

async function populate(cloud: LocalCloud, pop: Population): Promise<void> {
  const db = cloud.store.db
  for (const coll of [C.patients, C.friendCards, C.users, C.consents, C.jobs]) await cloud.store.count(coll) // tables and indexes
  const ins = (coll: string) => db.prepare(`INSERT OR REPLACE INTO "c_${coll}" (id, data) VALUES (?, ?)`)
  const put = { patients: ins(C.patients), cards: ins(C.friendCards), users: ins(C.users), consents: ins(C.consents), jobs: ins(C.jobs) }
  const now = NOW.getTime()
  // Yesterday's run covered everything up to 24 hours ago.
  put.jobs.run('daily', JSON.stringify({ _id: 'daily', leaseUntil: null, run: null, last: { from: iso(now - 2 * DAY), to: iso(now - DAY), finishedAt: iso(now - DAY) } }))
  db.transaction(() => {
    let dueP = 0
    for (let i = 0; i < pop.patients; i++) {
      const _id = `p${i}`
      // The first 3,000 patients carry the due membership items and birthdays; the rest are quiet.
      let tier = i % 3 === 0 ? 'annual' : i % 3 === 1 ? 'lifetime' : 'none'
      let annualUntil: string | undefined = tier === 'annual' ? iso(now + (60 + (i % 200)) * DAY) : undefined
      let birthdayMd = `${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
      if (birthdayMd === '03-10') birthdayMd = '03-11'
      if (dueP < DUE.annualLapsing) { tier = 'annual'; annualUntil = iso(now - DAY / 2) }
      else if (dueP < DUE.annualLapsing + DUE.m7) { tier = 'annual'; annualUntil = iso(now + 30 * DAY - DAY / 2) }
      else if (dueP < DUE.annualLapsing + DUE.m7 + DUE.birthdays) { tier = 'lifetime'; birthdayMd = '03-10' }
      dueP++
      put.patients.run(_id, JSON.stringify({ _id, recordNo: String(100000 + i), name: `会员${i}`, phone: `139${String(i).padStart(8, '0')}`, clinicId: 'clinic_sh', createdAt: iso(now - 400 * DAY), tier, annualUntil, cumulativeSpendFen: 100_000, birthday: `1980-${birthdayMd}`, birthdayMd }))
      if (i < 3_000) {
        put.users.run(`wx${i}`, JSON.stringify({ _id: `wx${i}`, displayName: `会员${i}`, patientId: _id, createdAt: iso(now - 400 * DAY) }))
        put.consents.run(`wx${i}`, JSON.stringify({ _id: `wx${i}`, counts: Object.fromEntries(TEMPLATES.map((t) => [t, 5])), log: [] }))
      }
    }
    for (let i = 0; i < pop.cards; i++) {
      const _id = `fc${i}`
      // Due cards belong to the first 3,000 patients (who use WeChat), so both runs send the same.
      const giver = `p${i < DUE_CARDS ? i % 3_000 : i % pop.patients}`
      let status = ['expired', 'used_up', 'expired', 'revoked'][i % 4]
      let issued = now - (200 + (i % 500)) * DAY
      let expires = issued + 92 * DAY
      let extra: Record<string, unknown> = {}
      if (i < DUE.cardsExpiring) { status = 'shared'; issued = now - 93 * DAY; expires = now - DAY / 2 }
      else if (i < DUE.cardsExpiring + DUE.expiryReminders) {
        const d = [30, 14, 3][i % 3]
        status = 'claimed'; issued = now - 40 * DAY; expires = now + d * DAY - DAY / 2
        // Partly used, so the giver's "not used yet" reminder (F6) is not due as well.
        extra = { friendOpenid: `wx${i % 3_000}`, claimedAt: iso(now - 39 * DAY), balanceFen: 30_000 }
      } else if (i < DUE.cardsExpiring + DUE.expiryReminders + DUE.unsharedReminders) { status = 'issued'; issued = now - 3 * DAY - DAY / 2; expires = issued + 92 * DAY }
      else if (i % 10 === 0) {
        // Live cards whose reminders are not due today; registered ones past their date never expire.
        status = 'claimed'; issued = now - (100 + (i % 300)) * DAY; expires = issued + 92 * DAY
        extra = { friendOpenid: `friend${i}`, claimedAt: iso(issued + DAY), registeredAt: iso(issued + 2 * DAY), friendPatientId: giver }
      }
      put.cards.run(_id, JSON.stringify({
        _id, policyVersion: 1, giverPatientId: giver, giverDisplayName: `会员${i % pop.patients}`, faceValueFen: 60_000, balanceFen: status === 'used_up' ? 0 : 60_000,
        issuedAt: iso(issued), issuedBy: 'staff_con_sh', expiresAt: iso(expires), shareToken: `tok${i}`, status,
        history: [{ at: iso(issued), actor: 'staff_con_sh', event: 'issued', amountFen: 60_000 }], rev: 1, ...extra,
      }))
    }
  })()
  db.exec('ANALYZE')
}

async function once(pop: Population): Promise<{ seconds: number; summary: DailySummary }> {
  const clock = new LocalClock()
  clock.pin(NOW)
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64), demo: false })
  const t0 = process.hrtime.bigint()
  await populate(cloud, pop)
  const setup = Number(process.hrtime.bigint() - t0) / 1e9
  const t1 = process.hrtime.bigint()
  const r = await cloud.runDaily()
  const seconds = Number(process.hrtime.bigint() - t1) / 1e9
  await cloud.close()
  if (!r.ok) throw new Error(r.error.message.en)
  const s = r.data
  const handled = s.annualLapsed + s.cardsExpired + Object.values(s.queued).reduce((a, b) => a + b, 0)
  console.log(`  ${pop.patients.toLocaleString('en-US').padStart(7)} patients, ${pop.cards.toLocaleString('en-US').padStart(9)} cards: ${seconds.toFixed(2).padStart(6)} s  (set-up ${setup.toFixed(0)} s; expired ${s.annualLapsed + s.cardsExpired}, queued ${handled - s.annualLapsed - s.cardsExpired}, sent ${s.delivery.sent}, skipped ${s.delivery.skipped})`)
  if (handled !== DUE_TOTAL) throw new Error(`expected ${DUE_TOTAL} due items handled, got ${handled}: ${JSON.stringify(s)}`)
  return { seconds, summary: s }
}

export async function benchDaily(scale = 1): Promise<void> {
  console.log(`\ndaily job (N1): ${DUE_TOTAL.toLocaleString('en-US')} due items, then delivery (goal: ratio under 1.5, large run under 10 s)`)
  const large = await once({ patients: 200_000 * scale, cards: 1_000_000 * scale })
  const small = await once({ patients: 20_000 * scale, cards: 100_000 * scale })
  const ratio = large.seconds / small.seconds
  console.log(`  ratio large/small: ${ratio.toFixed(2)} — ${ratio < 1.5 ? 'within the goal' : 'OVER THE GOAL'}; large run ${large.seconds < 10 ? 'under' : 'OVER'} 10 s`)
}

if (require.main === module) {
  benchDaily(Number(process.env.BENCH_SCALE ?? 1)).catch((e) => { console.error(e); process.exit(1) })
}
