/**
 * Issue 11: the embedded store's throughput for a confirmed bill against a raw better-sqlite3
 * write transaction doing the same document work in the same run (goal: at least half as fast).
 * The raw transaction does what this bill's transaction does: reads the bill id (absent) and the
 * patient, writes the patient, the bill and its payment line — the very documents the confirmation
 * stored, in tables with the expression indexes the store declares (INDEXES) — so both pay the same
 * engine work and the ratio is what the store and the whole request path add on top of it.
 */
import Database from 'better-sqlite3'
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { INDEXES } from '../cloudfunctions/_core/ports/store'
import { fieldExpr } from '../cloudfunctions/_core/adapters/embedded/sql'
import { C } from '../cloudfunctions/_core/model'

const WARM_UP = 1_000

async function perOp(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await fn(-1 - i) // both reach steady state (JIT) before the clock starts
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await fn(i)
  return Number(process.hrtime.bigint() - t0) / 1000 / n
}

/** What one confirmed bill wrote, as stored: the raw transaction writes these same documents. */
interface Written { bill: Record<string, unknown>; patient: Record<string, unknown>; ledger: Record<string, unknown> }

function rawWriteTx(w: Written): (i: number) => void {
  const db = new Database(':memory:')
  for (const t of ['bills', 'patients', 'ledger']) {
    db.exec(`CREATE TABLE c_${t} (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID`)
    INDEXES[t].forEach((fields, k) => db.exec(`CREATE INDEX ix_${t}_${k} ON c_${t} (${fields.map(fieldExpr).join(', ')})`))
  }
  const get = Object.fromEntries(['bills', 'patients'].map((t) => [t, db.prepare(`SELECT data FROM c_${t} WHERE id = ?`)]))
  const upsert = db.prepare('INSERT INTO c_patients (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data')
  const insert = Object.fromEntries(['bills', 'ledger'].map((t) => [t, db.prepare(`INSERT INTO c_${t} (id, data) VALUES (?, ?)`)]))
  const pid = String(w.patient._id)
  upsert.run(pid, JSON.stringify(w.patient))
  const tx = db.transaction((i: number) => {
    get.bills.get(`bill_${i}`)
    const p = JSON.parse((get.patients.get(pid) as { data: string }).data) as { cumulativeSpendFen: number }
    upsert.run(pid, JSON.stringify({ ...p, cumulativeSpendFen: p.cumulativeSpendFen + 1 }))
    insert.bills.run(`bill_${i}`, JSON.stringify({ ...w.bill, _id: `bill_${i}` }))
    insert.ledger.run(`bill_${i}:payment`, JSON.stringify({ ...w.ledger, _id: `bill_${i}:payment`, billId: `bill_${i}` }))
  })
  return (i) => tx.immediate(i)
}

type Call = { sql: string; method: 'get' | 'all' | 'run'; params: unknown[] }

/**
 * The statements one confirmation sends to SQLite, recorded on a cloud of its own: every prepared
 * statement is wrapped while `record` is on. Replaying them is the same engine work as the
 * confirmation (caller, patient, family, referral and idempotency reads included) minus all the
 * JavaScript of the store and the request path.
 */
async function traceConfirm(confirmOnce: (cloud: LocalCloud, tag: string) => Promise<void>): Promise<Call[]> {
  const clock = new LocalClock()
  clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const db = (cloud.store as unknown as { db: Database.Database }).db
  const calls: Call[] = []
  let record = false
  const prepare = db.prepare.bind(db)
  db.prepare = ((sql: string) => {
    const st = prepare(sql)
    const wrap = (method: Call['method']) => (...params: unknown[]) => {
      if (record) calls.push({ sql, method, params })
      return (st[method] as (...a: unknown[]) => unknown)(...params)
    }
    return Object.assign(Object.create(st), { get: wrap('get'), all: wrap('all'), run: wrap('run') })
  }) as typeof db.prepare
  ;(cloud.store as unknown as { statements: Map<string, unknown> }).statements.clear() // the demo data's load prepared some already
  await confirmOnce(cloud, 'warm')
  record = true
  await confirmOnce(cloud, 'TRACE')
  await cloud.close()
  if (process.env.TRACE) for (const c of calls) console.log(c.method, c.sql.slice(0, 90))
  return calls
}

/** The traced statements in one IMMEDIATE transaction on `db`, the request's id swapped for the i-th. */
function replayTx(db: Database.Database, calls: Call[]): (i: number) => void {
  const swap = (v: unknown, i: number) => (typeof v === 'string' ? v.split('tp-TRACE-').join(`tp-r${i}-`) : v)
  const prepared = calls.map((c) => ({ st: db.prepare(c.sql), method: c.method, params: c.params }))
  const tx = db.transaction((i: number) => {
    for (const c of prepared) (c.st[c.method] as (...a: unknown[]) => unknown)(...c.params.map((v) => swap(v, i)))
  })
  return (i) => tx.immediate(String(i).replace('-', 'w') as unknown as number)
}

export async function benchThroughput(n = 2_000): Promise<void> {
  const clock = new LocalClock()
  clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const bill = [{ itemId: 'pi_demo_extraction' }] // 拔牙 ¥300 from the demo price list (issue 13: the desk bills catalogue items)
  // The patient's tier rises as the bills add up (M1): when the price changes, confirm the new one.
  let dueFen = 30_000
  let refused = 0
  const confirm = await perOp(n, async (i) => {
    const send = () => cloud.call('reception', { action: 'confirmBill', patientId: 'pat_plain', items: bill, requestId: `tp-${String(i).replace('-', 'w')}-xxxxx`, expectedDueFen: dueFen }, 'demo-staff-receptionist')
    let r = await send()
    if (!r.ok && r.error.code === 'BILL_CHANGED') {
      refused++
      dueFen = (r.error.details as { dueFen: number }).dueFen
      r = await send()
    }
    if (!r.ok) throw new Error(`confirmBill refused: ${r.error.code}`)
  })
  const calls = await traceConfirm(async (c, tag) => {
    const r = await c.call('reception', { action: 'confirmBill', patientId: 'pat_plain', items: bill, requestId: `tp-${tag}-xxxxx`, expectedDueFen: 30_000 }, 'demo-staff-receptionist')
    if (!r.ok) throw new Error(`confirmBill refused: ${r.error.code}`)
  })
  const sameSql = await perOp(n, replayTx((cloud.store as unknown as { db: Database.Database }).db, calls))
  const last = `bill_tp-${n - 1}-xxxxx`
  const written = {
    bill: (await cloud.store.get(C.bills, last))!, patient: (await cloud.store.get(C.patients, 'pat_plain'))!, ledger: (await cloud.store.get(C.ledger, `${last}:payment`))!,
  } as unknown as Written
  await cloud.close()
  const raw = await perOp(n, rawWriteTx(written))
  console.log('\nconfirmBill throughput on the embedded store vs a raw better-sqlite3 write transaction (same run; goal ≥ 50%)')
  console.log(`  confirmBill (whole request, embedded)     ${confirm.toFixed(1).padStart(9)} µs/op`)
  console.log(`  raw write transaction (2 reads, 3 writes) ${raw.toFixed(1).padStart(9)} µs/op`)
  const reads = calls.filter((c) => c.method !== 'run').length
  console.log(`  the confirmation's own ${calls.length} statements (${reads} reads, ${calls.length - reads} writes) replayed raw ${sameSql.toFixed(1).padStart(6)} µs/op`)
  console.log(`  (${refused} confirm(s) repeated at the new price after the tier changed)`)
  console.log(`  confirmBill runs at ${((100 * raw) / confirm).toFixed(0)}% of the raw transaction's rate`)
  console.log(`  and at ${((100 * sameSql) / confirm).toFixed(0)}% of the rate of its own statements replayed raw (the store and request path cost the rest)`)
}

if (require.main === module) void benchThroughput()
