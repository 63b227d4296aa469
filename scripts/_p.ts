import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
void (async () => {
  const clock = new LocalClock(); clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const bill = { patientId: 'pat_plain', items: [{ name: '洁牙 cleaning', category: 'treatment', amountFen: 30_000 }] }
  let due = 30000
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < 4000; i++) { const r: any = await cloud.call('reception', { action: 'confirmBill', ...bill, requestId: `x-${i}-yyyyyy`, expectedDueFen: due }, 'demo-staff-receptionist'); if (!r.ok) { due = r.error.details.dueFen; i-- } }
  console.log('confirm', (Number(process.hrtime.bigint() - t0) / 1000 / 4000).toFixed(0))
  await cloud.close()
})()
