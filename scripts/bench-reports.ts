/**
 * `npm run bench` part (issue 14 item 6): every staff report on the demo chain with 1× and 10× the
 * old history (bills, ledger entries, referrals, payouts, friend cards, messages, audit rows and
 * gift lists dated before the report period) and the SAME recent activity in the period. A report
 * that reads only its period, on indexed sort keys, costs the same on both: goal ratio ≤ 1.5.
 * The generated documents are written straight into SQLite (bench set-up only, as bench-daily.ts);
 * the reports run through the cloud functions like everywhere else.
 */
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { C } from '../cloudfunctions/_core/model'
import { rebuildReferrerTotals } from '../cloudfunctions/_core/usecases/referrer-totals'
import { rebuildCardTotals } from '../cloudfunctions/_core/usecases/friendcard-rebuild'
import { dayjs } from '../src/domain/clock'

/** Sunday 10:00 in Shanghai: the week, the day and the month all have recent activity. */
export const NOW = new Date('2026-11-22T02:00:00Z')
const DAY = 86_400_000
const GOAL = 1.5
/** At least this many runs and this long per report (both chains), for a stable median of fast reports. */
const RUNS = 11
const MIN_MS = 1_500

/**
 * One unit of old history; the large chain has ten. A report that answers a fixed page (the team
 * audit's latest 200, the outbox's latest 100) must already fill it at 1×, or the ratio would
 * measure how full the page is rather than how the cost grows with history.
 */
export const UNIT = { patients: 300, referrals: 150, bills: 1_500, cards: 300, messages: 1_500, audit: 250, gifts: 100 }
/** What happened in the report period (this day, week and month), the same on both chains. */
export const RECENT = { referrals: 12, bills: 40, cards: 16, messages: 30, audit: 10, gifts: 12 }

type Row = Record<string, unknown> & { _id: string }

/** The reports, each as staff open it. */
const REPORTS: Array<[label: string, fn: string, event: object, openid: string]> = [
  ['day sheet (desk, bills)', 'reception', { action: 'daySheet' }, 'demo-staff-receptionist'],
  ['day sheet (referrals, R9)', 'referral', { action: 'daySheet' }, 'demo-staff-admin'],
  ['payouts due (R3)', 'referral', { action: 'payouts' }, 'demo-staff-admin'],
  ['payouts paid (R3)', 'referral', { action: 'payouts', status: 'paid' }, 'demo-staff-admin'],
  ['referrer leaderboard (R8)', 'referral', { action: 'leaderboard' }, 'demo-staff-director'],
  ['weekly audit (R9)', 'referral', { action: 'audit' }, 'demo-staff-director'],
  ['friend-card summary (F7)', 'friendcard', { action: 'summary' }, 'demo-staff-director'],
  ['card reminders (F6)', 'friendcard', { action: 'reminders' }, 'demo-staff-director'],
  ['birthday list (N2)', 'membership', { action: 'birthdays' }, 'demo-staff-admin'],
  ['outbox (N3)', 'notify', { action: 'outbox' }, 'demo-staff-director'],
  ['team audit', 'team', { action: 'history' }, 'demo-staff-admin'],
  ['dashboard (last 30 days)', 'team', { action: 'dashboard' }, 'demo-staff-director'],
]

const iso = (ms: number) => new Date(ms).toISOString()
const dayOf = (ms: number) => dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DD')
const clinicOf = (i: number) => (i % 3 === 0 ? 'clinic_hz' : 'clinic_sh')

/**
 * Writes `n` of each kind with ids under `tag`, at instants `when(i)`. Referral bills earn rewards
 * in the ledger and a payout; cards carry their friend's later bills (F7).
 */
export function activity(tag: string, n: typeof RECENT & { patients: number }, when: (i: number) => number, old: boolean): Map<string, Row[]> {
  const out = new Map<string, Row[]>()
  const put = (coll: string, doc: Row) => { if (!out.has(coll)) out.set(coll, []); out.get(coll)!.push(doc) }
  const pat = (i: number) => `${tag}p${i % n.patients}`
  for (let i = 0; i < n.patients; i++) {
    put(C.patients, { _id: pat(i), name: `患者${tag}${i}`, recordNo: `${tag}${700000 + i}`, phone: `1${tag === 'old' ? 5 : 8}${String(i).padStart(9, '0')}`, clinicId: clinicOf(i), tier: 'none', cumulativeSpendFen: 50_000, createdAt: iso(when(i) - 30 * DAY) })
  }
  for (let i = 0; i < n.referrals; i++) {
    const at = iso(when(i))
    put(C.referrals, { _id: `${tag}ref${i}`, referrerPatientId: pat(i * 7), friendPatientId: pat(i * 7 + 1), friendPhone: `1${tag === 'old' ? 5 : 8}${String((i * 7 + 1) % n.patients).padStart(9, '0')}`, source: 'code', at, status: 'locked', lockedAt: at, firstPaidAt: at, firstBillId: `${tag}bill${i}`, sharedFen: 1_000, fixedRewarded: true, revenueFen: 100_000, policyVersion: 1 })
  }
  for (let i = 0; i < n.bills; i++) {
    const ms = when(i)
    const referralId = i < n.referrals ? `${tag}ref${i}` : undefined
    const patientId = referralId ? pat(i * 7 + 1) : pat(i)
    const paidFen = 100_000 + (i % 50) * 100
    put(C.bills, {
      _id: `${tag}bill${i}`, requestId: `${tag}rq${i}`, fingerprint: 'x', patientId, staffId: 'staff_rec_sh', clinicId: clinicOf(i), items: [],
      result: { lines: [], totals: { dueFen: paidFen, friendCardFen: 0, couponFen: 0 }, notes: [] }, paidFen, at: iso(ms), day: dayOf(ms), tierAfter: 'none', cumulativeSpendAfterFen: 0,
      billNo: `${dayOf(ms).replace(/-/g, '')}${String(i).padStart(6, '0')}`, paymentMethod: ['wechat', 'alipay', 'cash', 'card'][i % 4],
      ...(referralId ? { referralId, referralShareFen: 1_000, referralFixedFen: 20_000 } : {}),
    })
    put(C.ledger, { _id: `bill:${tag}bill${i}:payment`, accountId: `spend:${patientId}`, kind: 'bill_payment', amountFen: paidFen, balanceAfterFen: paidFen, patientId, billId: `${tag}bill${i}`, at: iso(ms), actor: 'staff_rec_sh' })
    if (referralId) {
      const referrer = pat(i * 7)
      for (const [kind, amountFen] of [['referral_reward', 20_000], ['referral_share', 1_000]] as const) {
        put(C.ledger, { _id: `bill:${tag}bill${i}:${kind}`, accountId: `bonus:${referrer}`, kind, amountFen, balanceAfterFen: 21_000, patientId: referrer, billId: `${tag}bill${i}`, referralId, at: iso(ms), actor: 'staff_rec_sh' })
      }
      put(C.payouts, { _id: `po_${tag}bill${i}`, referralId, referrerPatientId: referrer, billId: `${tag}bill${i}`, clinicId: clinicOf(i), amountFen: 5_000, status: old ? 'paid' : 'due', createdAt: iso(ms), day: dayOf(ms), markAttempts: old ? 1 : 0, ...(old ? { paidAt: iso(ms + DAY), method: 'wechat', reference: 'x' } : {}) })
    }
  }
  for (let i = 0; i < n.cards; i++) {
    const issued = when(i)
    const expires = issued + 92 * DAY
    // Old cards mostly ended (used up, expired, revoked); one in eight was registered and partly spent,
    // so it stays claimed for good (F5: a registered card never expires). Recent ones are in every state.
    const status = old ? ['used_up', 'expired', 'expired', 'revoked', 'used_up', 'expired', 'revoked', 'claimed'][i % 8] : ['issued', 'shared', 'claimed', 'claimed'][i % 4]
    const claimed = status === 'claimed' || status === 'used_up'
    const friend = claimed ? pat(i * 5 + 2) : undefined
    const redeemed = status === 'used_up' ? 60_000 : i % 8 === 3 || (old && status === 'claimed') ? 20_000 : 0
    put(C.friendCards, {
      _id: `${tag}fc${i}`, policyVersion: 1, giverPatientId: pat(i * 5), giverDisplayName: '会*', faceValueFen: 60_000, balanceFen: 60_000 - redeemed, issuedAt: iso(issued), issuedBy: 'staff_con_sh',
      expiresAt: iso(expires), shareToken: `${tag}tok${i}`, status, rev: 3, ...(status !== 'issued' ? { sharedAt: iso(issued + DAY / 4) } : {}),
      ...(friend ? { friendOpenid: `${tag}wx${i}`, claimedAt: iso(issued + DAY / 2), registeredAt: iso(issued + DAY), friendPatientId: friend } : {}),
      history: [{ at: iso(issued), actor: 'staff_con_sh', event: 'issued', amountFen: 60_000 }, ...(redeemed ? [{ at: iso(issued + 2 * DAY), actor: 'staff_rec_sh', event: 'redeemed', amountFen: redeemed }] : [])],
    })
  }
  for (let i = 0; i < n.messages; i++) {
    const ms = when(i)
    const status = old ? (i % 10 === 0 ? 'skipped' : 'sent') : ['queued', 'sent', 'skipped'][i % 3]
    put(C.outbox, { _id: `${tag}msg${i}`, to: { patientId: pat(i) }, template: 'referral_reward', data: { bonusFen: 21_000 }, createdAt: iso(ms), status, notBefore: iso(ms), attempts: status === 'sent' ? 1 : 0, ...(status === 'sent' ? { sentAt: iso(ms), channel: 'inbox' } : {}), ...(status === 'skipped' ? { reason: 'no_wechat' } : {}) })
  }
  for (let i = 0; i < n.audit; i++) {
    put(C.staffAudit, { _id: `${tag}sa${i}`, staffId: ['staff_rec_sh', 'staff_rec_hz', 'staff_con_sh'][i % 3], at: iso(when(i)), by: 'staff_adm', byName: '管理员 孙琳', change: 'role', before: { role: 'receptionist' }, after: { role: 'consultant' } })
  }
  for (let i = 0; i < n.gifts; i++) {
    // Old gift lists belong to past months; the recent ones to next month (the list staff prepare now).
    const month = old ? dayjs(when(i)).tz('Asia/Shanghai').format('YYYY-MM') : '2026-12'
    put(C.birthdayGifts, { _id: `${month}:${pat(i)}`, month, patientId: pat(i), name: `患者${tag}${i}`, phone: '13900000000', clinicId: clinicOf(i), birthday: `1980-${month.slice(5)}-${String(1 + (i % 28)).padStart(2, '0')}`, spend12mFen: 300_000, budgetFen: 20_000, status: 'todo', createdAt: iso(when(i)) })
  }
  return out
}

export async function chain(scale: number): Promise<LocalCloud> {
  const clock = new LocalClock()
  clock.pin(NOW)
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const olds = Object.fromEntries(Object.entries(UNIT).map(([k, v]) => [k, v * scale])) as typeof UNIT
  // Old history long ago; recent: this week, the most today.
  const old = activity('old', olds, longAgo, true)
  const recent = activity('new', { ...RECENT, patients: 60 }, thisWeek, false)
  for (const part of [old, recent]) await insertAll(cloud, part)
  // The old cards ended long ago, so the daily job (N1) has been running: its last window ended at 09:00 today.
  await cloud.store.set(C.jobs, { _id: 'daily', leaseUntil: null, run: null, last: { from: '2026-11-21T01:00:00.000Z', to: '2026-11-22T01:00:00.000Z', finishedAt: '2026-11-22T01:02:00.000Z' } })
  cloud.store.db.exec('ANALYZE')
  return cloud
}

/** This week (it began on Monday the 16th, clinic time): half of it today, within the last 70 minutes. */
const MONDAY = dayjs(NOW).tz('Asia/Shanghai').startOf('day').subtract(6, 'day').valueOf()
export const thisWeek = (i: number) => (i % 2 === 0 ? NOW.getTime() - (i % 8) * 600_000 : MONDAY + (i % 6) * DAY + 3_600_000)

/**
 * Old history: spread over the two years before the last 100 days — before every report period,
 * and old enough that its friend cards (valid three months, F5) have run out or been registered.
 */
export const longAgo = (i: number) => NOW.getTime() - 100 * DAY - ((i * 7_919) % 730) * DAY - (i % 24) * 3_600_000

/** Writes generated documents straight into SQLite (set-up only), then the R8 and F7 totals the money transactions would have kept. */
export async function insertAll(cloud: LocalCloud, part: Map<string, Row[]>): Promise<void> {
  const db = cloud.store.db
  for (const coll of part.keys()) await cloud.store.count(coll) // the tables and their indexes
  db.transaction(() => {
    for (const [coll, docs] of part) {
      const ins = db.prepare(`INSERT INTO "c_${coll}" (id, data) VALUES (?, ?)`)
      for (const d of docs) ins.run(d._id, JSON.stringify(d))
    }
  })()
  await rebuildReferrerTotals(cloud.store, NOW.toISOString())
  await rebuildCardTotals(cloud.store, NOW.toISOString())
}

/** One timed call; the answer's size in bytes. */
async function once(cloud: LocalCloud, fn: string, event: object, openid: string): Promise<{ ms: number; bytes: number }> {
  const t0 = process.hrtime.bigint()
  const res = await cloud.call(fn, event, openid)
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.error.code} ${res.error.message.en}`)
  return { ms, bytes: JSON.stringify(res.data).length }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Both chains in turn, run after run, so a busy moment of a shared machine hits both alike. */
async function compare(small: LocalCloud, large: LocalCloud, fn: string, event: object, openid: string) {
  const a: number[] = []
  const b: number[] = []
  let bytes = [0, 0]
  for (let r = 0, spent = 0; r < RUNS || (spent < MIN_MS && r < 200); r++) {
    const x = await once(small, fn, event, openid)
    const y = await once(large, fn, event, openid)
    a.push(x.ms)
    b.push(y.ms)
    spent += x.ms + y.ms
    bytes = [x.bytes, y.bytes]
  }
  return { a: median(a), b: median(b), bytes }
}

export async function benchReports(): Promise<Array<{ label: string; ratio: number }>> {
  const history = Object.entries(UNIT).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')
  console.log(`\nstaff reports: 1× vs 10× old history (1× = ${history}), same recent activity; median of ≥ ${RUNS} runs (goal: ratio ≤ ${GOAL})`)
  const t0 = Date.now()
  const small = await chain(1)
  const large = await chain(10)
  console.log(`  set-up ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  const out: Array<{ label: string; ratio: number }> = []
  try {
    for (const [label, fn, event, openid] of REPORTS) {
      await small.call(fn, event, openid) // warm: prepared statements, caches
      await large.call(fn, event, openid)
      const { a, b, bytes } = await compare(small, large, fn, event, openid)
      const ratio = b / a
      out.push({ label, ratio })
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
      console.log(`  ${label.padEnd(28)} 1× ${a.toFixed(1).padStart(7)} ms  10× ${b.toFixed(1).padStart(8)} ms  ratio ${ratio.toFixed(2).padStart(6)}  answer ${kb(bytes[0])} / ${kb(bytes[1])} — ${ratio <= GOAL ? 'within the goal' : 'OVER THE GOAL'}`)
    }
  } finally {
    await small.close()
    await large.close()
  }
  return out
}

if (require.main === module) {
  benchReports().catch((e) => { console.error(e); process.exit(1) })
}
