import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
void (async () => {
  const clock = new LocalClock(); clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const s: any = cloud.deps.store
  const acc: Record<string, [number, number]> = {}
  for (const m of ['get', 'query', 'transaction', 'set', 'create', 'updateIf', 'count']) {
    const orig = s[m].bind(s)
    s[m] = async (...a: any[]) => { const t = process.hrtime.bigint(); try { return await orig(...a) } finally { const k = m === 'transaction' ? m : `${m} ${a[0]}`; acc[k] ??= [0, 0]; acc[k][0] += Number(process.hrtime.bigint() - t) / 1000; acc[k][1]++ } }
  }
  const bill = { patientId: 'pat_plain', items: [{ name: '洁牙 cleaning', category: 'treatment', amountFen: 30_000 }] }
  let due = 30000
  const N = 3000
  for (let i = 0; i < 200; i++) await cloud.call('reception', { action: 'confirmBill', ...bill, requestId: `w-${i}-yyyyyy`, expectedDueFen: due }, 'demo-staff-receptionist').then((r: any) => { if (!r.ok) due = r.error.details.dueFen })
  for (const k of Object.keys(acc)) delete acc[k]
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < N; i++) { const r: any = await cloud.call('reception', { action: 'confirmBill', ...bill, requestId: `x-${i}-yyyyyy`, expectedDueFen: due }, 'demo-staff-receptionist'); if (!r.ok) { due = r.error.details.dueFen; i-- } }
  const total = Number(process.hrtime.bigint() - t0) / 1000 / N
  console.log('confirm µs', total.toFixed(0))
  for (const [k, [t, n]] of Object.entries(acc)) console.log(k.padEnd(30), (t / N).toFixed(1), 'µs/req', (n / N).toFixed(1), 'calls/req', (t / n).toFixed(1), 'µs/call')
  const raw = Date.now()
  await cloud.close(); void raw
})()
