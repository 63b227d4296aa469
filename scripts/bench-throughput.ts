/**
 * Issue 11: the embedded store's throughput for a confirmed bill against a raw better-sqlite3
 * write transaction doing the same document work in the same run (goal: at least half as fast).
 * The raw transaction reads three documents by id (bill, patient, bonus account) and writes five
 * (the account, the patient, the bill, two ledger lines) — what confirmBill's transaction does — in
 * tables with the same expression indexes the store declares (INDEXES), so both pay the same engine
 * work and the ratio is what the store and the request path add on top.
 */
import Database from 'better-sqlite3'
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { INDEXES } from '../cloudfunctions/_core/ports/store'
import { fieldExpr } from '../cloudfunctions/_core/adapters/embedded/sql'

async function perOp(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(-1 - i) // warm up
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await fn(i)
  return Number(process.hrtime.bigint() - t0) / 1000 / n
}

function rawWriteTx(): (i: number) => void {
  const db = new Database(':memory:')
  for (const t of ['bills', 'patients', 'accounts', 'ledger']) {
    db.exec(`CREATE TABLE c_${t} (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID`)
    INDEXES[t].forEach((fields, k) => db.exec(`CREATE INDEX ix_${t}_${k} ON c_${t} (${fields.map(fieldExpr).join(', ')})`))
  }
  const get = Object.fromEntries(['bills', 'patients', 'accounts'].map((t) => [t, db.prepare(`SELECT data FROM c_${t} WHERE id = ?`)]))
  const put = Object.fromEntries(['bills', 'patients', 'accounts', 'ledger'].map((t) => [t, db.prepare(`INSERT INTO c_${t} (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data`)]))
  const patient = { name: '王芳', phone: '13800000000', clinicId: 'clinic_sh', visits: 3, tier: 'member', firstPaidAt: '2026-01-01T00:00:00Z' }
  put.patients.run('pat_1', JSON.stringify(patient))
  put.accounts.run('bonus:pat_1', JSON.stringify({ balanceFen: 50_000, version: 1 }))
  const tx = db.transaction((i: number) => {
    get.bills.get(`bill_${i}`)
    const p = JSON.parse((get.patients.get('pat_1') as { data: string }).data) as typeof patient
    const a = JSON.parse((get.accounts.get('bonus:pat_1') as { data: string }).data) as { balanceFen: number; version: number }
    put.accounts.run('bonus:pat_1', JSON.stringify({ ...a, version: a.version + 1 }))
    put.patients.run('pat_1', JSON.stringify({ ...p, visits: p.visits + 1 }))
    put.bills.run(`bill_${i}`, JSON.stringify({ patientId: 'pat_1', clinicId: 'clinic_sh', day: '2026-11-22', items: [{ name: '洁牙', category: 'treatment', amountFen: 30_000 }], dueFen: 29_000, at: new Date().toISOString() }))
    put.ledger.run(`led_${i}_a`, JSON.stringify({ accountId: 'bonus:pat_1', patientId: 'pat_1', kind: 'bonus_debit', at: new Date().toISOString(), amountFen: -1_000, billId: `bill_${i}` }))
    put.ledger.run(`led_${i}_b`, JSON.stringify({ accountId: 'spend:pat_1', patientId: 'pat_1', kind: 'bill_payment', at: new Date().toISOString(), amountFen: 29_000, billId: `bill_${i}` }))
  })
  return (i) => tx.immediate(i)
}

export async function benchThroughput(n = 2_000): Promise<void> {
  const clock = new LocalClock()
  clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const bill = [{ name: '洁牙 cleaning', category: 'treatment', amountFen: 30_000 }]
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
  await cloud.close()
  const raw = await perOp(n, rawWriteTx())
  console.log('\nconfirmBill throughput on the embedded store vs a raw better-sqlite3 write transaction (same run; goal ≥ 50%)')
  console.log(`  confirmBill (whole request, embedded)     ${confirm.toFixed(1).padStart(9)} µs/op`)
  console.log(`  raw write transaction (3 reads, 5 writes) ${raw.toFixed(1).padStart(9)} µs/op`)
  console.log(`  (${refused} confirm(s) repeated at the new price after the tier changed)`)
  console.log(`  confirmBill runs at ${((100 * raw) / confirm).toFixed(0)}% of the raw transaction's rate`)
}

if (require.main === module) void benchThroughput()
